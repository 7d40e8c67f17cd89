package dev.gatehouse.gateway.http;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.Permission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where every admin route is registered, stating its permission and its kind; the rails run here, once, for all of them:
 * <ol>
 *   <li>the role check (403), before the body is read: a role that may not act gets 403, whatever it sends;</li>
 *   <li>If-Match: required on an edit (428), honoured on an action or preview when sent (412 when stale);</li>
 *   <li>the body, parsed strictly, and the permissions this particular body needs (403), e.g. the action it names;</li>
 *   <li>the handler, in one transaction with, for a mutation, exactly one audit entry appended by the rails;</li>
 *   <li>Idempotency-Key on actions and creates: a replay gets the first answer, another body with the same key 422.</li>
 * </ol>
 */
public final class Routes {
    /**
     * A read (GET); a preview (POST that writes nothing); an edit (PATCH with If-Match); a replace (PUT with
     * If-Match); an action (POST with Idempotency-Key); a create (an action that answers 201 with what it made);
     * a removal (DELETE with a body giving the reason, Idempotency-Key honoured).
     */
    public enum Kind { READ, PREVIEW, EDIT, REPLACE, ACTION, CREATE, REMOVE }

    /** One registered route and its rails, as the route tests enumerate them. */
    public record Declared(HandlerType method, String path, Kind kind, Set<Permission> permissions) {
        public boolean mutates() {
            return kind != Kind.READ && kind != Kind.PREVIEW;
        }
    }

    /**
     * A body a route reads: its type; every permission the route can need (a role holding none gets 403 before the
     * body is read); and which of them this body needs, each checked once it is parsed.
     */
    public record Body<B>(Class<B> type, Set<Permission> permissions, Function<B, List<Permission>> needs,
                          boolean unknownFieldsAreFieldErrors) {
        public Body {
            permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        }

        public Body(Class<B> type, Set<Permission> permissions, Function<B, List<Permission>> needs) {
            this(type, permissions, needs, false);
        }

        /**
         * This body with unknown fields answered 422 with a field error each, as an intake whose issue asks for it
         * (issue 9: "Missing or unknown fields get 422 with field errors"); every other body keeps the strict 400.
         */
        public Body<B> unknownFieldsAsFieldErrors() {
            return new Body<>(type, permissions, needs, true);
        }
    }

    /** The work of a mutation inside its transaction: the feature's change, and the audit entry the rails append. */
    @FunctionalInterface
    public interface Mutation<B> {
        Audited<?> apply(RouteRequest<B> request);
    }

    /** The work of a preview: what the mutation would answer, read in a transaction that writes nothing. */
    @FunctionalInterface
    public interface Preview<B> {
        Object apply(RouteRequest<B> request);
    }

    private final Javalin app;
    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Declared> declared = new ArrayList<>();

    public Routes(Javalin app, Jdbi jdbi, Clock clock) {
        this.app = app;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public List<Declared> declared() {
        return List.copyOf(declared);
    }

    /** A GET any role holding {@code permission} may call. */
    public void read(String path, Permission permission, Handler handler) {
        declare(HandlerType.GET, path, Kind.READ, Set.of(permission), ctx -> {
            PermissionCheck.require(ctx, permission);
            handler.handle(ctx);
        });
    }

    /** A POST that works out what an action would do and writes nothing (no audit entry, no Idempotency-Key). */
    public <B> void preview(String path, Body<B> body, Preview<B> work) {
        declare(HandlerType.POST, path, Kind.PREVIEW, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, false);
            ctx.json(jdbi.withHandle(h -> work.apply(request.on(h))));
        });
    }

    /** A PATCH of an editable resource: If-Match required; the response carries the new ETag. */
    public <B> void edit(String path, Body<B> body, Mutation<B> mutation) {
        declare(HandlerType.PATCH, path, Kind.EDIT, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, true);
            Object result = jdbi.inTransaction(h -> audited(path, request.on(h), mutation));
            if (request.etagToSend() != null) {
                ETags.set(ctx, request.etagToSend());
            }
            ctx.json(result);
        });
    }

    /** A PUT that replaces an editable resource (a tier, the policy, the macros): If-Match required, new ETag sent. */
    public <B> void replace(String path, Body<B> body, Mutation<B> mutation) {
        declare(HandlerType.PUT, path, Kind.REPLACE, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, true);
            Object result = jdbi.inTransaction(h -> audited(path, request.on(h), mutation));
            if (request.etagToSend() != null) {
                ETags.set(ctx, request.etagToSend());
            }
            ctx.json(result);
        });
    }

    /** A DELETE that withdraws something (a scheduled price change) with a reason in its body; answers 200 with it. */
    public <B> void remove(String path, Body<B> body, Mutation<B> mutation) {
        declare(HandlerType.DELETE, path, Kind.REMOVE, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, false);
            Idempotency.respond(ctx, jdbi, request.operator(), request.raw(), request.now(), 200,
                    h -> audited(path, request.on(h), mutation));
        });
    }

    /** A POST action: Idempotency-Key honoured, If-Match honoured when sent. */
    public <B> void action(String path, Body<B> body, Mutation<B> mutation) {
        declare(HandlerType.POST, path, Kind.ACTION, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, false);
            Idempotency.respond(ctx, jdbi, request.operator(), request.raw(), request.now(), 200,
                    h -> audited(path, request.on(h), mutation));
        });
    }

    /** A POST that makes a resource: like an action, but answers 201. */
    public <B> void create(String path, Body<B> body, Mutation<B> mutation) {
        declare(HandlerType.POST, path, Kind.CREATE, body.permissions(), ctx -> {
            RouteRequest<B> request = admit(ctx, body, false);
            Idempotency.respond(ctx, jdbi, request.operator(), request.raw(), request.now(), 201,
                    h -> audited(path, request.on(h), mutation));
        });
    }

    private void declare(HandlerType method, String path, Kind kind, Set<Permission> permissions, Handler handler) {
        declared.add(new Declared(method, path, kind, permissions));
        app.addHttpHandler(method, path, handler);
    }

    /** The rails before the handler, in order: role, If-Match, body, the permissions this body needs. */
    private <B> RouteRequest<B> admit(Context ctx, Body<B> body, boolean ifMatchRequired) {
        Operator op = PermissionCheck.requireAny(ctx, body.permissions());
        Long ifMatch = ifMatchRequired || ctx.header("If-Match") != null ? ETags.requireIfMatch(ctx) : null;
        byte[] raw = RequestBodies.bytes(ctx);
        B parsed = body.unknownFieldsAreFieldErrors() ? RequestBodies.parseUnknownAsFieldErrors(raw, body.type())
                : RequestBodies.parse(raw, body.type());
        for (Permission p : body.needs().apply(parsed)) {
            if (!body.permissions().contains(p)) {
                throw new IllegalStateException(ctx.path() + " needs " + p + " but does not declare it");
            }
            op = PermissionCheck.require(ctx, p);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new RouteRequest<>(ctx, op, raw, parsed, now, ifMatch);
    }

    private static <B> Object audited(String path, RouteRequest<B> request, Mutation<B> mutation) {
        Audited<?> result = mutation.apply(request);
        if (request.ifMatch() != null && !request.versionChecked()) {
            throw new IllegalStateException(path + " was sent If-Match but did not check the version");
        }
        AuditEntry entry = AuditLog.append(request.handle(), result.draft());
        return result.response().apply(entry);
    }
}
