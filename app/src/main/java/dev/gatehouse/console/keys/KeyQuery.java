package dev.gatehouse.console.keys;

import dev.gatehouse.policy.KeyStatus;

/** Filters of GET /admin/v1/keys; null (or a blank text) means "any". prefix matches the start of the key's display prefix. */
public record KeyQuery(String prefix, String accountId, KeyStatus status, KeyMode mode) {
    public static final KeyQuery ALL = new KeyQuery(null, null, null, null);

    public KeyQuery {
        prefix = blankToNull(prefix);
        accountId = blankToNull(accountId);
    }

    public boolean isAll() {
        return prefix == null && accountId == null && status == null && mode == null;
    }

    /** The status as the API spells it; null for any. */
    public String statusWire() {
        return status == null ? null : status.wire();
    }

    /** The mode as the API spells it; null for any. */
    public String modeWire() {
        return mode == null ? null : mode.wire();
    }

    /** Whether {@code key} belongs in a list with these filters (a new key: does it show here?). */
    public boolean matches(dev.gatehouse.api.ApiKey key) {
        return (prefix == null || key.prefix().startsWith(prefix)) && (accountId == null || accountId.equals(key.accountId()))
                && (status == null || status.wire().equals(key.status())) && (mode == null || mode.wire().equals(key.mode()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
