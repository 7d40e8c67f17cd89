package dev.gatehouse.console.keys;

/** Filters of GET /admin/v1/keys; a null or blank field means "any". prefix matches the start of the key's display prefix. */
public record KeyQuery(String prefix, String accountId, String status, String mode) {
    public static final KeyQuery ALL = new KeyQuery(null, null, null, null);

    public KeyQuery {
        prefix = blankToNull(prefix);
        accountId = blankToNull(accountId);
        status = blankToNull(status);
        mode = blankToNull(mode);
    }

    public boolean isAll() {
        return prefix == null && accountId == null && status == null && mode == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
