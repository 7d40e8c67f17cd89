package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ticket states (DESIGN §4 "support tickets", issue 10 item 1): new → open → pending or on_hold → solved → closed.
 * Helpdesk practice (Zendesk): a ticket leaves new once an agent touches it and never returns; pending (waiting
 * on the customer) and on hold (waiting on a third party) go back to open when work resumes; a customer reply
 * reopens a solved ticket; closed is final, and a follow-up is a new ticket.
 */
public enum TicketState {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    private static final Map<TicketState, Set<TicketState>> NEXT = Map.of(
            NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED),
            OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED),
            PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED),
            ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED),
            SOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketState.class));

    public boolean isFinal() {
        return this == CLOSED;
    }

    /** Moving to {@code target} (PATCH state), or why not. */
    public Enforcement.Decision<TicketState> to(TicketState target) {
        if (this == CLOSED) {
            return Enforcement.Decision.refuse("The ticket is closed; closed is final. Open a follow-up ticket instead.");
        }
        if (this == target) {
            return Enforcement.Decision.refuse("The ticket is already " + wire() + ".");
        }
        if (target == NEW) {
            return Enforcement.Decision.refuse("A ticket never goes back to new; set it to open.");
        }
        if (!NEXT.get(this).contains(target)) {
            return Enforcement.Decision.refuse(target == CLOSED
                    ? "Only a solved ticket can be closed; solve it first."
                    : "A solved ticket can only be reopened (open) or closed.");
        }
        return Enforcement.Decision.to(target);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
