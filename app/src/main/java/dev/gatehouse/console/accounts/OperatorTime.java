package dev.gatehouse.console.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as an operator reads them (DESIGN §6): relative ("3 h ago", "in 2 d 4 h") and absolute in the
 * operator's zone ("2026-11-25 14:00 UTC"). The clock and zone are injected so tests read the same text every run.
 */
public record OperatorTime(Clock clock, ZoneId zone) {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    /** Times read off the console's one clock, in that clock's zone (the operator's). */
    public static OperatorTime of(Clock clock) {
        return new OperatorTime(clock, clock.getZone());
    }

    public Instant now() {
        return clock.instant();
    }

    public String absolute(Instant t) {
        return t == null ? "—" : ABSOLUTE.format(t.atZone(zone));
    }

    /** "just now", "5 min ago", "in 3 h 12 min", "2 d ago"; two units at most, whole ones. */
    public String relative(Instant t) {
        if (t == null) {
            return "—";
        }
        Duration d = Duration.between(clock.instant(), t);
        boolean future = !d.isNegative();
        Duration a = d.abs();
        if (a.toSeconds() < 60) {
            return "just now";
        }
        String span = span(a);
        return future ? "in " + span : span + " ago";
    }

    private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** The day only, in the operator's zone: "2026-11-20". */
    public String date(Instant t) {
        return t == null ? "—" : DATE.format(t.atZone(zone));
    }

    /** Relative and the day, for narrow table cells (the tooltip has the minute): "2 d ago · 2026-11-20". */
    public String day(Instant t) {
        return t == null ? "—" : relative(t) + " · " + date(t);
    }

    /** For table cells, where the zone is named once for the whole view: "2 d ago · 2026-11-20 14:00". */
    public String table(Instant t) {
        return t == null ? "—" : relative(t) + " · " + TABLE.format(t.atZone(zone));
    }

    /** "5 min ago · 2026-11-22 13:55 UTC", or "never" for a missing time. */
    public String both(Instant t, String whenMissing) {
        return t == null ? whenMissing : relative(t) + " · " + absolute(t);
    }

    static String span(Duration a) {
        long days = a.toDays();
        long hours = a.toHoursPart();
        long minutes = a.toMinutesPart();
        if (days >= 60) {
            return days / 30 + " mo";
        }
        if (days >= 1) {
            return days + " d" + (hours > 0 && days < 7 ? " " + hours + " h" : "");
        }
        if (hours >= 1) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes + " min";
    }
}
