package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySettingsEditTest {
    private static final PolicySettings PIXAPI = PolicyPreset.PIXAPI.settings();

    @Test
    void anEditedValueCitesTheLeadsReasonAndShowsInThePreview() {
        PolicySettings.Edit e = PIXAPI.edit("refund_window_days", " 14 ", "goodwill during the migration");
        assertThat(e.problem()).isNull();
        PolicySettings s = e.settings();
        assertThat(s.presetName()).isEqualTo("Pixapi (edited)");
        assertThat(s.refundWindowDays()).isEqualTo(new Rule<>("refund window (days)", 14, "edited by a lead",
                "goodwill during the migration"));
        assertThat(s.refundableKinds()).isEqualTo(PIXAPI.refundableKinds());
        assertThat(PIXAPI.changesTo(s)).containsExactly(
                "Refund window (days): 7 → 14 (edited by a lead: \"goodwill during the migration\")");
        // a second edit keeps one "(edited)"
        assertThat(s.edit("cure_period_days", "21", "board decision").settings().presetName()).isEqualTo("Pixapi (edited)");
    }

    @Test
    void theEditedWindowDecidesEligibility() {
        PolicySettings s = PIXAPI.edit("refund_window_days", "14", "goodwill").settings();
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        RefundEligibility.Lot lot = new RefundEligibility.Lot("lot_1", LotKind.PURCHASE, now.minus(Duration.ofDays(10)),
                null, Money.of("10"), Money.zero(), Money.zero(), Money.zero(), Money.of("10"), Money.zero());
        assertThat(RefundEligibility.evaluate(lot, BigDecimal.ONE, PIXAPI, now).verdict())
                .isEqualTo(RefundEligibility.Verdict.INELIGIBLE);
        RefundEligibility.Result edited = RefundEligibility.evaluate(lot, BigDecimal.ONE, s, now);
        assertThat(edited.verdict()).isEqualTo(RefundEligibility.Verdict.ELIGIBLE);
        assertThat(edited.presetName()).isEqualTo("Pixapi (edited)");
    }

    @Test
    void everyKindOfValueParses() {
        assertThat(PIXAPI.edit("refundable_kinds", "purchase, promotion", "r").settings().refundableKinds().value())
                .containsExactlyInAnyOrder(LotKind.PURCHASE, LotKind.PROMOTION);
        assertThat(PIXAPI.edit("refundable_kinds", "none", "r").settings().refundableKinds().value()).isEmpty();
        assertThat(PIXAPI.edit("purchases_final", "true", "r").settings().purchasesFinal().value()).isTrue();
        assertThat(PIXAPI.edit("four_eyes_threshold", "250.50", "r").settings().fourEyesThreshold().value())
                .isEqualByComparingTo("250.50");
        assertThat(PIXAPI.edit("default_markup", "1.25", "r").settings().defaultMarkup().value()).isEqualByComparingTo("1.25");
        assertThat(PIXAPI.edit("abuse_sla_hours", "0", "r").settings().abuseSlaHours().value()).isZero();
        assertThat(PIXAPI.edit("notice_period_days", "3650", "r").settings().noticePeriodDays().value()).isEqualTo(3650);
    }

    @Test
    void badEditsSayWhatToFix() {
        assertThat(PIXAPI.edit("refund_window", "7", "r").problem()).startsWith("unknown rule refund_window; one of refund_window_days,");
        assertThat(PIXAPI.edit("refund_window_days", "7", " ").problem()).startsWith("reason is required");
        assertThat(PIXAPI.edit("refund_window_days", "-1", "r").problem())
                .isEqualTo("refund_window_days: must be a whole number from 0 to 3650, got \"-1\"");
        assertThat(PIXAPI.edit("refund_window_days", "3651", "r").problem()).contains("from 0 to 3650");
        assertThat(PIXAPI.edit("refund_window_days", "seven", "r").problem()).contains("whole number");
        assertThat(PIXAPI.edit("purchases_final", "yes", "r").problem())
                .isEqualTo("purchases_final: must be true or false, got \"yes\"");
        assertThat(PIXAPI.edit("four_eyes_threshold", "1e", "r").problem()).contains("must be a decimal number");
        assertThat(PIXAPI.edit("four_eyes_threshold", "1e3", "r").problem()).contains("must be a decimal number such as 500.00");
        assertThat(PIXAPI.edit("four_eyes_threshold", "+5", "r").problem()).contains("must be a decimal number");
        assertThat(PIXAPI.edit("four_eyes_threshold", "0.0000001", "r").problem()).contains("more than 6 decimals");
        assertThat(PIXAPI.edit("refundable_kinds", "purchase, gift", "r").problem()).contains("unknown lot kind \"gift\"");
        assertThat(PIXAPI.edit("default_markup", null, "r").problem()).contains("must be a decimal number");
    }
}
