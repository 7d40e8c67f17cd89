package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Operator roles of DESIGN §3. A lead may do everything any other role may. */
public enum Role {
    VIEWER, SUPPORT, TRUST_SAFETY, OPS, LEAD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }

    public String label() {
        return switch (this) {
            case VIEWER -> "Viewer";
            case SUPPORT -> "Support";
            case TRUST_SAFETY -> "Trust & Safety";
            case OPS -> "Ops";
            case LEAD -> "Lead";
        };
    }
}
