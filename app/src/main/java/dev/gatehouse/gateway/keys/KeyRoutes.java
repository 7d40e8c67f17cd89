package dev.gatehouse.gateway.keys;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.gateway.accounts.AccountRoutes;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.accounts.ActionRequests;
import dev.gatehouse.gateway.accounts.PermissionCheck;
import dev.gatehouse.gateway.accounts.PrefixedIds;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Idempotency;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RequestBodies;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Permission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** /admin/v1/keys: list by account, status, mode and prefix; detail with recent usage; suspend, reinstate, revoke. */
public final class KeyRoutes {
    static final Set<String> STATUSES = Arrays.stream(KeyStatus.values()).map(KeyStatus::wire).collect(Collectors.toSet());
    static final Set<String> MODES = Set.of("live", "test");

    private final Jdbi jdbi;
    private final Clock clock;

    public KeyRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/admin/v1/keys", this::list);
        app.get("/admin/v1/keys/{id}", this::detail);
        app.post("/admin/v1/keys/{id}/actions", ctx -> action(ctx, false));
        app.post("/admin/v1/keys/{id}/actions/preview", ctx -> action(ctx, true));
    }

    private void list(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        KeyStore.Filter f = new KeyStore.Filter(QueryParams.text(ctx, "account_id", 40).orElse(null),
                QueryParams.oneOf(ctx, "status", STATUSES).orElse(null), QueryParams.oneOf(ctx, "mode", MODES).orElse(null),
                QueryParams.text(ctx, "prefix", 40).orElse(null));
        int limit = QueryParams.limit(ctx);
        boolean byPrefix = KeyStore.orderedByPrefix(f);
        List<String> after = (byPrefix ? Cursor.decode(ctx, "keys-by-prefix", 2) : Cursor.decode(ctx, "keys", 1)).orElse(null);
        List<ApiKey> rows = jdbi.withHandle(h -> KeyStore.list(h, f, after, limit + 1));
        ctx.json(AccountRoutes.page(rows, limit, k -> byPrefix ? Cursor.encode("keys-by-prefix", k.prefix(), k.id())
                : Cursor.encode("keys", k.id())));
    }

    private void detail(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        String id = ctx.pathParam("id");
        ApiKeyDetail detail = jdbi.withHandle(h -> {
            ApiKey key = KeyStore.find(h, id).orElseThrow(() -> ApiException.notFound("key", id));
            Account account = AccountStore.find(h, key.accountId()).orElseThrow();
            // usage is metered per account; the key's share is not broken out in the ledger
            var usage = CreditStore.ledger(h, key.accountId(), "usage", null, 20).stream().map(CreditStore.LedgerRow::entry).toList();
            return new ApiKeyDetail(key, account, usage, AccountStore.enforcement(h, key.accountId(), id, 50));
        });
        ETags.set(ctx, detail.key().version());
        ctx.json(detail);
    }

    private void action(Context ctx, boolean preview) {
        String id = ctx.pathParam("id");
        byte[] raw = RequestBodies.bytes(ctx);
        ActionRequest req = RequestBodies.parse(raw, ActionRequest.class);
        KeyAction action = ActionRequests.action(req, KeyAction.class, KeyAction::fromWire);
        Operator op = PermissionCheck.require(ctx, Permission.forKeyAction(action));
        ActionRequests.validate(req, Enforcement.acceptsDuration(action));
        Long ifMatch = ctx.header("If-Match") == null ? null : ETags.requireIfMatch(ctx);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (preview) {
            ctx.json(jdbi.withHandle(h -> perform(ctx, h, op, id, action, req, ifMatch, now, true)));
            return;
        }
        Idempotency.respond(ctx, jdbi, op, raw, h -> perform(ctx, h, op, id, action, req, ifMatch, now, false));
    }

    private static KeyActionResult perform(Context ctx, Handle h, Operator op, String id, KeyAction action, ActionRequest req,
                                           Long ifMatch, Instant now, boolean preview) {
        ApiKey before = (preview ? KeyStore.find(h, id) : KeyStore.lock(h, id)).orElseThrow(() -> ApiException.notFound("key", id));
        if (ifMatch != null && before.version() != ifMatch) {
            throw ETags.stale(ctx, "key", ifMatch, before.version());
        }
        KeyStatus current = KeyStatus.fromWire(before.status()).orElseThrow();
        Enforcement.Decision<KeyStatus> decision = Enforcement.key(current, action);
        if (!decision.allowed()) {
            throw current.isFinal() ? ApiException.finalState(decision.refusal()) : ApiException.conflict(decision.refusal());
        }
        ApiKey after = new ApiKey(before.id(), before.accountId(), before.name(), before.mode(), before.prefix(), before.last4(),
                before.masked(), decision.next().wire(), before.createdAt(), before.expiresAt(), before.lastUsedAt(), before.version() + 1,
                before.accountName(), before.accountStatus());
        List<String> changes = List.of("key " + before.masked() + " status " + current.wire() + " → " + decision.next().wire());
        String reason = req.reason().trim();
        AuditLog.Draft draft = new AuditLog.Draft(now, op.id(), "key." + action.wire(), id, reason, snapshot(before), snapshot(after));
        if (preview) {
            return new KeyActionResult(action.wire(), true, after, changes, null, draft.preview());
        }
        if (!KeyStore.setStatus(h, id, after.status(), before.version())) {
            throw new IllegalStateException("key " + id + " changed while locked");
        }
        AccountStore.recordEnforcement(h, new EnforcementAction(PrefixedIds.next("enf_", now), before.accountId(), id, "key",
                action.wire(), reason, op.id(), now, null, null));
        AuditEntry entry = AuditLog.append(h, draft);
        return new KeyActionResult(action.wire(), false, after, changes, entry.id(), entry);
    }

    private static Map<String, Object> snapshot(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_id", k.accountId());
        m.put("masked", k.masked());
        m.put("status", k.status());
        m.put("version", k.version());
        return m;
    }
}
