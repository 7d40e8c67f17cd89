package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an open report stands against its 24 h deadline: how the queue colours its row (issue 9 item 7). */
public enum SlaState {
    ON_TRACK, DUE_SOON, BREACHED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SlaState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
