package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyPresetTest {
    private static final Map<PolicyPreset, String> SEED = Map.of(
            PolicyPreset.APIMART, "apimart §", PolicyPreset.APIBOX, "apibox §", PolicyPreset.PIXAPI, "pixapi §",
            PolicyPreset.AI_VISUAL_STUDIO, "ai-visual-studio §", PolicyPreset.DECART, "decart §");

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void everyRuleCitesItsOwnSeedOrTheDefault(PolicyPreset preset) {
        PolicySettings s = preset.settings();
        assertThat(s.presetName()).isEqualTo(preset.displayName());
        assertThat(s.rules()).hasSize(10).allSatisfy(r -> {
            assertThat(r.clause()).isNotBlank();
            assertThat(r.isDefault() || r.source().startsWith(SEED.get(preset)))
                    .as("%s %s cites %s", preset, r.name(), r.source()).isTrue();
        });
    }

    @Test
    void pixapiRefundsUnusedPurchasedCreditsWithinSevenDays() {
        PolicySettings s = PolicyPreset.PIXAPI.settings();
        assertThat(s.refundWindowDays().value()).isEqualTo(7);
        assertThat(s.refundWindowDays().source()).isEqualTo("pixapi §8");
        assertThat(s.refundWindowDays().clause()).contains("within 7 days of purchase");
        assertThat(s.refundableKinds().value()).containsExactly(LotKind.PURCHASE);
        assertThat(s.refundsExceptionOnly().value()).isFalse();
        assertThat(s.purchasesFinal().value()).isFalse();
        // pixapi names no cure period, notice period or markup: DESIGN §4's defaults, said as such
        assertThat(s.curePeriodDays()).isEqualTo(PolicySettings.defaults().curePeriodDays());
        assertThat(s.curePeriodDays().source()).isEqualTo("default (DESIGN §4)");
        assertThat(s.noticePeriodDays().isDefault()).isTrue();
    }

    @Test
    void decartCreditPurchasesAreFinal() {
        PolicySettings s = PolicyPreset.DECART.settings();
        assertThat(s.purchasesFinal().value()).isTrue();
        assertThat(s.purchasesFinal().source()).isEqualTo("decart §5.2");
        assertThat(s.purchasesFinal().clause()).startsWith("All Credit purchases are final, non-refundable");
        assertThat(s.refundableKinds().value()).isEmpty();
        assertThat(s.refundWindowDays().value()).isZero();
        assertThat(s.noticePeriodDays().value()).isZero();
        assertThat(s.noticePeriodDays().source()).isEqualTo("decart §5.5");
    }

    @Test
    void apiboxAndApimartRefundOnlyAsAnException() {
        for (PolicyPreset p : new PolicyPreset[] {PolicyPreset.APIBOX, PolicyPreset.APIMART}) {
            PolicySettings s = p.settings();
            assertThat(s.refundsExceptionOnly().value()).as(p.name()).isTrue();
            assertThat(s.refundableKinds().value()).as(p.name()).isEmpty();
            assertThat(s.purchasesFinal().value()).as(p.name()).isFalse();
            assertThat(s.curePeriodDays().value()).as(p.name()).isZero();
        }
        assertThat(PolicyPreset.APIBOX.settings().refundsExceptionOnly().clause())
                .isEqualTo("Top-up payments are non-refundable as a general policy. If you have exceptional circumstances, "
                        + "please contact our support team.");
        assertThat(PolicyPreset.APIMART.settings().refundsExceptionOnly().source()).isEqualTo("apimart §6");
        assertThat(PolicyPreset.APIMART.settings().paymentOverdueSuspensionDays().value()).isZero();
        assertThat(PolicyPreset.APIMART.settings().paymentOverdueSuspensionDays().source()).isEqualTo("apimart §10");
        assertThat(PolicyPreset.APIBOX.settings().paymentOverdueSuspensionDays().isDefault()).isTrue();
    }

    @Test
    void aiVisualStudioStatesTheOperationalNumbers() {
        PolicySettings s = PolicyPreset.AI_VISUAL_STUDIO.settings();
        assertThat(s.abuseSlaHours().value()).isEqualTo(24);
        assertThat(s.abuseSlaHours().source()).isEqualTo("ai-visual-studio §9");
        assertThat(s.curePeriodDays().value()).isEqualTo(14);
        assertThat(s.curePeriodDays().source()).isEqualTo("ai-visual-studio §15");
        assertThat(s.noticePeriodDays().value()).isEqualTo(30);
        assertThat(s.noticePeriodDays().source()).isEqualTo("ai-visual-studio §18");
        assertThat(s.paymentOverdueSuspensionDays().value()).isEqualTo(7);
        assertThat(s.defaultMarkup().value()).isEqualByComparingTo("1.5");
        assertThat(s.defaultMarkup().source()).isEqualTo("ai-visual-studio §5");
        // its API terms are silent on refunds
        assertThat(s.refundWindowDays().isDefault()).isTrue();
        assertThat(s.refundableKinds().value()).containsExactly(LotKind.PURCHASE);
    }

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void fourEyesThresholdIsTheProductDefaultEverywhere(PolicyPreset preset) {
        assertThat(preset.settings().fourEyesThreshold().value()).isEqualByComparingTo("500.00");
        assertThat(preset.settings().fourEyesThreshold().isDefault()).isTrue();
    }

    @Test
    void switchingPixapiToDecartListsEachChangedRuleWithItsNewClause() {
        assertThat(PolicyPreset.PIXAPI.settings().changesTo(PolicyPreset.DECART.settings())).containsExactly(
                "Refund window (days): 7 → 0 (decart §5.2: \"All Credit purchases are final, non-refundable, and "
                        + "non-transferable, except as required by applicable law.\")",
                "Refundable lot kinds: purchase → none (decart §5.2: \"All Credit purchases are final, non-refundable, and "
                        + "non-transferable, except as required by applicable law.\")",
                "Credit purchases are final: no → yes (decart §5.2: \"All Credit purchases are final, non-refundable, and "
                        + "non-transferable, except as required by applicable law.\")",
                "Cure period before termination (days): 14 → 0 (decart §6.2: \"Decart.ai may suspend or terminate "
                        + "Developer’s access to the API, in whole or in part, at any time and in its sole discretion, by "
                        + "providing notice to Developer\")",
                "Notice for price increases and limit decreases (days): 30 → 0 (decart §5.5: \"Decart.ai may update "
                        + "Credit pricing, consumption rates, or Credit packages at any time, with or without notice. Any "
                        + "such changes will apply only to Credits purchased after the effective date\")");
    }

    @Test
    void switchingBackListsTheDefaultsAsTheirSource() {
        assertThat(PolicyPreset.APIBOX.settings().changesTo(PolicyPreset.AI_VISUAL_STUDIO.settings())).containsExactly(
                "Refund window (days): 0 → 7 (default (DESIGN §4): \"only unused purchased credits, requested within 7 "
                        + "days of that purchase\")",
                "Refundable lot kinds: none → purchase (default (DESIGN §4): \"only unused purchased credits …; "
                        + "promotional and granted credits never\")",
                "Refunds only as an exception: yes → no (default (DESIGN §4): \"anything else is an exception that "
                        + "needs a lead and a reason\")",
                "Cure period before termination (days): 0 → 14 (ai-visual-studio §15: \"If you fail to cure a breach "
                        + "within 14 days of notice\")");
    }

    @Test
    void equalValuesAreNoChangeEvenFromAnotherSource() {
        // Pixapi and AI Visual Studio end at the same numbers by different routes
        assertThat(PolicyPreset.PIXAPI.settings().changesTo(PolicyPreset.AI_VISUAL_STUDIO.settings())).isEmpty();
        for (PolicyPreset p : PolicyPreset.values()) {
            assertThat(p.settings().changesTo(p.settings())).isEmpty();
        }
    }

    @Test
    void valuesAreCheckedWhenSettingsAreBuilt() {
        PolicySettings d = PolicySettings.defaults();
        assertThatThrownBy(() -> new PolicySettings("x", new Rule<>("refund window (days)", -1, "s", "c"),
                d.refundableKinds(), d.refundsExceptionOnly(), d.purchasesFinal(), d.fourEyesThreshold(),
                d.abuseSlaHours(), d.curePeriodDays(), d.noticePeriodDays(), d.paymentOverdueSuspensionDays(),
                d.defaultMarkup())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refund window");
        assertThatThrownBy(() -> new PolicySettings("x", d.refundWindowDays(), d.refundableKinds(),
                d.refundsExceptionOnly(), d.purchasesFinal(), new Rule<>("t", new BigDecimal("-0.01"), "s", "c"),
                d.abuseSlaHours(), d.curePeriodDays(), d.noticePeriodDays(), d.paymentOverdueSuspensionDays(),
                d.defaultMarkup())).isInstanceOf(IllegalArgumentException.class);
        // the kinds are copied: changing the caller's set later changes nothing
        Set<LotKind> kinds = EnumSet.of(LotKind.PURCHASE);
        PolicySettings s = new PolicySettings("x", d.refundWindowDays(), new Rule<>("k", kinds, "s", "c"),
                d.refundsExceptionOnly(), d.purchasesFinal(), d.fourEyesThreshold(), d.abuseSlaHours(),
                d.curePeriodDays(), d.noticePeriodDays(), d.paymentOverdueSuspensionDays(), d.defaultMarkup());
        kinds.add(LotKind.PROMOTION);
        assertThat(s.refundableKinds().value()).containsExactly(LotKind.PURCHASE);
    }

    @Test
    void lotKindsRoundTripTheirStoredNames() {
        for (LotKind k : LotKind.values()) {
            assertThat(LotKind.fromWire(k.wire())).contains(k);
        }
        assertThat(LotKind.fromWire("gift")).isEmpty();
    }
}
