package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enforcement actions on an account (DESIGN §4 "enforcement ladder"). */
public enum AccountAction {
    WARN, SUSPEND, REINSTATE, TERMINATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccountAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(value)).findFirst();
    }
}
