package dev.gatehouse.gateway.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How busy the demo platform is over a day, as a share of the simulator's target rate: quiet at night, busiest in
 * the afternoon, in the zone of the injected clock. Linear between the hours, so the rate never jumps.
 */
public final class DailyRhythm {
    /** Share of the peak rate at the start of each hour, 00:00 to 23:00. */
    private static final double[] BY_HOUR = {
        0.25, 0.20, 0.18, 0.18, 0.20, 0.25, 0.35, 0.50, 0.70, 0.85, 0.95, 1.00,
        0.95, 1.00, 1.00, 0.95, 0.90, 0.85, 0.75, 0.65, 0.55, 0.45, 0.35, 0.30};

    private DailyRhythm() {}

    /** The share of the peak rate at {@code at}, between 0.18 and 1. */
    public static double share(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        int hour = t.getHour();
        double within = (t.getMinute() * 60 + t.getSecond()) / 3600.0;
        return BY_HOUR[hour] + (BY_HOUR[(hour + 1) % 24] - BY_HOUR[hour]) * within;
    }
}
