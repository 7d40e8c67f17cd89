package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.pricing.PricesInForce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Metering (issue 12 §2): prices a request at the model's API price in force at {@code at}, debits the credits
 * (soonest-expiring lot first, never held credits, never below zero) and writes its usage rows and request-log row.
 * Implemented in {@code plane/metering}.
 */
public interface Meter {
    /** What a request cost. Test keys cost zero. */
    record Charge(String requestId, BigDecimal cost) {}

    /** A request as the request log keeps it (the prompt is raw here; the store redacts it). */
    record Logged(String model, int httpStatus, int latencyMs, String prompt) {}

    /**
     * Charges a request that is about to be served, or throws a 402 {@link PlaneRefusal} when the credits cannot
     * cover it (nothing is charged then).
     */
    Charge charge(Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged log, Instant at);

    /** Sets the cost aside for work billed later (a video task), or throws 402. */
    Charge reserve(Caller caller, String modelId, List<PricesInForce.Metered> lines, Instant at);

    /** Bills a reservation on completion, at the price in force when it was made. */
    void settle(Charge reservation, Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged log, Instant madeAt);

    /** Gives a reservation back (a failed task). */
    void release(Charge reservation, Caller caller);

    /** Logs a refused request of a known caller (402, 404, 429 …) in the request log; no usage. */
    void logRefused(Caller caller, Logged log, Instant at);
}
