package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an appeal ends (issue 9 item 5). */
public enum AppealOutcome {
    UPHELD, OVERTURNED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AppealOutcome> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wire().equals(value)).findFirst();
    }
}
