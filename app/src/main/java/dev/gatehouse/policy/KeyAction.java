package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enforcement actions on an API key (DESIGN §4 "enforcement ladder", ai-visual-studio §3). */
public enum KeyAction {
    SUSPEND, REINSTATE, REVOKE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(value)).findFirst();
    }
}
