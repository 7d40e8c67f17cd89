package dev.gatehouse.gateway.plane;

import java.time.Instant;
import java.util.Map;

/**
 * Rate limits per key and per account, by tier (rpm, rpd, concurrency; Enterprise custom limits), issue 12 §2.
 * Implemented in {@code plane/limits}.
 */
public interface RateLimits {
    /**
     * Admits one request or throws a 429 {@link PlaneRefusal} with Retry-After and the x-ratelimit-* headers.
     * The admission holds a concurrency slot until closed.
     */
    Admission admit(Caller caller, Instant now);

    interface Admission extends AutoCloseable {
        /** x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests. */
        Map<String, String> headers();

        @Override
        void close();
    }
}
