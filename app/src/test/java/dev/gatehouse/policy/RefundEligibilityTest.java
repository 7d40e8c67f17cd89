package dev.gatehouse.policy;

import dev.gatehouse.policy.RefundEligibility.Lot;
import dev.gatehouse.policy.RefundEligibility.Reason;
import dev.gatehouse.policy.RefundEligibility.Result;
import dev.gatehouse.policy.RefundEligibility.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundEligibilityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A purchase of {@code bought} credits for {@code paid}, bought {@code ago} before NOW, never expiring. */
    private static Lot lot(LotKind kind, Duration ago, String bought, String used, String refunded, String held,
                           String paid, String refundedBefore) {
        return new Lot("lot_1", kind, NOW.minus(ago), null, Money.of(bought), Money.of(used), Money.of(refunded),
                Money.of(held), Money.of(paid), Money.of(refundedBefore));
    }

    private static Lot purchase(Duration ago) {
        return lot(LotKind.PURCHASE, ago, "100", "0", "0", "0", "50", "0");
    }

    private static Result pixapi(Lot lot, String requested) {
        return RefundEligibility.evaluate(lot, new BigDecimal(requested), PolicyPreset.PIXAPI.settings(), NOW);
    }

    static Stream<Arguments> everyPresetAcrossTheSevenDayEdge() {
        String pixapiOut = "outside the 7-day window (Pixapi preset, pixapi §8)";
        String avsOut = "outside the 7-day window (AI Visual Studio preset, default (DESIGN §4))";
        String apibox = "payments are non-refundable as a general policy; only a lead may refund as an exception, "
                + "with a reason (APIBox preset, apibox §3)";
        String apimart = "payments are non-refundable as a general policy; only a lead may refund as an exception, "
                + "with a reason (APIMart preset, apimart §6)";
        String decart = "credit purchases are final and non-refundable; only a lead may refund where applicable law "
                + "requires it (Decart preset, decart §5.2)";
        List<Arguments> rows = new ArrayList<>();
        for (Duration ago : List.of(Duration.ZERO, WEEK.minus(SECOND), WEEK, WEEK.plus(SECOND), Duration.ofDays(9))) {
            boolean inside = ago.compareTo(WEEK) <= 0;
            String agoText = RefundEligibility.ago(ago);
            rows.add(Arguments.of(PolicyPreset.PIXAPI, ago, inside ? Verdict.ELIGIBLE : Verdict.INELIGIBLE,
                    inside ? "unused purchased credits bought " + agoText + ", inside the 7-day window (Pixapi preset, pixapi §8)"
                            : "bought " + agoText + ", " + pixapiOut));
            rows.add(Arguments.of(PolicyPreset.AI_VISUAL_STUDIO, ago, inside ? Verdict.ELIGIBLE : Verdict.INELIGIBLE,
                    inside ? "unused purchased credits bought " + agoText + ", inside the 7-day window "
                            + "(AI Visual Studio preset, default (DESIGN §4))"
                            : "bought " + agoText + ", " + avsOut));
            // the exception-only and final presets refuse by right on either side of the edge
            rows.add(Arguments.of(PolicyPreset.APIBOX, ago, Verdict.INELIGIBLE, apibox));
            rows.add(Arguments.of(PolicyPreset.APIMART, ago, Verdict.INELIGIBLE, apimart));
            rows.add(Arguments.of(PolicyPreset.DECART, ago, Verdict.INELIGIBLE, decart));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} bought {1} ago: {2}")
    @MethodSource
    void everyPresetAcrossTheSevenDayEdge(PolicyPreset preset, Duration ago, Verdict verdict, String firstReason) {
        Result r = RefundEligibility.evaluate(purchase(ago), new BigDecimal("50"), preset.settings(), NOW);
        assertThat(r.verdict()).isEqualTo(verdict);
        assertThat(r.reasons().get(0).text()).isEqualTo(firstReason);
        assertThat(r.presetName()).isEqualTo(preset.displayName());
        assertThat(r.refundable()).isEqualTo(Money.of(verdict == Verdict.ELIGIBLE ? "50" : "0"));
        // what a lead's exception could reach does not depend on the preset
        assertThat(r.exceptionCap()).isEqualTo(Money.of("50"));
    }

    @Test
    void theWordsOfTheIssueExample() {
        assertThat(pixapi(purchase(Duration.ofDays(9)), "50").reasons().get(0).text())
                .isEqualTo("bought 9 days ago, outside the 7-day window (Pixapi preset, pixapi §8)");
        assertThat(pixapi(purchase(Duration.ofDays(9)), "50").reasons().get(0).source()).isEqualTo("Pixapi preset, pixapi §8");
    }

    @Test
    void anEditedWindowMovesTheEdge() {
        PolicySettings d = PolicyPreset.PIXAPI.settings();
        PolicySettings fortnight = new PolicySettings("Custom", new Rule<>(d.refundWindowDays().name(), 14,
                "edited by lead", "goodwill during the migration"), d.refundableKinds(), d.refundsExceptionOnly(),
                d.purchasesFinal(), d.fourEyesThreshold(), d.abuseSlaHours(), d.curePeriodDays(), d.noticePeriodDays(),
                d.paymentOverdueSuspensionDays(), d.defaultMarkup());
        Duration edge = Duration.ofDays(14);
        assertThat(RefundEligibility.evaluate(purchase(Duration.ofDays(9)), BigDecimal.TEN, fortnight, NOW).verdict())
                .isEqualTo(Verdict.ELIGIBLE);
        assertThat(RefundEligibility.evaluate(purchase(edge), BigDecimal.TEN, fortnight, NOW).verdict())
                .isEqualTo(Verdict.ELIGIBLE);
        Result over = RefundEligibility.evaluate(purchase(edge.plus(SECOND)), BigDecimal.TEN, fortnight, NOW);
        assertThat(over.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(over.reasons().get(0).text())
                .isEqualTo("bought 14 days 00:00:01 ago, outside the 14-day window (Custom preset, edited by lead)");
    }

    @Test
    void theWindowIsElapsedTimeSoADaylightSavingChangeDoesNotMoveIt() {
        // Riga moves its clocks forward on 2026-03-29: seven calendar days there are 167 hours, the window stays 168
        Instant bought = Instant.parse("2026-03-25T12:00:00Z");
        Lot lot = new Lot("lot_dst", LotKind.PURCHASE, bought, null, Money.of("10"), Money.zero(), Money.zero(),
                Money.zero(), Money.of("10"), Money.zero());
        Instant edge = bought.plus(Duration.ofHours(168));
        assertThat(Duration.between(bought.atZone(ZoneId.of("Europe/Riga")).toLocalDateTime(),
                edge.atZone(ZoneId.of("Europe/Riga")).toLocalDateTime())).isEqualTo(Duration.ofHours(169));
        PolicySettings pixapi = PolicyPreset.PIXAPI.settings();
        assertThat(RefundEligibility.evaluate(lot, BigDecimal.ONE, pixapi, edge).verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(RefundEligibility.evaluate(lot, BigDecimal.ONE, pixapi, edge.plus(SECOND)).verdict())
                .isEqualTo(Verdict.INELIGIBLE);
    }

    @Test
    void grantedCreditsAreNeverRefundableUnderPixapi() {
        for (LotKind kind : List.of(LotKind.PROMOTION, LotKind.SIGNUP_REWARD, LotKind.MANUAL_GRANT)) {
            Result r = pixapi(lot(kind, Duration.ofDays(1), "10", "0", "0", "0", "0", "0"), "1");
            assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
            assertThat(r.refundable()).isEqualTo(Money.zero());
            assertThat(r.creditsToHold()).isEqualTo(Money.zero());
        }
        assertThat(pixapi(lot(LotKind.PROMOTION, Duration.ofDays(1), "10", "0", "0", "0", "0", "0"), "1")
                .reasons().get(0).text()).isEqualTo("promotional credits are not refundable (Pixapi preset, pixapi §8)");
        assertThat(pixapi(lot(LotKind.MANUAL_GRANT, Duration.ofDays(1), "10", "0", "0", "0", "0", "0"), "1")
                .reasons().get(0).text()).isEqualTo("manually granted credits are not refundable (Pixapi preset, pixapi §8)");
    }

    @Test
    void partlyUsedLotsRefundOnlyTheUnusedShareAtThePricePaid() {
        Lot used = lot(LotKind.PURCHASE, Duration.ofDays(2), "100", "40", "0", "0", "50", "0");
        Result exact = pixapi(used, "30");
        assertThat(exact.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(exact.refundable()).isEqualTo(Money.of("30"));
        assertThat(exact.reasons()).extracting(Reason::text)
                .contains("40 of 100 credits consumed; consumed credits are never refunded");

        Result more = pixapi(used, "30.000001");
        assertThat(more.verdict()).isEqualTo(Verdict.PARTIALLY_ELIGIBLE);
        assertThat(more.refundable()).isEqualTo(Money.of("30"));
        assertThat(more.reasons()).extracting(Reason::text).startsWith(
                "only $30.00 of the requested $30.000001 is refundable: unused credits × price paid per credit",
                "unused purchased credits bought 2 days ago, inside the 7-day window (Pixapi preset, pixapi §8)");

        Result allUsed = pixapi(lot(LotKind.PURCHASE, Duration.ofDays(2), "100", "100", "0", "0", "50", "0"), "1");
        assertThat(allUsed.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(allUsed.exceptionCap()).isEqualTo(Money.zero());
    }

    @Test
    void pricePerCreditIsExactToSixPlacesHalfEven() {
        // 10.00 paid for 3 credits: 2 unused are worth 6.666666…, 1 is worth 3.333333…
        assertThat(pixapi(lot(LotKind.PURCHASE, Duration.ZERO, "3", "1", "0", "0", "10", "0"), "10").refundable())
                .isEqualTo(Money.of("6.666667"));
        assertThat(pixapi(lot(LotKind.PURCHASE, Duration.ZERO, "3", "2", "0", "0", "10", "0"), "10").refundable())
                .isEqualTo(Money.of("3.333333"));
        // 0.0000025 is a tie: half-even rounds to the even 0.000002 (half-up would pay 0.000003)
        assertThat(pixapi(lot(LotKind.PURCHASE, Duration.ZERO, "2", "1", "0", "0", "0.000005", "0"), "1").refundable())
                .isEqualTo(Money.of("0.000002"));
    }

    @Test
    void earlierRefundsCapWhatIsLeft() {
        // an earlier exception refunded 5.00 for 2 credits: the 8 unused credits are worth 8.00 but only 5.00 is left
        Result r = pixapi(lot(LotKind.PURCHASE, Duration.ofDays(1), "10", "0", "2", "0", "10", "5"), "8");
        assertThat(r.verdict()).isEqualTo(Verdict.PARTIALLY_ELIGIBLE);
        assertThat(r.refundable()).isEqualTo(Money.of("5"));
        assertThat(r.exceptionCap()).isEqualTo(Money.of("5"));
        assertThat(r.reasons()).extracting(Reason::text)
                .contains("capped at $5.00: paid $10.00 minus $5.00 refunded before");

        Result none = pixapi(lot(LotKind.PURCHASE, Duration.ofDays(1), "10", "0", "4", "0", "10", "10"), "1");
        assertThat(none.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(none.reasons().get(0).text()).isEqualTo("nothing left to refund: no unused credits of value remain");
    }

    @Test
    void creditsHeldByOtherRequestsAreNotRefundableTwice() {
        Result r = pixapi(lot(LotKind.PURCHASE, Duration.ofDays(1), "10", "0", "0", "6", "10", "0"), "5");
        assertThat(r.verdict()).isEqualTo(Verdict.PARTIALLY_ELIGIBLE);
        assertThat(r.refundable()).isEqualTo(Money.of("4"));
        assertThat(r.creditsToHold()).isEqualTo(Money.of("4"));
        assertThat(r.reasons()).extracting(Reason::text).contains("6 credits are held by other pending refunds");
    }

    @Test
    void theHoldIsTheCreditsTheAmountStandsFor() {
        assertThat(pixapi(purchase(Duration.ofDays(1)), "10").creditsToHold()).isEqualTo(Money.of("20"));
        assertThat(pixapi(purchase(Duration.ofDays(1)), "50").creditsToHold()).isEqualTo(Money.of("100"));
    }

    @Test
    void expiredCreditsLapseWithoutRefund() {
        Lot expired = new Lot("lot_x", LotKind.PURCHASE, NOW.minus(Duration.ofDays(2)), NOW, Money.of("10"),
                Money.zero(), Money.zero(), Money.zero(), Money.of("10"), Money.zero());
        Result r = pixapi(expired, "1");
        assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(r.reasons()).extracting(Reason::text).containsExactly(
                "nothing left to refund: the lot has expired",
                "the lot expired at 2026-11-22T12:00:00Z; expired credits lapse without refund");
        assertThat(r.reasons().get(1).source()).isEqualTo("decart §5.3");
    }

    @Test
    void amountsMustBePositiveAndExactToSixDecimalsNeverRounded() {
        assertThat(RefundEligibility.amountProblem(null)).contains("amount is required");
        assertThat(RefundEligibility.amountProblem(BigDecimal.ZERO)).contains("amount must be positive, got 0");
        assertThat(RefundEligibility.amountProblem(new BigDecimal("-1"))).isPresent();
        assertThat(RefundEligibility.amountProblem(new BigDecimal("1.0000001")))
                .contains("amount 1.0000001 has more than 6 decimals");
        assertThat(RefundEligibility.amountProblem(new BigDecimal("1.2300000"))).isEmpty();
        assertThat(RefundEligibility.amountProblem(new BigDecimal("0.000001"))).isEmpty();
        assertThat(RefundEligibility.amountProblem(new BigDecimal("100000000000000"))).contains("amount 100000000000000 is too large");
        assertThatThrownBy(() -> pixapi(purchase(Duration.ZERO), "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pixapi(purchase(Duration.ZERO), "1.0000005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 6 decimals");
    }

    @Test
    void theLargestStorableLotRefundsExactly() {
        String max = "99999999999999.999999";
        Result r = pixapi(lot(LotKind.PURCHASE, Duration.ZERO, max, "0", "0", "0", max, "0"), max);
        assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(r.refundable()).isEqualTo(Money.of(max));
        assertThat(r.creditsToHold()).isEqualTo(Money.of(max));
        Result smallest = pixapi(purchase(Duration.ZERO), "0.000001");
        assertThat(smallest.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(smallest.creditsToHold()).isEqualTo(Money.of("0.000002"));
    }

    @Test
    void aLotCannotHoldMoreThanItBought() {
        assertThatThrownBy(() -> lot(LotKind.PURCHASE, Duration.ZERO, "10", "6", "0", "5", "10", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the credits bought");
        assertThatThrownBy(() -> lot(LotKind.PURCHASE, Duration.ZERO, "0", "0", "0", "0", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lot(LotKind.PURCHASE, Duration.ZERO, "10", "-1", "0", "0", "10", "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
