package dev.gatehouse.console.accounts;

import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Tier;

/** Filters of GET /admin/v1/accounts; null (or a blank text) means "any". */
public record AccountQuery(String q, AccountStatus status, Tier tier) {
    public static final AccountQuery ALL = new AccountQuery(null, null, null);

    public AccountQuery {
        q = blankToNull(q);
    }

    public boolean isAll() {
        return q == null && status == null && tier == null;
    }

    /** The status as the API spells it; null for any. */
    public String statusWire() {
        return status == null ? null : status.wire();
    }

    /** The tier as the API spells it; null for any. */
    public String tierWire() {
        return tier == null ? null : tier.wire();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
