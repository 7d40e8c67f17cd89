package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.demo.TrafficPlan.Planned;
import dev.gatehouse.gateway.demo.TrafficPlan.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficPlanTest {
    private static final Duration TICK = Duration.ofMillis(100);

    /** Runs a plan for {@code span} of ticks starting at {@code start} on the clock; every planned request in order. */
    private static List<Planned> run(TrafficPlan plan, Instant start, Duration span) {
        List<Planned> out = new ArrayList<>();
        for (Duration t = TICK; t.compareTo(span) <= 0; t = t.plus(TICK)) {
            out.addAll(plan.tick(start.plus(t), t, TICK));
        }
        return out;
    }

    private static Map<Scenario, Integer> count(List<Planned> planned) {
        Map<Scenario, Integer> n = new EnumMap<>(Scenario.class);
        planned.forEach(p -> n.merge(p.scenario(), 1, Integer::sum));
        return n;
    }

    @Test
    void theSameSeedPlansTheSameRequests() {
        Instant at = Instant.parse("2026-11-28T14:00:00Z");
        List<Planned> a = run(new TrafficPlan(7, 10, ZoneOffset.UTC), at, Duration.ofMinutes(3));
        List<Planned> b = run(new TrafficPlan(7, 10, ZoneOffset.UTC), at, Duration.ofMinutes(3));
        List<Planned> c = run(new TrafficPlan(8, 10, ZoneOffset.UTC), at, Duration.ofMinutes(3));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void customerTrafficFollowsTheHourOfTheInjectedClock() {
        Duration minute = Duration.ofMinutes(1);
        var afternoon = count(run(new TrafficPlan(1, 10, ZoneOffset.UTC), Instant.parse("2026-11-28T14:00:00Z"), minute));
        var night = count(run(new TrafficPlan(1, 10, ZoneOffset.UTC), Instant.parse("2026-11-28T03:00:00Z"), minute));
        // at the peak 10/s: 80% steady, 15% from the leaked key
        assertThat(afternoon.get(Scenario.STEADY)).isBetween(470, 481);
        assertThat(afternoon.get(Scenario.LEAKED)).isBetween(88, 91);
        assertThat(night.get(Scenario.STEADY)).isBetween(84, 88); // 18% of the peak at 03:00
        // the zone is the clock's: 14:00 UTC is 03:00 in Auckland (UTC+13 in November)
        var auckland = count(run(new TrafficPlan(1, 10, java.time.ZoneId.of("Pacific/Auckland")),
                Instant.parse("2026-11-28T14:00:00Z"), minute));
        assertThat(auckland.get(Scenario.STEADY)).isEqualTo(night.get(Scenario.STEADY));
        assertThat(DailyRhythm.share(Instant.parse("2026-11-28T11:30:00Z"), ZoneOffset.UTC)).isEqualTo(0.975);
    }

    @Test
    void theBurstKeyExceedsTheFreeTiersMinuteEveryHalfMinute() {
        List<Planned> planned = run(new TrafficPlan(3, 2, ZoneOffset.UTC), Instant.parse("2026-11-28T02:00:00Z"), Duration.ofSeconds(181));
        assertThat(count(planned).get(Scenario.BURST)).isEqualTo(7 * TrafficPlan.BURST_SIZE);
        // three bursts refuse more than the 50 that open a persistent-429 report, Free tier admitting 2 at once
        assertThat(3 * (TrafficPlan.BURST_SIZE - 2)).isGreaterThan(50);
        assertThat(TrafficPlan.BURST_SIZE).as("more than the Free tier's 10 requests a minute").isGreaterThan(10);
        // all of a burst lands in one tick
        TrafficPlan plan = new TrafficPlan(3, 2, ZoneOffset.UTC);
        assertThat(plan.tick(Instant.parse("2026-11-28T02:00:00Z"), TICK, TICK).stream().filter(p -> p.scenario() == Scenario.BURST))
                .hasSize(TrafficPlan.BURST_SIZE);
    }

    @Test
    void misuseTicketsRefundsAndADrainArriveWithinSecondsOfTheStartAndThenNowAndThen() {
        List<Planned> firstSeconds = run(new TrafficPlan(5, 1, ZoneOffset.UTC), Instant.parse("2026-11-28T04:00:00Z"), Duration.ofSeconds(6));
        assertThat(count(firstSeconds)).containsKeys(Scenario.MISUSE, Scenario.TICKET, Scenario.REFUND, Scenario.DRAIN, Scenario.BURST);
        var hour = count(run(new TrafficPlan(5, 1, ZoneOffset.UTC), Instant.parse("2026-11-28T14:00:00Z"), Duration.ofHours(1)));
        // at the peak: a ticket every 30 s on average (jittered 0.5–1.5×), a refund every minute, a flagged prompt every 20 s
        assertThat(hour.get(Scenario.TICKET)).isBetween(90, 150);
        assertThat(hour.get(Scenario.REFUND)).isBetween(45, 75);
        assertThat(hour.get(Scenario.MISUSE)).isBetween(135, 225);
        assertThat(hour.get(Scenario.DRAIN)).as("at least one every five seconds").isGreaterThanOrEqualTo(719);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new TrafficPlan(1, 0, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficSimulator.Options(0, 1)).hasMessageContaining("--rps");
        assertThatThrownBy(() -> new TrafficSimulator.Options(501, 1)).hasMessageContaining("--rps");
    }
}
