package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * How credit entered a lot (DESIGN §4 "credits"; pixapi §8: "Credits may be granted through one-time credit
 * packs, signup rewards, manual grants, or other promotions"). Only purchases were paid for.
 */
public enum LotKind {
    PURCHASE("purchase", "purchased"),
    SIGNUP_REWARD("signup_reward", "signup-reward"),
    PROMOTION("promotion", "promotional"),
    MANUAL_GRANT("manual_grant", "manually granted");

    private final String wire;
    private final String adjective;

    LotKind(String wire, String adjective) {
        this.wire = wire;
        this.adjective = adjective;
    }

    /** The value stored in credit_lots.kind and sent on the wire. */
    public String wire() {
        return wire;
    }

    /** "promotional" as in "promotional credits are not refundable". */
    public String adjective() {
        return adjective;
    }

    public static Optional<LotKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
