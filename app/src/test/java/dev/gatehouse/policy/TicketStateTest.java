package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.gatehouse.policy.TicketState.*;
import static org.assertj.core.api.Assertions.assertThat;

class TicketStateTest {
    private static final Map<TicketState, Set<TicketState>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED),
            OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED),
            PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED),
            ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED),
            SOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketState.class));

    @Test
    void everyTransitionIsAllowedOrRefusedAsTabled() {
        for (TicketState from : values()) {
            for (TicketState to : values()) {
                Enforcement.Decision<TicketState> d = from.to(to);
                boolean expected = ALLOWED.get(from).contains(to);
                assertThat(d.allowed()).as("%s -> %s", from, to).isEqualTo(expected);
                assertThat(d.next()).as("%s -> %s", from, to).isEqualTo(expected ? to : null);
                if (!expected) assertThat(d.refusal()).as("%s -> %s", from, to).isNotBlank();
            }
        }
    }

    @Test
    void refusalsSayWhatToDoInstead() {
        assertThat(OPEN.to(CLOSED).refusal()).contains("solve it first");
        assertThat(SOLVED.to(PENDING).refusal()).contains("reopened (open) or closed");
        assertThat(OPEN.to(NEW).refusal()).contains("never goes back to new");
        assertThat(CLOSED.to(OPEN).refusal()).contains("final").contains("follow-up");
        assertThat(PENDING.to(PENDING).refusal()).contains("already pending");
    }

    @Test
    void closedIsTheOnlyFinalState() {
        for (TicketState s : values()) assertThat(s.isFinal()).isEqualTo(s == CLOSED);
    }

    @Test
    void wireNamesRoundTrip() {
        assertThat(values()).extracting(TicketState::wire).containsExactly("new", "open", "pending", "on_hold", "solved", "closed");
        for (TicketState s : values()) assertThat(TicketState.fromWire(s.wire())).contains(s);
        assertThat(TicketState.fromWire("hold")).isEmpty();
        assertThat(TicketCategory.values()).extracting(TicketCategory::wire).containsExactly("account", "billing", "technical", "product");
        for (TicketCategory c : TicketCategory.values()) assertThat(TicketCategory.fromWire(c.wire())).contains(c);
        assertThat(TicketCategory.fromWire("abuse")).isEmpty();
        for (TicketPriority p : TicketPriority.values()) assertThat(TicketPriority.fromWire(p.wire())).contains(p);
        assertThat(TicketPriority.fromWire("critical")).isEmpty();
    }
}
