package dev.gatehouse.api;

import java.util.List;
import java.util.Map;

/**
 * GET /admin/v1/accounts/{id}: the 360° view. keys holds at most the first 200 keys (active first);
 * keysTotal and keyCounts (per status) say how many there are in all. Enforcement is newest first. held is the part of
 * the balance that pending refund requests hold: it cannot be spent until they are decided.
 */
public record AccountDetail(
        Account account,
        List<CreditLot> lots,
        List<ApiKey> keys,
        int keysTotal,
        Map<String, Integer> keyCounts,
        List<EnforcementAction> enforcement,
        java.math.BigDecimal held) {
    public AccountDetail {
        lots = lots == null ? List.of() : List.copyOf(lots);
        keys = keys == null ? List.of() : List.copyOf(keys);
        keyCounts = keyCounts == null ? Map.of() : Map.copyOf(keyCounts);
        enforcement = enforcement == null ? List.of() : List.copyOf(enforcement);
        held = held == null ? java.math.BigDecimal.ZERO.setScale(6) : held;
    }
}
