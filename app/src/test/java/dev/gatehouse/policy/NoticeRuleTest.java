package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRuleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
    private static final Instant NOW = CLOCK.instant();
    private static final Instant EARLIEST = Instant.parse("2026-12-28T09:00:00Z");

    private static PriceLine line(String unit, String variant, String api) {
        return new PriceLine(unit, variant, new BigDecimal(api), new BigDecimal(api));
    }

    private static NoticeRule.Request at(Instant effective) {
        return new NoticeRule.Request(NOW, effective, false, Role.OPS, "provider raised its list price");
    }

    private static NoticeRule.Verdict raiseAt(Instant effective) {
        return NoticeRule.decide(ChangeKind.TIGHTENING, at(effective));
    }

    @Test
    void aRaiseExactlyThirtyDaysOutIsAllowed() {
        NoticeRule.Verdict v = raiseAt(NOW.plus(Duration.ofHours(720)));
        assertThat(v.allowed()).isTrue();
        assertThat(v.noticeSatisfied()).isTrue();
        assertThat(v.emergencyOverride()).isFalse();
        assertThat(v.earliestAllowed()).isEqualTo(EARLIEST);
        assertThat(v.effectiveAt()).isEqualTo(EARLIEST);
    }

    @Test
    void aRaiseOneSecondShortIsRefusedOnEffectiveAtNamingTheEarliestInstant() {
        NoticeRule.Verdict v = raiseAt(EARLIEST.minusSeconds(1));
        assertThat(v.allowed()).isFalse();
        assertThat(v.noticeSatisfied()).isFalse();
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("effective_at");
            assertThat(e.message()).contains("too soon").contains("2026-12-28T09:00:00Z");
        });
    }

    @Test
    void aRaiseWithoutEffectiveAtIsRefusedNamingTheEarliestInstant() {
        NoticeRule.Verdict v = raiseAt(null);
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("effective_at");
        assertThat(v.errors().get(0).message()).contains("is required").contains("2026-12-28T09:00:00Z");
    }

    @Test
    void aDecreaseAppliesAtOnce() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.EASING, at(null));
        assertThat(v.allowed()).isTrue();
        assertThat(v.noticeSatisfied()).isTrue();
        assertThat(v.earliestAllowed()).isEqualTo(NOW);
        assertThat(v.effectiveAt()).isEqualTo(NOW);
        assertThat(NoticeRule.decide(ChangeKind.UNCHANGED, at(null)).allowed()).isTrue();
    }

    @Test
    void aMixedChangeNeedsNoticeLikeARaise() {
        PriceDiff diff = PriceDiff.of(
                List.of(line("input_mtok", null, "3.000000"), line("output_mtok", null, "15.000000")),
                List.of(line("input_mtok", null, "3.300000"), line("output_mtok", null, "12.000000")));
        assertThat(diff.kind()).isEqualTo(ChangeKind.MIXED);
        assertThat(diff.kind().priceWord()).isEqualTo("mixed");
        assertThat(NoticeRule.decide(diff.kind(), at(null)).errors()).extracting(FieldError::field).containsExactly("effective_at");
        assertThat(NoticeRule.decide(diff.kind(), at(EARLIEST.minusSeconds(1))).allowed()).isFalse();
        assertThat(NoticeRule.decide(diff.kind(), at(EARLIEST)).allowed()).isTrue();
    }

    @Test
    void anEffectiveAtInThePastIsRefusedEvenForADecrease() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.EASING, at(NOW.minusSeconds(1)));
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("effective_at");
            assertThat(e.message()).contains("in the past").contains("2026-11-28T09:00:00Z");
        });
        assertThat(NoticeRule.decide(ChangeKind.EASING, at(NOW)).allowed()).isTrue();
    }

    @Test
    void aLeadWithAReasonMayOverrideTheNoticeAndTheChangeIsMarked() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING,
                new NoticeRule.Request(NOW, null, true, Role.LEAD, "provider doubled prices overnight; security incident"));
        assertThat(v.allowed()).isTrue();
        assertThat(v.emergencyOverride()).isTrue();
        assertThat(v.noticeSatisfied()).isFalse();
        assertThat(v.effectiveAt()).isEqualTo(NOW);
    }

    @Test
    void anEmergencyOverrideThatWaivesNothingIsNotMarked() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING,
                new NoticeRule.Request(NOW, EARLIEST, true, Role.LEAD, "announced already"));
        assertThat(v.allowed()).isTrue();
        assertThat(v.emergencyOverride()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'   '"}, nullValues = "NULL")
    void aLeadsOverrideWithoutAReasonIsRefused(String reason) {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING, new NoticeRule.Request(NOW, null, true, Role.LEAD, reason));
        assertThat(v.allowed()).isFalse();
        assertThat(v.emergencyOverride()).isFalse();
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("reason", "effective_at");
    }

    @Test
    void anOverlongReasonIsRefused() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING,
                new NoticeRule.Request(NOW, null, true, Role.LEAD, "x".repeat(NoticeRule.MAX_REASON_LENGTH + 1)));
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("reason", "effective_at");
    }

    @ParameterizedTest
    @CsvSource({"OPS", "SUPPORT", "TRUST_SAFETY", "VIEWER"})
    void onlyALeadMayOverride(Role role) {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING, new NoticeRule.Request(NOW, null, true, role, "urgent"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.emergencyOverride()).isFalse();
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("emergency", "effective_at");
        assertThat(v.errors().get(0).message()).contains("only a lead");
    }

    @Test
    void anEmergencyCannotReachIntoThePast() {
        NoticeRule.Verdict v = NoticeRule.decide(ChangeKind.TIGHTENING,
                new NoticeRule.Request(NOW, NOW.minusSeconds(60), true, Role.LEAD, "breach"));
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("effective_at");
    }

    /**
     * Scheduled 2026-10-01 12:00 in Berlin (CEST, +02:00 = 10:00Z). Clocks go back on 2026-10-25, so 30 days of
     * elapsed time end at 2026-10-31 11:00 CET (+01:00), one wall-clock hour earlier than "same time 30 days later".
     */
    @Test
    void thirtyDaysAreElapsedTimeAcrossTheOctoberDstChangeInBerlin() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant scheduled = ZonedDateTime.of(2026, 10, 1, 12, 0, 0, 0, berlin).toInstant();
        assertThat(scheduled).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        Instant earliest = NoticeRule.earliestAllowed(ChangeKind.TIGHTENING, scheduled);
        assertThat(earliest).isEqualTo(Instant.parse("2026-10-31T10:00:00Z"));
        // wall-clock arithmetic in the zone would demand an hour more than the rule
        assertThat(ZonedDateTime.of(2026, 10, 1, 12, 0, 0, 0, berlin).plusDays(30).toInstant()).isEqualTo(Instant.parse("2026-10-31T11:00:00Z"));

        Instant exactly = NoticeRule.effectiveAt("2026-10-31T11:00:00+01:00").value().orElseThrow();
        Instant short1s = NoticeRule.effectiveAt("2026-10-31T10:59:59+01:00").value().orElseThrow();
        Instant sameInUtc = NoticeRule.effectiveAt("2026-10-31T10:00:00Z").value().orElseThrow();
        NoticeRule.Request base = new NoticeRule.Request(scheduled, null, false, Role.OPS, "r");
        assertThat(NoticeRule.decide(ChangeKind.TIGHTENING, withEffective(base, exactly)).allowed()).isTrue();
        assertThat(NoticeRule.decide(ChangeKind.TIGHTENING, withEffective(base, sameInUtc)).allowed()).isTrue();
        NoticeRule.Verdict refused = NoticeRule.decide(ChangeKind.TIGHTENING, withEffective(base, short1s));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.errors().get(0).message()).contains("2026-10-31T10:00:00Z");
    }

    @Test
    void thirtyDaysAreElapsedTimeAcrossTheMarchDstChangeToo() {
        Instant scheduled = Instant.parse("2026-03-15T12:00:00Z");
        assertThat(NoticeRule.earliestAllowed(ChangeKind.MIXED, scheduled)).isEqualTo(Instant.parse("2026-04-14T12:00:00Z"));
        Instant inBerlin = NoticeRule.effectiveAt("2026-04-14T14:00:00+02:00").value().orElseThrow();
        assertThat(NoticeRule.decide(ChangeKind.MIXED, new NoticeRule.Request(scheduled, inBerlin, false, Role.OPS, "r")).allowed()).isTrue();
        assertThat(NoticeRule.decide(ChangeKind.MIXED, new NoticeRule.Request(scheduled, inBerlin.minusSeconds(1), false, Role.OPS, "r")).allowed()).isFalse();
    }

    private static NoticeRule.Request withEffective(NoticeRule.Request r, Instant effective) {
        return new NoticeRule.Request(r.scheduledAt(), effective, r.emergency(), r.role(), r.reason());
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01T09:00:00", "2026-12-01", "tomorrow", "2026-13-01T09:00:00Z", "2026-12-01T09:00:00+25:00",
            "+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void aMalformedOrZonelessEffectiveAtIsAFieldError(String text) {
        Validated<Optional<Instant>> v = NoticeRule.effectiveAt(text);
        assertThat(v.isValid()).isFalse();
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("effective_at");
    }

    @ParameterizedTest(name = "scheduled {0}: suggested {1}")
    @CsvSource({"2026-11-28T09:00:00Z, 2026-12-28T10:00:00Z", "2026-11-28T08:58:59Z, 2026-12-28T09:00:00Z",
            "2026-11-28T08:59:00Z, 2026-12-28T09:00:00Z", "2026-11-28T08:59:01Z, 2026-12-28T10:00:00Z",
            "2026-11-28T17:41:30.250Z, 2026-12-28T18:00:00Z"})
    void theSuggestedStartIsAWholeHourAtLeastAMinutePastTheNotice(String scheduled, String suggested) {
        Instant now = Instant.parse(scheduled);
        Instant s = NoticeRule.suggestedStart(ChangeKind.TIGHTENING, now);
        assertThat(s).isEqualTo(Instant.parse(suggested));
        // still enough notice when saved within the minute
        assertThat(NoticeRule.decide(ChangeKind.TIGHTENING, new NoticeRule.Request(now.plusSeconds(59), s, false, Role.OPS, "r")).allowed()).isTrue();
    }

    @Test
    void anAbsentEffectiveAtMeansAtOnce() {
        assertThat(NoticeRule.effectiveAt(null).value()).isEmpty();
        assertThat(NoticeRule.effectiveAt(" ").value()).isEmpty();
        assertThat(NoticeRule.effectiveAt("2026-12-01T10:00:00+01:00").value()).contains(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            // before rpm/rpd/concurrent → after, kind
            "10,100,2, 10,100,2, UNCHANGED",
            "10,100,2, 20,100,2, EASING",
            "10,100,2, 10,200,4, EASING",
            "60,1000,5, 60,1000,4, TIGHTENING",
            "60,1000,5, 59,1000,5, TIGHTENING",
            "60,1000,5, 60,999,5, TIGHTENING",
            "60,1000,5, 120,500,5, MIXED",
            "120,10000,20, 60,10000,40, MIXED"})
    void aLimitChangeTightensWhenAnyLimitDrops(int r0, int d0, int c0, int r1, int d1, int c1, ChangeKind kind) {
        ChangeKind got = NoticeRule.classify(new TierLimits(r0, d0, c0), new TierLimits(r1, d1, c1));
        assertThat(got).isEqualTo(kind);
        assertThat(NoticeRule.decide(got, at(null)).allowed()).isEqualTo(!kind.needsNotice());
    }

    @Test
    void tighteningALimitIsRefusedOneSecondShortAndAllowedAtThirtyDays() {
        ChangeKind k = NoticeRule.classify(new TierLimits(60, 1000, 5), new TierLimits(60, 1000, 3));
        assertThat(k.limitWord()).isEqualTo("tightening");
        assertThat(NoticeRule.decide(k, at(EARLIEST.minusSeconds(1))).allowed()).isFalse();
        assertThat(NoticeRule.decide(k, at(EARLIEST)).allowed()).isTrue();
    }
}
