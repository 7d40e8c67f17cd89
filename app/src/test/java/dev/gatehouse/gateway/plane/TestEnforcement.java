package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.pricing.PricesInForce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate limits and metering for the plane's route tests, standing in for plane/limits and plane/metering (built
 * elsewhere): a fixed number of requests per key per minute of the gateway's clock, and a meter that records what it
 * was asked and refuses accounts the test marks as out of credits. Test scope only.
 */
public final class TestEnforcement {
    public final Limits limits = new Limits();
    public final RecordingMeter meter = new RecordingMeter();

    public PlaneEnforcement enforcement() {
        return new PlaneEnforcement(limits, meter);
    }

    public static final class Limits implements RateLimits {
        public volatile int perMinute = 1_000_000;
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public Admission admit(Caller caller, Instant now) {
            long minute = now.getEpochSecond() / 60;
            int used = counts.computeIfAbsent(caller.keyId() + "@" + minute, k -> new AtomicInteger()).incrementAndGet();
            long reset = 60 - now.getEpochSecond() % 60;
            Map<String, String> headers = Map.of("x-ratelimit-limit-requests", Integer.toString(perMinute),
                    "x-ratelimit-remaining-requests", Integer.toString(Math.max(0, perMinute - used)),
                    "x-ratelimit-reset-requests", reset + "s");
            if (used > perMinute) {
                java.util.HashMap<String, String> refused = new java.util.HashMap<>(headers);
                refused.put("Retry-After", Long.toString(reset));
                throw new PlaneRefusal(429, "requests", "rate_limit_exceeded", null,
                        "Rate limit reached for requests: " + perMinute + " per minute. Retry after " + reset + " s.", refused);
            }
            return new Admission() {
                @Override
                public Map<String, String> headers() {
                    return headers;
                }

                @Override
                public void close() {}
            };
        }
    }

    public static final class RecordingMeter implements Meter {
        public record Call(String what, Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged log) {}

        public final List<Call> calls = new CopyOnWriteArrayList<>();
        public final Set<String> outOfCredits = ConcurrentHashMap.newKeySet();
        private final AtomicInteger ids = new AtomicInteger();

        private void check(Caller caller) {
            if (!caller.test() && outOfCredits.contains(caller.accountId())) {
                throw new PlaneRefusal(402, "insufficient_quota", "insufficient_quota", null,
                        "You exceeded your current quota: the account's credits cannot cover this request. Buy credits to continue.");
            }
        }

        @Override
        public Charge charge(Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged log, Instant at) {
            check(caller);
            calls.add(new Call("charge", caller, modelId, lines, log));
            return new Charge("req_" + ids.incrementAndGet(), caller.test() ? BigDecimal.ZERO : BigDecimal.ONE);
        }

        @Override
        public Charge reserve(Caller caller, String modelId, List<PricesInForce.Metered> lines, Instant at) {
            check(caller);
            calls.add(new Call("reserve", caller, modelId, lines, null));
            return new Charge("req_" + ids.incrementAndGet(), BigDecimal.ONE);
        }

        @Override
        public void settle(Charge reservation, Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged log, Instant madeAt) {
            calls.add(new Call("settle", caller, modelId, lines, log));
        }

        @Override
        public void release(Charge reservation, Caller caller) {
            calls.add(new Call("release", caller, null, List.of(), null));
        }

        @Override
        public void logRefused(Caller caller, Logged log, Instant at) {
            calls.add(new Call("refused", caller, null, List.of(), log));
        }

        public long count(String what) {
            return calls.stream().filter(c -> c.what().equals(what)).count();
        }
    }
}
