package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A price card change line by line (old → new, % change) and which way it moves for customers. Lines are compared
 * on the API price, what customers pay: a new markup over unchanged base prices is a raise too.
 * <ul>
 *   <li>a line priced higher is a raise, lower a decrease;</li>
 *   <li>a new variant (e.g. a new resolution) raises no existing price and restricts no one: it counts as easing;</li>
 *   <li>a removed variant takes away what a customer could buy at that price: it counts as tightening.</li>
 * </ul>
 */
public record PriceDiff(ChangeKind kind, List<LineChange> lines) {
    public PriceDiff {
        lines = List.copyOf(lines);
    }

    /** One line: {@code before} is null for an added line, {@code after} for a removed one; percent as {@link Pricing#percentChange}. */
    public record LineChange(String unit, String variant, PriceLine before, PriceLine after, BigDecimal percent) {
        public String change() {
            if (before == null) {
                return "added";
            }
            if (after == null) {
                return "removed";
            }
            int c = after.api().compareTo(before.api());
            return c > 0 ? "raised" : c < 0 ? "lowered" : "same";
        }

        boolean tightens() {
            return change().equals("raised") || change().equals("removed");
        }

        boolean eases() {
            return change().equals("lowered") || change().equals("added");
        }
    }

    public static PriceDiff of(List<PriceLine> before, List<PriceLine> after) {
        Map<String, PriceLine> next = new LinkedHashMap<>();
        after.forEach(l -> next.put(key(l), l));
        List<LineChange> lines = new ArrayList<>();
        for (PriceLine old : before) {
            PriceLine now = next.remove(key(old));
            lines.add(new LineChange(old.unit(), old.variant(), old, now,
                    now == null ? null : Pricing.percentChange(old.api(), now.api())));
        }
        next.values().forEach(l -> lines.add(new LineChange(l.unit(), l.variant(), null, l, null)));
        boolean tighter = lines.stream().anyMatch(LineChange::tightens);
        boolean easier = lines.stream().anyMatch(LineChange::eases);
        return new PriceDiff(ChangeKind.of(tighter, easier), lines);
    }

    private static String key(PriceLine l) {
        return l.unit() + "|" + Objects.toString(l.variant(), "");
    }
}
