package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Account states of the enforcement ladder; terminated is final (ai-visual-studio §15 "Effect of Termination"). */
public enum AccountStatus {
    ACTIVE, WARNED, SUSPENDED, TERMINATED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == TERMINATED;
    }

    public static Optional<AccountStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
