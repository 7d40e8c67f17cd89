package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** API key states. revoked is final; an expired key cannot come back either, only be revoked. */
public enum KeyStatus {
    ACTIVE, SUSPENDED, REVOKED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == REVOKED;
    }

    public static Optional<KeyStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
