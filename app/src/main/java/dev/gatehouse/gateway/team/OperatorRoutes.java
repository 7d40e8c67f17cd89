package dev.gatehouse.gateway.team;

import dev.gatehouse.api.NewOperator;
import dev.gatehouse.api.OperatorActionRequest;
import dev.gatehouse.api.OperatorActionResult;
import dev.gatehouse.api.OperatorCreated;
import dev.gatehouse.api.OperatorPatch;
import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.http.ShownOnce;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.operators.OperatorTokens;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * /admin/v1/operators (issue 13), lead only: list and read operators, add one (its token shown once), change a role
 * or name, and deactivate, reactivate or rotate a token. The last active lead can be neither deactivated nor demoted,
 * so the team cannot lock itself out.
 */
public final class OperatorRoutes implements Feature {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> ACTIONS = List.of("deactivate", "reactivate", "rotate_token");
    private static final Routes.Body<NewOperator> CREATE = lead(NewOperator.class);
    private static final Routes.Body<OperatorPatch> PATCH = lead(OperatorPatch.class);
    private static final Routes.Body<OperatorActionRequest> ACTION = lead(OperatorActionRequest.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public OperatorRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private static <B> Routes.Body<B> lead(Class<B> type) {
        return new Routes.Body<>(type, Set.of(Permission.MANAGE_OPERATORS), b -> List.of());
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/operators", Permission.MANAGE_OPERATORS, this::list);
        routes.read("/admin/v1/operators/{id}", Permission.MANAGE_OPERATORS, this::detail);
        routes.create("/admin/v1/operators", CREATE, this::create);
        routes.edit("/admin/v1/operators/{id}", PATCH, this::patch);
        routes.action("/admin/v1/operators/{id}/actions", ACTION, this::act);
    }

    private void list(Context ctx) {
        int limit = QueryParams.limit(ctx);
        String after = Cursor.decode(ctx, "operators", 1).map(k -> k.get(0)).orElse(null);
        Instant now = clock.instant();
        List<OperatorProfile> rows = jdbi.withHandle(h -> OperatorRows.list(h, after, limit + 1, now));
        ctx.json(Pages.of(rows, limit, o -> Cursor.encode("operators", o.id())));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        OperatorRows.Row row = jdbi.withHandle(h -> OperatorRows.find(h, id, now)).orElseThrow(() -> ApiException.notFound("operator", id));
        ETags.set(ctx, row.version());
        ctx.json(row.profile());
    }

    private Audited<ShownOnce> create(RouteRequest<NewOperator> request) {
        NewOperator body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = name(body.name(), true, errors);
        String email = body.email() == null ? "" : body.email().trim().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new Problem.FieldError("email", "must be an email address like name@example.com"));
        }
        String role = role(body.role(), true, errors);
        reason(body.reason(), errors);
        expiry(body.expiresAt(), request.now(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        if (OperatorRows.emailTaken(h, email)) {
            throw ApiException.conflict("An operator with email '" + email + "' already exists; change that operator instead.");
        }
        String id = PrefixedIds.next("op_", request.now());
        String token = OperatorTokens.newToken();
        OperatorRows.insert(h, id, name, email, role, OperatorTokens.hash(token), request.now(), body.expiresAt());
        OperatorProfile created = OperatorRows.find(h, id, request.now()).orElseThrow().profile();
        return new Audited<>(draft(request, "operator.create", id, body.reason(), null, shown(created)),
                entry -> new ShownOnce(new OperatorCreated(created, token), new OperatorCreated(created, null)));
    }

    private Audited<OperatorProfile> patch(RouteRequest<OperatorPatch> request) {
        OperatorPatch body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.role() == null && body.name() == null) {
            errors.add(new Problem.FieldError("role", "send at least one of role, name"));
        }
        String name = name(body.name(), false, errors);
        String role = role(body.role(), false, errors);
        reason(body.reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        OperatorRows.Row before = found(OperatorRows.lock(h, id, request.now()), id);
        request.checkVersion("operator", before.version());
        String newRole = role == null ? before.profile().role() : role;
        if (before.activeLead() && !"lead".equals(newRole)) {
            refuseIfLastLead(h, id, "demoted");
        }
        OperatorRows.update(h, id, name == null ? before.profile().name() : name, newRole);
        OperatorRows.Row after = OperatorRows.find(h, id, request.now()).orElseThrow();
        request.etag(after.version());
        return new Audited<>(draft(request, "operator.update", id, body.reason(), changed(before, after, true), changed(before, after, false)),
                entry -> after.profile());
    }

    private Audited<Object> act(RouteRequest<OperatorActionRequest> request) {
        OperatorActionRequest body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.action() == null || !ACTIONS.contains(body.action())) {
            errors.add(new Problem.FieldError("action", "must be one of " + String.join(", ", ACTIONS)));
        }
        reason(body.reason(), errors);
        if (body.expiresAt() != null && !"rotate_token".equals(body.action())) {
            errors.add(new Problem.FieldError("expires_at", "only rotate_token takes an expiry; leave it out for " + body.action()));
        }
        expiry(body.expiresAt(), request.now(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        OperatorRows.Row before = found(OperatorRows.lock(h, id, request.now()), id);
        request.checkVersion("operator", before.version());
        boolean active = "active".equals(before.profile().status());
        String token = null;
        switch (body.action()) {
            case "deactivate" -> {
                if (!active) {
                    throw ApiException.conflict("Operator '" + id + "' is already deactivated.");
                }
                if (before.activeLead()) {
                    refuseIfLastLead(h, id, "deactivated");
                }
                OperatorRows.setDisabled(h, id, true);
            }
            case "reactivate" -> {
                if (active) {
                    throw ApiException.conflict("Operator '" + id + "' is already active.");
                }
                OperatorRows.setDisabled(h, id, false);
            }
            default -> {
                token = OperatorTokens.newToken();
                OperatorRows.replaceToken(h, id, OperatorTokens.hash(token), request.now(), body.expiresAt());
            }
        }
        OperatorRows.Row after = OperatorRows.find(h, id, request.now()).orElseThrow();
        String shownToken = token;
        return new Audited<>(draft(request, "operator." + body.action(), id, body.reason(), changed(before, after, true),
                changed(before, after, false)),
                entry -> {
                    OperatorActionResult result = new OperatorActionResult(body.action(), after.profile(), shownToken, entry.id());
                    return shownToken == null ? result
                            : new ShownOnce(result, new OperatorActionResult(body.action(), after.profile(), null, entry.id()));
                });
    }

    /** 409 when {@code id} is the only active lead: nobody could then manage the team through the API. */
    private static void refuseIfLastLead(Handle h, String id, String what) {
        List<String> leads = OperatorRows.lockActiveLeads(h);
        if (leads.size() <= 1 && leads.contains(id)) {
            throw ApiException.conflict("Operator '" + id + "' is the last active lead and cannot be " + what
                    + ": nobody could then manage operators. Make another operator a lead first.");
        }
    }

    private static OperatorRows.Row found(Optional<OperatorRows.Row> row, String id) {
        return row.orElseThrow(() -> ApiException.notFound("operator", id));
    }

    private static String name(String raw, boolean required, List<Problem.FieldError> errors) {
        if (raw == null && !required) {
            return null;
        }
        String name = raw == null ? "" : raw.trim();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new Problem.FieldError("name", "must be 1 to 200 characters"));
        }
        return name;
    }

    private static String role(String raw, boolean required, List<Problem.FieldError> errors) {
        if (raw == null && !required) {
            return null;
        }
        if (raw == null || Role.fromWire(raw).isEmpty()) {
            errors.add(new Problem.FieldError("role", "must be one of viewer, support, trust_safety, ops, lead"));
        }
        return raw;
    }

    /** An expiry, when given, must lie in the future: a token born expired would only ever get 401. */
    private static void expiry(Instant expiresAt, Instant now, List<Problem.FieldError> errors) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new Problem.FieldError("expires_at", "must be in the future (now is " + now + "); leave it out for a token that does not expire"));
        } else if (expiresAt != null && !dev.gatehouse.policy.StorableTime.holds(expiresAt)) {
            errors.add(new Problem.FieldError("expires_at", "must be within " + dev.gatehouse.policy.StorableTime.RANGE
                    + "; leave it out for a token that does not expire"));
        }
    }

    private static void reason(String reason, List<Problem.FieldError> errors) {
        Enforcement.reasonProblem(reason).ifPresent(m -> errors.add(new Problem.FieldError("reason", m)));
    }

    private static AuditLog.Draft draft(RouteRequest<?> request, String action, String id, String reason, Object before, Object after) {
        return new AuditLog.Draft(request.now(), request.operator().id(), action, id, reason.trim(), before, after);
    }

    /** What the audit trail keeps of an operator: never a token, and only the age of its token. */
    private static Map<String, Object> shown(OperatorProfile o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("email", o.email());
        m.put("role", o.role());
        m.put("status", o.status());
        m.put("token_created_at", o.tokenCreatedAt());
        m.put("token_expires_at", o.tokenExpiresAt());
        return m;
    }

    /** The fields an edit or action changed, as they were (before) or are now (after), plus the version. */
    private static Map<String, Object> changed(OperatorRows.Row before, OperatorRows.Row after, boolean old) {
        Map<String, Object> was = shown(before.profile());
        Map<String, Object> now = shown(after.profile());
        Map<String, Object> m = new LinkedHashMap<>();
        (old ? was : now).forEach((k, v) -> {
            if (!java.util.Objects.equals(was.get(k), now.get(k))) {
                m.put(k, v);
            }
        });
        m.put("version", old ? before.version() : after.version());
        return m;
    }
}
