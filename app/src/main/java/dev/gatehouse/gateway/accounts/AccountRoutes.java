package dev.gatehouse.gateway.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Idempotency;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RequestBodies;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Tier;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** /admin/v1/accounts: list, 360° detail, PATCH with If-Match, and enforcement actions (with a dry-run preview). */
public final class AccountRoutes {
    static final Set<String> STATUSES = Arrays.stream(AccountStatus.values()).map(AccountStatus::wire).collect(Collectors.toSet());
    static final Set<String> TIERS = Arrays.stream(Tier.values()).map(Tier::wire).collect(Collectors.toSet());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final Jdbi jdbi;
    private final Clock clock;

    public AccountRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/admin/v1/accounts", this::list);
        app.get("/admin/v1/accounts/{id}", this::detail);
        app.patch("/admin/v1/accounts/{id}", this::patch);
        app.post("/admin/v1/accounts/{id}/actions", ctx -> action(ctx, false));
        app.post("/admin/v1/accounts/{id}/actions/preview", ctx -> action(ctx, true));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void list(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        AccountStore.Filter f = new AccountStore.Filter(QueryParams.text(ctx, "q", 200).orElse(null),
                QueryParams.oneOf(ctx, "status", STATUSES).orElse(null), QueryParams.oneOf(ctx, "tier", TIERS).orElse(null));
        int limit = QueryParams.limit(ctx);
        String before = Cursor.decode(ctx, "accounts", 1).map(k -> k.get(0)).orElse(null);
        List<Account> rows = jdbi.withHandle(h -> AccountStore.list(h, f, before, limit + 1));
        ctx.json(page(rows, limit, a -> Cursor.encode("accounts", a.id())));
    }

    public static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> cursor) {
        if (rows.size() > limit) {
            List<T> data = rows.subList(0, limit);
            return new Page<>(data, cursor.apply(data.get(limit - 1)));
        }
        return new Page<>(rows, null);
    }

    private void detail(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        String id = ctx.pathParam("id");
        var detail = jdbi.withHandle(h -> AccountStore.detail(h, id, now())).orElseThrow(() -> ApiException.notFound("account", id));
        ETags.set(ctx, detail.account().version());
        ctx.json(detail);
    }

    private void patch(Context ctx) {
        String id = ctx.pathParam("id");
        Operator op = dev.gatehouse.gateway.http.OperatorAuth.operator(ctx);
        AccountPatch body = RequestBodies.json(ctx, AccountPatch.class);
        if (body.tier() == null && body.name() == null && body.email() == null) {
            throw ApiException.validation(List.of(new Problem.FieldError("tier", "send at least one of tier, name, email")));
        }
        if (body.tier() != null) {
            op = PermissionCheck.require(ctx, Permission.CHANGE_TIER);
        }
        if (body.name() != null || body.email() != null) {
            op = PermissionCheck.require(ctx, Permission.EDIT_CONTACT);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.tier() != null && !TIERS.contains(body.tier())) {
            errors.add(new Problem.FieldError("tier", "unknown tier '" + body.tier() + "'; use one of free, starter, pro, enterprise"));
        }
        String name = body.name() == null ? null : body.name().trim();
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            errors.add(new Problem.FieldError("name", "must be 1 to 200 characters"));
        }
        String email = body.email() == null ? null : body.email().trim().toLowerCase(Locale.ROOT);
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new Problem.FieldError("email", "must be an email address like name@example.com"));
        }
        if (body.reason() != null && body.reason().length() > Enforcement.MAX_REASON_LENGTH) {
            errors.add(new Problem.FieldError("reason", "must be at most " + Enforcement.MAX_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        long expected = ETags.requireIfMatch(ctx);
        Operator actor = op;
        Instant now = now();
        Account updated = jdbi.inTransaction(h -> {
            Account before = AccountStore.lock(h, id).orElseThrow(() -> ApiException.notFound("account", id));
            if (before.version() != expected) {
                throw ETags.stale(ctx, "account", expected, before.version());
            }
            String newName = name == null ? before.name() : name;
            String newEmail = email == null ? before.email() : email;
            String newTier = body.tier() == null ? before.tier() : body.tier();
            h.createUpdate("UPDATE accounts SET name = :name, name_lower = :nl, email = :email, email_domain = :dom, tier = :tier, "
                            + "version = version + 1 WHERE id = :id")
                    .bind("name", newName).bind("nl", newName.toLowerCase(Locale.ROOT)).bind("email", newEmail)
                    .bind("dom", AccountStore.domainOf(newEmail)).bind("tier", newTier).bind("id", id).execute();
            Account after = AccountStore.find(h, id).orElseThrow();
            AuditLog.append(h, new AuditLog.Draft(now, actor.id(), "account.update", id,
                    body.reason() == null || body.reason().isBlank() ? null : body.reason().trim(),
                    changedFields(before, after, true), changedFields(before, after, false)));
            return after;
        });
        ETags.set(ctx, updated.version());
        ctx.json(updated);
    }

    /** The fields a PATCH changed, as they were (before) or are now (after), plus the version. */
    private static Map<String, Object> changedFields(Account before, Account after, boolean old) {
        Map<String, Object> m = new LinkedHashMap<>();
        Account a = old ? before : after;
        if (!before.name().equals(after.name())) m.put("name", a.name());
        if (!before.email().equals(after.email())) m.put("email", a.email());
        if (!before.tier().equals(after.tier())) m.put("tier", a.tier());
        m.put("version", a.version());
        return m;
    }

    private void action(Context ctx, boolean preview) {
        String id = ctx.pathParam("id");
        byte[] raw = RequestBodies.bytes(ctx);
        ActionRequest req = RequestBodies.parse(raw, ActionRequest.class);
        AccountAction action = ActionRequests.action(req, AccountAction.class, AccountAction::fromWire);
        Operator op = PermissionCheck.require(ctx, Permission.forAccountAction(action));
        ActionRequests.validate(req, Enforcement.acceptsDuration(action));
        Long ifMatch = ctx.header("If-Match") == null ? null : ETags.requireIfMatch(ctx);
        Instant now = now();
        if (preview) {
            ctx.json(jdbi.withHandle(h -> perform(ctx, h, op, id, action, req, ifMatch, now, true)));
            return;
        }
        Idempotency.respond(ctx, jdbi, op, raw, h -> perform(ctx, h, op, id, action, req, ifMatch, now, false));
    }

    /** Applies (or, for a preview, only works out) an account action; one audit entry in the same transaction. */
    private static AccountActionResult perform(Context ctx, Handle h, Operator op, String id, AccountAction action,
                                               ActionRequest req, Long ifMatch, Instant now, boolean preview) {
        Account before = (preview ? AccountStore.find(h, id) : AccountStore.lock(h, id))
                .orElseThrow(() -> ApiException.notFound("account", id));
        if (ifMatch != null && before.version() != ifMatch) {
            throw ETags.stale(ctx, "account", ifMatch, before.version());
        }
        AccountStatus current = AccountStatus.fromWire(before.status()).orElseThrow();
        Enforcement.Decision<AccountStatus> decision = Enforcement.account(current, action);
        if (!decision.allowed()) {
            throw current.isFinal() ? ApiException.finalState(decision.refusal()) : ApiException.conflict(decision.refusal());
        }
        Integer hours = Enforcement.acceptsDuration(action) ? req.durationHours() : null;
        Instant until = action == AccountAction.SUSPEND ? Enforcement.suspendedUntil(now, hours) : null;
        String reason = req.reason().trim();
        int keysRevoked = Enforcement.revokesAllKeys(action)
                ? (preview ? KeyStore.countRevocable(h, id) : KeyStore.revokeAll(h, id)) : 0;
        Account after = new Account(before.id(), before.name(), before.email(), decision.next().wire(), before.tier(),
                before.balance(), before.currency(), before.createdAt(), until, before.version() + 1);
        List<String> changes = new ArrayList<>();
        changes.add(current == decision.next() ? "status stays " + current.wire() + " (another warning is recorded)"
                : "status " + current.wire() + " → " + decision.next().wire());
        if (until != null) changes.add("suspended until " + until);
        if (before.suspendedUntil() != null && until == null) changes.add("timed suspension until " + before.suspendedUntil() + " cleared");
        if (Enforcement.revokesAllKeys(action)) changes.add("revokes " + keysRevoked + (keysRevoked == 1 ? " key" : " keys"));
        Map<String, Object> auditBefore = snapshot(before, null);
        Map<String, Object> auditAfter = snapshot(after, Enforcement.revokesAllKeys(action) ? keysRevoked : null);
        AuditLog.Draft draft = new AuditLog.Draft(now, op.id(), "account." + action.wire(), id, reason, auditBefore, auditAfter);
        if (preview) {
            return new AccountActionResult(action.wire(), true, after, keysRevoked, changes, null, draft.preview());
        }
        h.createUpdate("UPDATE accounts SET status = :status, suspended_until = :until, version = version + 1 WHERE id = :id")
                .bind("status", after.status()).bind("until", until).bind("id", id).execute();
        AccountStore.recordEnforcement(h, new EnforcementAction(PrefixedIds.next("enf_", now), id, null, "account",
                action.wire(), reason, op.id(), now, hours, until));
        AuditEntry entry = AuditLog.append(h, draft);
        return new AccountActionResult(action.wire(), false, after, keysRevoked, changes, entry.id(), entry);
    }

    static Map<String, Object> snapshot(Account a, Integer keysRevoked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status());
        m.put("suspended_until", a.suspendedUntil());
        m.put("version", a.version());
        if (keysRevoked != null) m.put("keys_revoked", keysRevoked);
        return m;
    }
}
