package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a price change would have done to the last 30 days of usage (issue 11 "impact preview"): per account the cost
 * at the old and the new API prices, and in total "N accounts would have paid $X more, or +Y %, most of all these".
 * Amounts are exact (units × price, per 1M tokens for token units); the caller rounds for display.
 * <p>
 * Usage on a line that has no price in one of the cards (a removed variant, a model without a card) has no comparable
 * cost: it is left out of both totals and counted in {@code unpricedRows}.
 */
public final class ImpactPreview {
    private ImpactPreview() {}

    /** Units of one model's line used by one account over the window, from the usage ledger. */
    public record Usage(String accountId, String modelId, String unit, String variant, BigDecimal units) {}

    public record AccountImpact(String accountId, BigDecimal oldCost, BigDecimal newCost, BigDecimal delta, BigDecimal percent) {}

    /**
     * accountsAffected counts accounts whose cost changes; percent is the total change in percent of oldTotal
     * (null when oldTotal is zero); largest holds the top accounts by absolute change, ties by account id.
     */
    public record Result(int accountsWithUsage, int accountsAffected, BigDecimal oldTotal, BigDecimal newTotal,
                         BigDecimal delta, BigDecimal percent, List<AccountImpact> largest, int unpricedRows) {
        public Result {
            largest = List.copyOf(largest);
        }
    }

    /** Price cards by model id, before and after the change; models not in {@code after} keep their {@code before} card. */
    public static Result compute(List<Usage> usage, Map<String, List<PriceLine>> before,
                                 Map<String, List<PriceLine>> after, int top) {
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        Map<String, PriceLine> oldLines = index(before);
        Map<String, PriceLine> newLines = new HashMap<>(oldLines);
        after.keySet().forEach(model -> newLines.keySet().removeIf(k -> k.startsWith(model + "|")));
        newLines.putAll(index(after));
        int unpriced = 0;
        for (Usage u : usage) {
            String key = u.modelId() + "|" + u.unit() + "|" + Objects.toString(u.variant(), "");
            PriceLine was = oldLines.get(key);
            PriceLine now = newLines.get(key);
            if (was == null || now == null) {
                unpriced++;
                continue;
            }
            BigDecimal[] sums = byAccount.computeIfAbsent(u.accountId(), a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(Pricing.cost(u.unit(), u.units(), was.api()));
            sums[1] = sums[1].add(Pricing.cost(u.unit(), u.units(), now.api()));
        }
        List<AccountImpact> impacts = new ArrayList<>();
        BigDecimal oldTotal = BigDecimal.ZERO;
        BigDecimal newTotal = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : byAccount.entrySet()) {
            BigDecimal o = e.getValue()[0];
            BigDecimal n = e.getValue()[1];
            oldTotal = oldTotal.add(o);
            newTotal = newTotal.add(n);
            impacts.add(new AccountImpact(e.getKey(), o, n, n.subtract(o), Pricing.percentChange(o, n)));
        }
        int affected = (int) impacts.stream().filter(i -> i.delta().signum() != 0).count();
        List<AccountImpact> largest = impacts.stream()
                .filter(i -> i.delta().signum() != 0)
                .sorted(Comparator.comparing((AccountImpact i) -> i.delta().abs()).reversed()
                        .thenComparing(AccountImpact::accountId))
                .limit(Math.max(0, top))
                .toList();
        return new Result(impacts.size(), affected, oldTotal, newTotal, newTotal.subtract(oldTotal),
                Pricing.percentChange(oldTotal, newTotal), largest, unpriced);
    }

    private static Map<String, PriceLine> index(Map<String, List<PriceLine>> cards) {
        Map<String, PriceLine> out = new HashMap<>();
        cards.forEach((model, lines) -> lines.forEach(l ->
                out.put(model + "|" + l.unit() + "|" + Objects.toString(l.variant(), ""), l)));
        return out;
    }
}
