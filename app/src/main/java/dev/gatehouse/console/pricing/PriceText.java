package dev.gatehouse.console.pricing;

import dev.gatehouse.policy.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pricing and limits screens write amounts, percentages and instants: exact, and in the operator's zone. */
public final class PriceText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

    private PriceText() {}

    /** "$3.75" or "—" for none; never rounded beyond the six stored decimals. */
    public static String money(BigDecimal amount) {
        return amount == null ? "—" : Money.display(amount, Money.DEFAULT_CURRENCY);
    }

    /** A total for reading at a glance, to the cent (half-even): "$1,510.56". Unit prices keep every decimal. */
    public static String cents(BigDecimal amount) {
        return amount == null ? "—" : Money.display(amount.setScale(2, java.math.RoundingMode.HALF_EVEN), Money.DEFAULT_CURRENCY);
    }

    /** A signed total to the cent: "+$27.13". */
    public static String signedCents(BigDecimal amount) {
        return amount == null ? "—" : (amount.signum() > 0 ? "+" : "") + cents(amount);
    }

    /** A signed amount: "+$0.90" or "-$1.20". */
    public static String signedMoney(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        return (amount.signum() > 0 ? "+" : "") + Money.display(amount, Money.DEFAULT_CURRENCY);
    }

    /** "+12.50 %", "-5.00 %", or "—" when there is no base to compare with. */
    public static String percent(BigDecimal percent) {
        if (percent == null) {
            return "—";
        }
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + " %";
    }

    public static String when(Instant t, ZoneId zone) {
        return t == null ? "—" : WHEN.format(t.atZone(zone));
    }
}
