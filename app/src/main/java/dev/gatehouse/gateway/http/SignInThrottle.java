package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits token guessing per client address: after {@link #MAX_FAILURES} failed sign-ins within a {@link #WINDOW}
 * (counted from the first), every /admin/v1 request from that address gets 429 until the window ends, without
 * its token being looked at. That includes requests with a valid token: answering them differently would tell
 * a guesser when a guess was right. A success does not reset the count, so one known token cannot be used to
 * keep guessing others. The address is the TCP peer, not a header a client could set.
 */
public final class SignInThrottle {
    public static final int MAX_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered before expired windows are swept out (bounds memory under a spray of addresses). */
    private static final int SWEEP_ABOVE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** 429 with Retry-After when {@code address} is throttled. */
    public void refuseIfThrottled(Context ctx, String address) {
        long seconds = throttledFor(address).toSeconds();
        if (seconds > 0) {
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, "Too many failed sign-ins from your address; "
                    + "no token is checked from it for the next " + seconds + " s. Check the operator token, then retry.");
        }
    }

    /** How long {@code address} is still throttled (whole seconds, rounded up), zero when it is not. */
    public synchronized Duration throttledFor(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        if (w == null || w.failures < MAX_FAILURES) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, w.start.plus(WINDOW));
        if (left.isNegative() || left.isZero()) {
            windows.remove(address);
            return Duration.ZERO;
        }
        return Duration.ofSeconds(left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /** Counts a failed sign-in from {@code address}; the one that reaches the limit is logged, once per window. */
    public synchronized void failed(String address) {
        Instant now = clock.instant();
        Window w = windows.get(address);
        if (w == null || !now.isBefore(w.start.plus(WINDOW))) {
            if (windows.size() >= SWEEP_ABOVE) {
                windows.values().removeIf(old -> !now.isBefore(old.start.plus(WINDOW)));
            }
            w = new Window(now);
            windows.put(address, w);
        }
        w.failures++;
        if (w.failures == MAX_FAILURES) {
            log.warn("throttling failed sign-ins from {}: {} in {} s; refusing it until {}",
                    address, MAX_FAILURES, Duration.between(w.start, now).toSeconds(), w.start.plus(WINDOW));
        }
    }
}
