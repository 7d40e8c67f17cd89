package dev.gatehouse.console.accounts;

import dev.gatehouse.policy.Money;

import java.math.BigDecimal;
import java.util.Locale;

/** How account, key and ledger values read to an operator: words, not wire names; money exact with its currency. */
public final class AccountLabels {
    private AccountLabels() {}

    /** "active" → "Active", "trust_safety" → "Trust safety", "" or null → {@code whenEmpty}. */
    public static String word(String wire, String whenEmpty) {
        if (wire == null || wire.isBlank()) {
            return whenEmpty;
        }
        String s = wire.replace('_', ' ');
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public static String status(String wire) {
        return word(wire, "Any status");
    }

    public static String tier(String wire) {
        return word(wire, "Any tier");
    }

    public static String mode(String wire) {
        return word(wire, "Live and test");
    }

    /** Lot kinds and ledger kinds: "signup_reward" → "Signup reward". */
    public static String kind(String wire) {
        return word(wire, "—");
    }

    /** Exact, with the currency: "$12.50", "12.50 EUR". */
    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "—" : Money.display(amount, currency == null ? Money.DEFAULT_CURRENCY : currency);
    }

    /** A ledger movement: "+$10.00" or "-$0.0042". */
    public static String signed(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        return (amount.signum() > 0 ? "+" : "") + money(amount, currency);
    }
}
