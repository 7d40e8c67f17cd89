package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Rate-limit tiers (DESIGN §4 "rate-limit tiers", ai-visual-studio §4). */
public enum Tier {
    FREE, STARTER, PRO, ENTERPRISE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
