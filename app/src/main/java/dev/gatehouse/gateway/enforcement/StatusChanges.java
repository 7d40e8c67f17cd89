package dev.gatehouse.gateway.enforcement;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a key's or an account's status changes, whoever asks (an operator's action, the expiry sweep, later
 * abuse decisions): the policy decides ({@link Enforcement}), the status is set, an enforcement row is recorded, and
 * the audit entry is drafted. The caller appends that draft in the same transaction: the route rails for requests,
 * the sweep for itself. A preview works the change out the same way and writes nothing.
 */
public final class StatusChanges {
    private StatusChanges() {}

    /** Who acts, why and when. durationHours only for a timed account suspension. */
    public record Request(String actor, String reason, Integer durationHours, Instant at) {}

    /** An account action worked out: the account before and after, the keys it revokes, what changes, its audit entry. */
    public record AccountChange(Account before, Account after, int keysRevoked, List<String> changes, AuditLog.Draft audit) {}

    /** A key action worked out. */
    public record KeyChange(ApiKey before, ApiKey after, List<String> changes, AuditLog.Draft audit) {}

    /** What the action would do to the account (read as is), without writing. 409 when the policy refuses. */
    public static AccountChange previewAccount(Handle h, Account before, AccountAction action, Request req) {
        int keys = Enforcement.revokesAllKeys(action) ? EnforcementStore.countRevocable(h, before.id()) : 0;
        return account(before, action, req, keys);
    }

    /** Applies the action to the account, which the caller has locked. 409 when the policy refuses. */
    public static AccountChange changeAccount(Handle h, Account locked, AccountAction action, Request req) {
        account(locked, action, req, 0); // refuses before anything is written
        int keys = Enforcement.revokesAllKeys(action) ? EnforcementStore.revokeAll(h, locked.id()) : 0;
        AccountChange change = account(locked, action, req, keys);
        EnforcementStore.setAccountStatus(h, locked.id(), change.after().status(), change.after().suspendedUntil());
        EnforcementStore.record(h, new EnforcementAction(PrefixedIds.next("enf_", req.at()), locked.id(), null, "account",
                action.wire(), req.reason(), req.actor(), req.at(), durationOf(action, req), change.after().suspendedUntil()));
        return change;
    }

    /** Like {@link #changeAccount}, for a caller outside a request (a sweep): the audit entry is appended here too. */
    public static AccountChange changeAccountAudited(Handle h, Account locked, AccountAction action, Request req) {
        AccountChange change = changeAccount(h, locked, action, req);
        AuditLog.append(h, change.audit());
        return change;
    }

    /** What the action would do to the key, without writing. 409 when the policy refuses. */
    public static KeyChange previewKey(ApiKey before, KeyAction action, Request req) {
        KeyStatus current = KeyStatus.fromWire(before.status()).orElseThrow();
        Enforcement.Decision<KeyStatus> decision = Enforcement.key(current, action);
        if (!decision.allowed()) {
            throw current.isFinal() ? ApiException.finalState(decision.refusal()) : ApiException.conflict(decision.refusal());
        }
        ApiKey after = new ApiKey(before.id(), before.accountId(), before.name(), before.mode(), before.prefix(), before.last4(),
                before.masked(), decision.next().wire(), before.createdAt(), before.expiresAt(), before.lastUsedAt(), before.version() + 1,
                before.accountName(), before.accountStatus());
        List<String> changes = List.of("key " + before.masked() + " status " + current.wire() + " → " + decision.next().wire());
        AuditLog.Draft draft = new AuditLog.Draft(req.at(), req.actor(), "key." + action.wire(), before.id(), req.reason(),
                snapshot(before), snapshot(after));
        return new KeyChange(before, after, changes, draft);
    }

    /** Applies the action to the key, which the caller has locked. 409 when the policy refuses. */
    public static KeyChange changeKey(Handle h, ApiKey locked, KeyAction action, Request req) {
        KeyChange change = previewKey(locked, action, req);
        if (!EnforcementStore.setKeyStatus(h, locked.id(), change.after().status(), locked.version())) {
            throw new IllegalStateException("key " + locked.id() + " changed while locked");
        }
        EnforcementStore.record(h, new EnforcementAction(PrefixedIds.next("enf_", req.at()), locked.accountId(), locked.id(), "key",
                action.wire(), req.reason(), req.actor(), req.at(), null, null));
        return change;
    }

    private static Integer durationOf(AccountAction action, Request req) {
        return Enforcement.acceptsDuration(action) ? req.durationHours() : null;
    }

    private static AccountChange account(Account before, AccountAction action, Request req, int keysRevoked) {
        AccountStatus current = AccountStatus.fromWire(before.status()).orElseThrow();
        Enforcement.Decision<AccountStatus> decision = Enforcement.account(current, action);
        if (!decision.allowed()) {
            throw current.isFinal() ? ApiException.finalState(decision.refusal()) : ApiException.conflict(decision.refusal());
        }
        Instant until = action == AccountAction.SUSPEND ? Enforcement.suspendedUntil(req.at(), durationOf(action, req)) : null;
        Account after = new Account(before.id(), before.name(), before.email(), decision.next().wire(), before.tier(),
                before.balance(), before.currency(), before.createdAt(), until, before.version() + 1);
        boolean revokes = Enforcement.revokesAllKeys(action);
        List<String> changes = new ArrayList<>();
        changes.add(current == decision.next() ? "status stays " + current.wire() + " (another warning is recorded)"
                : "status " + current.wire() + " → " + decision.next().wire());
        if (until != null) changes.add("suspended until " + until);
        if (before.suspendedUntil() != null && until == null) changes.add("timed suspension until " + before.suspendedUntil() + " cleared");
        if (revokes) changes.add("revokes " + keysRevoked + (keysRevoked == 1 ? " key" : " keys"));
        AuditLog.Draft draft = new AuditLog.Draft(req.at(), req.actor(), "account." + action.wire(), before.id(), req.reason(),
                snapshot(before, null), snapshot(after, revokes ? keysRevoked : null));
        return new AccountChange(before, after, keysRevoked, changes, draft);
    }

    private static Map<String, Object> snapshot(Account a, Integer keysRevoked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status());
        m.put("suspended_until", a.suspendedUntil());
        m.put("version", a.version());
        if (keysRevoked != null) m.put("keys_revoked", keysRevoked);
        return m;
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
