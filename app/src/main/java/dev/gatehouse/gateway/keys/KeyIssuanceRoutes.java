package dev.gatehouse.gateway.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyIssued;
import dev.gatehouse.api.NewApiKey;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.http.ShownOnce;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.KeyIssuance;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Ruling;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /admin/v1/accounts/{id}/keys (issue 12 item 0): support, trust-and-safety or a lead issues an account a key, e.g.
 * the replacement for a compromised one (ai-visual-studio §3). The answer carries the secret this once; only its hash
 * is stored and the audit entry never holds it. An Idempotency-Key replay answers the same key with {@code secret: null}
 * (the rails store the {@link ShownOnce#replay()} only), so a retry neither makes a second key nor shows a secret again.
 */
public final class KeyIssuanceRoutes implements Feature {
    private static final Routes.Body<NewApiKey> ISSUE = new Routes.Body<>(NewApiKey.class, Set.of(Permission.ISSUE_KEY), b -> List.of());

    @Override
    public void register(Routes routes) {
        routes.create("/admin/v1/accounts/{id}/keys", ISSUE, this::issue);
    }

    private Audited<ShownOnce> issue(RouteRequest<NewApiKey> request) {
        NewApiKey body = request.body();
        var checked = KeyIssuance.check(body.name(), body.mode(), body.expiresAt(), body.reason(), request.now());
        if (!checked.isValid()) {
            throw ApiException.validation(checked.errors());
        }
        KeyIssuance.Draft draft = checked.value();
        String accountId = request.pathParam("id");
        Handle h = request.handle();
        String status = KeyStore.lockAccountStatus(h, accountId).orElseThrow(() -> ApiException.notFound("account", accountId));
        Ruling ruling = KeyIssuance.forAccount(AccountStatus.fromWire(status).orElseThrow());
        if (!ruling.allowed()) {
            throw ApiException.finalState(ruling.refusal());
        }
        KeySecrets.Secret secret = KeySecrets.newSecret(draft.mode());
        String id = PrefixedIds.next("key_", request.now());
        KeyStore.insert(h, id, accountId, draft.name(), draft.mode(), secret, request.now(), draft.expiresAt());
        ApiKey key = KeyStore.find(h, id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account_id", accountId);
        after.put("name", key.name());
        after.put("mode", key.mode());
        after.put("masked", key.masked());
        after.put("status", key.status());
        after.put("expires_at", key.expiresAt());
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "key.issue", id, draft.reason(), null, after),
                entry -> new ShownOnce(new KeyIssued(key, secret.plain(), entry.id()), new KeyIssued(key, null, entry.id())));
    }
}
