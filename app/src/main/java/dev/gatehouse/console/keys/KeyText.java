package dev.gatehouse.console.keys;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;

/** What the Keys screen's detail pane says about a key, in the operator's words and zone. */
public record KeyText(String title, String status, String mode, String modeStyle, String subtitle,
                      String created, String lastUsed, String expires, String id) {

    public static KeyText of(ApiKey k, OperatorTime t) {
        return new KeyText(k.masked(), k.status(), AccountLabels.word(k.mode(), "") + " key", "badge-" + k.mode(),
                k.name() == null || k.name().isBlank() ? "Unnamed key" : k.name(),
                t.both(k.createdAt(), "—"), t.both(k.lastUsedAt(), "never used"), t.both(k.expiresAt(), "does not expire"), k.id());
    }

    /** The key's account in the detail pane: its name (a link), status, the facts line and the link's tooltip. */
    public record AccountText(String name, String status, String facts, String tooltip) {
        public static AccountText of(Account a) {
            return new AccountText(a.name(), a.status(),
                    a.id() + " · " + AccountLabels.tier(a.tier()) + " tier · balance " + AccountLabels.money(a.balance(), a.currency()),
                    "Open " + a.name() + ": balance, credit lots, all keys, ledger and enforcement history");
        }
    }

    /** Why some key actions are closed to this role, said once under the buttons; empty when all are open. */
    public static String permissionNote(Role role) {
        if (!Permission.REVOKE_KEY.allows(role) && Permission.SUSPEND_KEY.allows(role)) {
            return "Your role (" + role.label() + ") may suspend a compromised key; revoking or reinstating needs trust & safety or a lead.";
        }
        if (!Permission.SUSPEND_KEY.allows(role)) {
            return "Your role (" + role.label() + ") may look but not act on keys.";
        }
        return "";
    }
}
