package dev.gatehouse.gateway.keys;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.enforcement.ActionRequests;
import dev.gatehouse.gateway.enforcement.EnforcementStore;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Permission;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** /admin/v1/keys: list by account, status, mode and prefix; detail with recent usage; suspend, reinstate, revoke. */
public final class KeyRoutes implements Feature {
    static final Set<String> STATUSES = Arrays.stream(KeyStatus.values()).map(KeyStatus::wire).collect(Collectors.toSet());
    static final Set<String> MODES = Set.of("live", "test");

    private static final Routes.Body<ActionRequest> ACTION = new Routes.Body<>(ActionRequest.class,
            Arrays.stream(KeyAction.values()).map(Permission::forKeyAction).collect(Collectors.toSet()),
            req -> List.of(Permission.forKeyAction(action(req))));

    private final Jdbi jdbi;
    private final BiFunction<Handle, String, Optional<Account>> accounts;

    /**
     * {@code accounts} finds an account by id (the accounts feature's store): the account view lists its keys, so
     * the keys package cannot import accounts without a cycle.
     */
    public KeyRoutes(Jdbi jdbi, BiFunction<Handle, String, Optional<Account>> accounts) {
        this.jdbi = jdbi;
        this.accounts = accounts;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/keys", Permission.READ, this::list);
        routes.read("/admin/v1/keys/{id}", Permission.READ, this::detail);
        routes.action("/admin/v1/keys/{id}/actions", ACTION, this::act);
        routes.preview("/admin/v1/keys/{id}/actions/preview", ACTION, this::preview);
    }

    private void list(Context ctx) {
        KeyStore.Filter f = new KeyStore.Filter(QueryParams.text(ctx, "account_id", 40).orElse(null),
                QueryParams.oneOf(ctx, "status", STATUSES).orElse(null), QueryParams.oneOf(ctx, "mode", MODES).orElse(null),
                QueryParams.text(ctx, "prefix", 40).orElse(null));
        int limit = QueryParams.limit(ctx);
        boolean byPrefix = KeyStore.orderedByPrefix(f);
        List<String> after = (byPrefix ? Cursor.decode(ctx, "keys-by-prefix", 2) : Cursor.decode(ctx, "keys", 1)).orElse(null);
        List<ApiKey> rows = jdbi.withHandle(h -> KeyStore.list(h, f, after, limit + 1));
        ctx.json(Pages.of(rows, limit, k -> byPrefix ? Cursor.encode("keys-by-prefix", k.prefix(), k.id())
                : Cursor.encode("keys", k.id())));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        ApiKeyDetail detail = jdbi.withHandle(h -> {
            ApiKey key = KeyStore.find(h, id).orElseThrow(() -> ApiException.notFound("key", id));
            Account account = accounts.apply(h, key.accountId()).orElseThrow();
            // usage is metered per account; the key's share is not broken out in the ledger
            var usage = CreditStore.ledger(h, key.accountId(), "usage", null, 20).stream().map(CreditStore.LedgerRow::entry).toList();
            return new ApiKeyDetail(key, account, usage, EnforcementStore.history(h, key.accountId(), id, 50));
        });
        ETags.set(ctx, detail.key().version());
        ctx.json(detail);
    }

    private static KeyAction action(ActionRequest req) {
        return ActionRequests.action(req, KeyAction.class, KeyAction::fromWire);
    }

    private static StatusChanges.Request change(RouteRequest<ActionRequest> request, KeyAction action) {
        ActionRequest req = request.body();
        ActionRequests.validate(req, Enforcement.acceptsDuration(action));
        return new StatusChanges.Request(request.operator().id(), req.reason().trim(), null, request.now());
    }

    private Audited<KeyActionResult> act(RouteRequest<ActionRequest> request) {
        KeyAction action = action(request.body());
        StatusChanges.Request change = change(request, action);
        String id = request.pathParam("id");
        ApiKey before = KeyStore.lock(request.handle(), id).orElseThrow(() -> ApiException.notFound("key", id));
        request.checkVersion("key", before.version());
        var c = StatusChanges.changeKey(request.handle(), before, action, change);
        return new Audited<>(c.audit(), entry -> new KeyActionResult(action.wire(), false, c.after(), c.changes(), entry.id(), entry));
    }

    private KeyActionResult preview(RouteRequest<ActionRequest> request) {
        KeyAction action = action(request.body());
        StatusChanges.Request change = change(request, action);
        String id = request.pathParam("id");
        ApiKey before = KeyStore.find(request.handle(), id).orElseThrow(() -> ApiException.notFound("key", id));
        request.checkVersion("key", before.version());
        var c = StatusChanges.previewKey(before, action, change);
        return new KeyActionResult(action.wire(), true, c.after(), c.changes(), null, c.audit().preview());
    }
}
