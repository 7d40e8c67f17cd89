package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Bearer-token authentication for /admin/v1 and the role check every route makes (DESIGN §3). */
public final class OperatorAuth implements Handler {
    private static final String ATTRIBUTE = "gatehouse.operator";
    private final OperatorStore operators;
    private final SignInThrottle throttle;

    public OperatorAuth(OperatorStore operators) {
        this(operators, new SignInThrottle(Clock.systemUTC()));
    }

    public OperatorAuth(OperatorStore operators, SignInThrottle throttle) {
        this.operators = operators;
        this.throttle = throttle;
    }

    @Override
    public void handle(Context ctx) {
        String client = ctx.req().getRemoteAddr();
        throttle.refuseIfThrottled(ctx, client);
        try {
            authenticate(ctx);
        } catch (ApiException e) {
            throttle.failed(client);
            throw e;
        }
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("Send 'Authorization: Bearer <operator token>'.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw unauthorized("The Authorization header must use the Bearer scheme: 'Bearer <operator token>'.");
        }
        String token = header.substring(7).trim();
        OperatorStore.TokenCheck check = operators.check(token);
        if (check.expiredAt() != null) {
            // issue 13: an expired token is told so, not just "not valid", so its holder knows to ask a lead for a new one
            throw new ApiException(ProblemType.TOKEN_EXPIRED, "The operator token expired at " + check.expiredAt()
                    + ". Ask a lead to rotate it (Team screen, or POST /admin/v1/operators/{id}/actions rotate_token).");
        }
        Operator op = check.operator()
                .orElseThrow(() -> unauthorized("The operator token is not valid or has been disabled."));
        operators.seen(op);
        ctx.attribute(ATTRIBUTE, op);
    }

    public static Operator operator(Context ctx) {
        Operator op = ctx.attribute(ATTRIBUTE);
        if (op == null) {
            throw unauthorized("Send 'Authorization: Bearer <operator token>'.");
        }
        return op;
    }

    /** The calling operator, if their role is one of {@code allowed} (a lead always is); 403 otherwise. */
    public static Operator require(Context ctx, String action, Role... allowed) {
        Operator op = operator(ctx);
        if (!op.is(allowed)) {
            String roles = Arrays.stream(allowed).map(Role::wire).collect(Collectors.joining(", "));
            throw ApiException.forbidden("Your role '" + op.role().wire() + "' may not " + action
                    + ". Roles that may: " + (roles.isEmpty() ? "lead" : roles + ", lead") + ".");
        }
        return op;
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail);
    }
}
