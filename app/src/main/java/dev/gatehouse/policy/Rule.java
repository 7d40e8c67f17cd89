package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One policy value with the clause it comes from, so the console and every verdict can say why
 * (issue 10 §4: "shows the active settings with each rule's source clause").
 *
 * @param name   what the rule is, with its unit ("refund window (days)")
 * @param source where it comes from: "pixapi §8", or {@link #DEFAULT_SOURCE} when the seed is silent
 * @param clause the clause's own words
 */
public record Rule<T>(String name, T value, String source, String clause) {
    public static final String DEFAULT_SOURCE = "default (DESIGN §4)";

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clause, "clause");
    }

    public boolean isDefault() {
        return DEFAULT_SOURCE.equals(source);
    }

    /** The value as a person reads it: yes/no, plain decimals, lot kinds by wire name or "none". */
    public String valueText() {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : c.stream()
                    .map(v -> v instanceof LotKind k ? k.wire() : String.valueOf(v))
                    .sorted().collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
