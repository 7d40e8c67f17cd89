package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Which enforcement actions an operator may start on an account or key right now, and the sentences the reason
 * dialog shows for a dry run. Both follow policy/: the role's permission (issue 3) and the ladder's states
 * (DESIGN §4: revoke and terminate are final).
 */
public final class ActionOptions {
    private ActionOptions() {}

    /** Whether an action can be started; {@code why} explains a disabled button. */
    public record Availability(boolean allowed, String why) {
        static Availability yes() {
            return new Availability(true, "");
        }
    }

    public static Availability account(Role role, Account account, AccountAction action) {
        Permission p = Permission.forAccountAction(action);
        if (!p.allows(role)) {
            return new Availability(false, "Your role (" + role.label() + ") may not " + p.description() + ".");
        }
        AccountStatus status = AccountStatus.fromWire(account.status()).orElse(AccountStatus.ACTIVE);
        Enforcement.Decision<AccountStatus> d = Enforcement.account(status, action);
        return d.allowed() ? Availability.yes() : new Availability(false, d.refusal());
    }

    public static Availability key(Role role, ApiKey key, KeyAction action) {
        Permission p = Permission.forKeyAction(action);
        if (!p.allows(role)) {
            return new Availability(false, "Your role (" + role.label() + ") may not " + p.description() + ".");
        }
        KeyStatus status = KeyStatus.fromWire(key.status()).orElse(KeyStatus.ACTIVE);
        Enforcement.Decision<KeyStatus> d = Enforcement.key(status, action);
        return d.allowed() ? Availability.yes() : new Availability(false, d.refusal());
    }

    /** Tier changes need ops or lead, contact changes support, ops or lead; nothing changes a terminated account. */
    public static Availability edit(Role role, Account account) {
        if (!Permission.CHANGE_TIER.allows(role) && !Permission.EDIT_CONTACT.allows(role)) {
            return new Availability(false, "Your role (" + role.label() + ") may not change an account's tier or contact.");
        }
        return Availability.yes();
    }

    public static String title(AccountAction action) {
        return switch (action) {
            case WARN -> "Warn account";
            case SUSPEND -> "Suspend account";
            case REINSTATE -> "Reinstate account";
            case TERMINATE -> "Terminate account";
        };
    }

    public static String title(KeyAction action) {
        return switch (action) {
            case SUSPEND -> "Suspend key";
            case REINSTATE -> "Reinstate key";
            case REVOKE -> "Revoke key";
        };
    }

    public static boolean destructive(AccountAction action) {
        return action == AccountAction.SUSPEND || action == AccountAction.TERMINATE;
    }

    public static boolean destructive(KeyAction action) {
        return action != KeyAction.REINSTATE;
    }

    /** What an account action will change, from the platform's dry run, as exact sentences. */
    public static List<String> changes(Account before, AccountActionResult r, OperatorTime time) {
        List<String> out = new ArrayList<>();
        Account after = r.account();
        AccountAction action = AccountAction.fromWire(r.action()).orElseThrow();
        if (before.status().equals(after.status())) {
            out.add("Status stays " + before.status() + "; another warning is recorded");
        } else {
            String until = "";
            if (action == AccountAction.SUSPEND) {
                until = after.suspendedUntil() == null ? " until reinstated"
                        : " until " + time.absolute(after.suspendedUntil()) + " (" + time.relative(after.suspendedUntil()) + ")";
            }
            out.add("Status " + before.status() + " → " + after.status() + until);
        }
        if (before.suspendedUntil() != null && after.suspendedUntil() == null && action != AccountAction.TERMINATE) {
            out.add("Clears the timed suspension that would have ended " + time.absolute(before.suspendedUntil()));
        }
        switch (action) {
            case WARN -> out.add("The customer gets a warning; nothing is blocked");
            case SUSPEND -> out.add("The API refuses every key of this account (HTTP 403) while it is suspended");
            case REINSTATE -> out.add("The account's active keys are accepted by the API again");
            case TERMINATE -> {
                out.add(r.keysRevoked() == 0 ? "No keys left to revoke"
                        : "Revokes " + r.keysRevoked() + (r.keysRevoked() == 1 ? " key" : " keys") + " at once");
                out.add("Final: a terminated account cannot be reinstated");
            }
        }
        return out;
    }

    /** What a key action will change, from the platform's dry run. */
    public static List<String> changes(ApiKey before, KeyActionResult r) {
        List<String> out = new ArrayList<>();
        out.add("Key " + before.masked() + ": status " + before.status() + " → " + r.key().status());
        KeyAction action = KeyAction.fromWire(r.action()).orElseThrow();
        switch (action) {
            case SUSPEND -> out.add("Requests with this key are refused (HTTP 403) until it is reinstated");
            case REINSTATE -> out.add("Requests with this key are accepted again (unless the account is suspended)");
            case REVOKE -> out.add("Final: the key can never be used again; the customer creates a new one");
        }
        return out;
    }
}
