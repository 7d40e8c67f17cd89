package dev.gatehouse.api;

import java.time.Instant;

/**
 * What a limits change would do (writes nothing): its kind, when it would take effect, the earliest instant the notice
 * rule allows, who is on the target, and from the request log of the last 7 days how many keys and accounts went over
 * the current and the new rpm and rpd. Concurrency is not measured (the log has no durations).
 */
public record LimitsPreview(String target, String kind, LimitChange.Limits before, LimitChange.Limits after,
                            Instant effectiveAt, Instant earliestAllowed, boolean noticeSatisfied, boolean emergency,
                            long accounts, long keys, Exceedance current, Exceedance proposed) {
    /** Over the window: keys and accounts that made more requests in some minute (day) than rpm (rpd) allows. */
    public record Exceedance(int windowDays, long requests, long keysOverRpm, long keysOverRpd, long accountsOverRpm,
                             long accountsOverRpd) {}
}
