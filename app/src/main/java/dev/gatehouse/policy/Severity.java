package dev.gatehouse.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How urgent an abuse report is, worst first. The internal target comes from the severity
 * (DESIGN §4 "internal targets by severity: critical 1 h, high 4 h, medium and low 24 h", a product choice);
 * the 24 h answer window of ai-visual-studio §9 applies to every report whatever its severity.
 */
public enum Severity {
    CRITICAL(Duration.ofHours(1)),
    HIGH(Duration.ofHours(4)),
    MEDIUM(Duration.ofHours(24)),
    LOW(Duration.ofHours(24));

    private final Duration target;

    Severity(Duration target) {
        this.target = target;
    }

    /** Time from receipt to the internal target. */
    public Duration target() {
        return target;
    }

    /** Whether this severity is worse than {@code other} (critical is the worst). */
    public boolean isAbove(Severity other) {
        return ordinal() < other.ordinal();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
