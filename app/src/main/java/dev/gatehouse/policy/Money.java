package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact money (DESIGN §3): BigDecimal with six decimals, as DECIMAL(20,6) stores it.
 * Rounding is half-even so repeated charges do not drift in either direction.
 */
public final class Money {
    public static final int SCALE = 6;
    public static final String DEFAULT_CURRENCY = "USD";
    /** DECIMAL(20,6) holds at most 14 integer digits. */
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000");

    private Money() {}

    public static BigDecimal of(String decimal) {
        return normalize(new BigDecimal(decimal));
    }

    public static BigDecimal normalize(BigDecimal amount) {
        BigDecimal scaled = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
        if (scaled.abs().compareTo(LIMIT) >= 0) {
            throw new ArithmeticException("amount " + amount.toPlainString() + " exceeds DECIMAL(20,6)");
        }
        return scaled;
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    /** Provider base price × markup, the platform's API price (ai-visual-studio §5, apimart §6). */
    public static BigDecimal applyMarkup(BigDecimal base, BigDecimal markup) {
        return normalize(base.multiply(markup));
    }

    /**
     * A human-readable amount, still exact: at least two decimals, trailing zeros beyond them trimmed,
     * thousands grouped ("$12,345.678901").
     */
    public static String display(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() < 2) {
            stripped = stripped.setScale(2, RoundingMode.UNNECESSARY);
        }
        String symbol = "USD".equals(currency) ? "$" : "";
        String text = grouped(stripped.abs().toPlainString());
        String sign = amount.signum() < 0 ? "-" : "";
        return symbol.isEmpty() ? sign + text + " " + currency : sign + symbol + text;
    }

    private static String grouped(String plain) {
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(whole.charAt(i));
        }
        return dot < 0 ? sb.toString() : sb.append(plain, dot, plain.length()).toString();
    }
}
