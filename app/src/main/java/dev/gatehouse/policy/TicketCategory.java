package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** pixapi §10: "Support tickets are for account, billing, technical, and product support." */
public enum TicketCategory {
    ACCOUNT, BILLING, TECHNICAL, PRODUCT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketCategory> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(value)).findFirst();
    }
}
