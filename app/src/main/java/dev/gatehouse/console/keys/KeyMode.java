package dev.gatehouse.console.keys;

import java.util.Locale;

/** Whether a key reaches real models and spends credit (live) or is for integration tests (test). */
public enum KeyMode {
    LIVE, TEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
