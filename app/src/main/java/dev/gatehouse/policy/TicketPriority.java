package dev.gatehouse.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Ticket priorities and their first-reply targets: "urgent 1 h, high 4 h, normal 8 h, low 24 h" (DESIGN §4
 * "support tickets", citing pixapi §10 and helpdesk practice; pixapi §10 itself sets no reply time, so the
 * targets are the helpdesk-practice part). Most urgent first.
 */
public enum TicketPriority {
    URGENT(Duration.ofHours(1)),
    HIGH(Duration.ofHours(4)),
    NORMAL(Duration.ofHours(8)),
    LOW(Duration.ofHours(24));

    private final Duration firstReplyTarget;

    TicketPriority(Duration firstReplyTarget) {
        this.firstReplyTarget = firstReplyTarget;
    }

    public Duration firstReplyTarget() {
        return firstReplyTarget;
    }

    /** A ticket filed without a priority is normal (issue 10: {@code priority?} on intake). */
    public static TicketPriority defaultPriority() {
        return NORMAL;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketPriority> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
    }
}
