package dev.gatehouse.api;

import java.util.List;

/** GET /admin/v1/keys/{id}: the key, its account, recent usage of the account and the key's enforcement history. */
public record ApiKeyDetail(
        ApiKey key,
        Account account,
        List<LedgerEntry> recentUsage,
        List<EnforcementAction> enforcement) {
    public ApiKeyDetail {
        recentUsage = recentUsage == null ? List.of() : List.copyOf(recentUsage);
        enforcement = enforcement == null ? List.of() : List.copyOf(enforcement);
    }
}
