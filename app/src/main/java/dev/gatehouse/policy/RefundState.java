package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A refund's life (issue 10 §3 "States"): requested → (awaiting_second_approval) → approved → paid | failed, and
 * denied. A failed payout puts the credits back and may be retried: failed → approved again, paid with the same
 * {@link RefundApproval#payoutKey payout key} so a retry can never pay twice. paid and denied are final.
 */
public enum RefundState {
    REQUESTED("requested"),
    AWAITING_SECOND_APPROVAL("awaiting_second_approval"),
    APPROVED("approved"),
    PAID("paid"),
    FAILED("failed"),
    DENIED("denied");

    private final String wire;

    RefundState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<RefundState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /** The states this one may move to. */
    public Set<RefundState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(AWAITING_SECOND_APPROVAL, APPROVED, DENIED);
            case AWAITING_SECOND_APPROVAL -> EnumSet.of(APPROVED, DENIED);
            case APPROVED -> EnumSet.of(PAID, FAILED);
            case FAILED -> EnumSet.of(APPROVED);
            case PAID, DENIED -> EnumSet.noneOf(RefundState.class);
        };
    }

    public boolean canMoveTo(RefundState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether the requested credits are held: from request until a decision (issue 10 §3 "Hold"). */
    public boolean holdsCredits() {
        return this == REQUESTED || this == AWAITING_SECOND_APPROVAL;
    }
}
