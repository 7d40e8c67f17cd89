package dev.gatehouse.console.support;

import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.console.accounts.OperatorTime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTextTest {
    static final Instant NOW = FakeSupportApi.NOW;
    final OperatorTime time = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

    static Ticket t(String state, Instant due, Instant firstReply, boolean breached) {
        return new Ticket("tkt_1", "acct_1", "Acme", "billing", "s", state, "normal", null, null, List.of(), false, 0,
                NOW.minusSeconds(3600), NOW, due, firstReply, breached, null, null, null, null, 1, 1);
    }

    @Test
    void theSlaBadgeSaysDueSoonBreachedOrAnswered() {
        assertThat(TicketText.sla(t("new", NOW.plusSeconds(3 * 3600 + 720), null, false), time))
                .extracting(TicketText.Badge::text, TicketText.Badge::shortText, TicketText.Badge::style)
                .containsExactly("due in 3 h 12 min", "3 h left", "sla-ok");
        assertThat(TicketText.sla(t("new", NOW.plusSeconds(1200), null, false), time).style()).isEqualTo("sla-soon");
        assertThat(TicketText.sla(t("open", NOW.minusSeconds(1200), null, true), time))
                .extracting(TicketText.Badge::text, TicketText.Badge::shortText, TicketText.Badge::style)
                .containsExactly("breached 20 min ago", "20 min late", "sla-breached");
        assertThat(TicketText.sla(t("open", NOW.minusSeconds(1200), NOW.minusSeconds(60), true), time).text()).isEqualTo("replied late");
        assertThat(TicketText.sla(t("open", NOW.plusSeconds(1200), NOW.minusSeconds(60), false), time).style()).isEqualTo("sla-done");
        assertThat(TicketText.sla(t("new", NOW.plusSeconds(600), null, false), time).tooltip()).startsWith("First reply due 2026-11-22 12:10");
    }

    @Test
    void redactionMarkersAreCutOutOfTheBodyInOrder() {
        var parts = TicketText.segments("Card [card 411111…1111 removed], pw [password removed]. [not a marker]");
        assertThat(parts).containsExactly(new TicketText.Segment("Card ", false), new TicketText.Segment("[card 411111…1111 removed]", true),
                new TicketText.Segment(", pw ", false), new TicketText.Segment("[password removed]", true),
                new TicketText.Segment(". [not a marker]", false));
        assertThat(TicketText.segments("")).isEmpty();
        assertThat(TicketText.redactions(List.of("card", "platform_key"))).isEqualTo("card, platform key");
        assertThat(TicketText.word("on_hold")).isEqualTo("On hold");
    }

    @Test
    void theOwnerDeadlineShowsTimeLeftOverdueOrDone() {
        var key = FakeSupportApi.key("active", 1);
        assertThat(TicketText.notifyOwner(new TicketExposedKey(key, "m", NOW, NOW.plus(Duration.ofHours(20)), null), time).text())
                .isEqualTo("Notify the owner by 2026-11-23 08:00 Z (in 20 h)");
        assertThat(TicketText.notifyOwner(new TicketExposedKey(key, "m", NOW, NOW.minusSeconds(7200), null), time).style())
                .isEqualTo("sla-breached");
        assertThat(TicketText.notifyOwner(new TicketExposedKey(key, "m", NOW, NOW, NOW.minusSeconds(600)), time).text())
                .isEqualTo("Owner notified 10 min ago");
    }
}
