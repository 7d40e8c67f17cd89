package dev.gatehouse.console.accounts;

/** Filters of GET /admin/v1/accounts; a null or blank field means "any". */
public record AccountQuery(String q, String status, String tier) {
    public static final AccountQuery ALL = new AccountQuery(null, null, null);

    public AccountQuery {
        q = blankToNull(q);
        status = blankToNull(status);
        tier = blankToNull(tier);
    }

    public boolean isAll() {
        return q == null && status == null && tier == null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
