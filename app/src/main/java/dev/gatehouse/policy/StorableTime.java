package dev.gatehouse.policy;

import java.time.Instant;

/**
 * The instants the platform accepts from a request: years 1 to 9999, what ISO-8601 writes with four digits. Java parses
 * {@code +300000-01-01T00:00:00Z}, but PostgreSQL cannot store it, so it is refused at the edge with the field named.
 */
public final class StorableTime {
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE = "years 0001 to 9999";

    private StorableTime() {}

    public static boolean holds(Instant t) {
        return !t.isBefore(MIN) && !t.isAfter(MAX);
    }
}
