package dev.gatehouse.console.refunds;

import dev.gatehouse.api.Refund;

/** Published on the event bus after a refund was approved, denied or paid out, for other screens showing it. */
public record RefundChanged(Refund refund) {}
