package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * DESIGN §4's settings as each seed platform's terms (/work/shared/seeds/) set them. A value the terms do not
 * state is DESIGN §4's default and cites {@link Rule#DEFAULT_SOURCE}; a stated one quotes its clause.
 */
public enum PolicyPreset {
    APIMART("APIMart"),
    APIBOX("APIBox"),
    PIXAPI("Pixapi"),
    AI_VISUAL_STUDIO("AI Visual Studio"),
    DECART("Decart");

    private final String displayName;

    PolicyPreset(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public PolicySettings settings() {
        PolicySettings d = PolicySettings.defaults();
        Set<LotKind> none = EnumSet.noneOf(LotKind.class);
        return switch (this) {
            case APIMART -> {
                String s6 = "apimart §6";
                String q6 = "Charges are generally non-refundable unless otherwise specified or required by law.";
                String s10 = "apimart §10";
                String q10 = "We may terminate or suspend your account, API keys, and access to the service immediately, "
                        + "without prior notice, for any breach of these Terms of Service, including … non-payment of fees";
                yield new PolicySettings(displayName,
                        new Rule<>(PolicySettings.REFUND_WINDOW, 0, s6, q6),
                        new Rule<>(PolicySettings.REFUNDABLE_KINDS, none, s6, q6),
                        new Rule<>(PolicySettings.EXCEPTION_ONLY, true, s6, q6),
                        d.purchasesFinal(),
                        d.fourEyesThreshold(),
                        d.abuseSlaHours(),
                        new Rule<>(PolicySettings.CURE, 0, s10, q10),
                        // apimart §11 promises "advance notice via email" without a number of days
                        d.noticePeriodDays(),
                        new Rule<>(PolicySettings.OVERDUE, 0, s10, q10),
                        d.defaultMarkup());
            }
            case APIBOX -> {
                String s3 = "apibox §3";
                String q3 = "Top-up payments are non-refundable as a general policy. If you have exceptional "
                        + "circumstances, please contact our support team.";
                yield new PolicySettings(displayName,
                        new Rule<>(PolicySettings.REFUND_WINDOW, 0, s3, q3),
                        new Rule<>(PolicySettings.REFUNDABLE_KINDS, none, s3, q3),
                        new Rule<>(PolicySettings.EXCEPTION_ONLY, true, s3, q3),
                        d.purchasesFinal(),
                        d.fourEyesThreshold(),
                        d.abuseSlaHours(),
                        new Rule<>(PolicySettings.CURE, 0, "apibox §9", "If we determine that you have violated these "
                                + "Terms, we reserve the right to suspend or permanently ban your account without prior notice."),
                        // apibox §3 "We will announce any price changes in advance." names no period
                        d.noticePeriodDays(),
                        // prepaid (apibox §3 "no negative balance or debt will accrue"): nothing is ever overdue
                        d.paymentOverdueSuspensionDays(),
                        d.defaultMarkup());
            }
            case PIXAPI -> {
                String s8 = "pixapi §8";
                yield new PolicySettings(displayName,
                        new Rule<>(PolicySettings.REFUND_WINDOW, 7, s8,
                                "For unused credits, we support refund requests within 7 days of purchase."),
                        new Rule<>(PolicySettings.REFUNDABLE_KINDS, EnumSet.of(LotKind.PURCHASE), s8,
                                "Credit packs are one-time purchases … For unused credits, we support refund requests "
                                        + "within 7 days of purchase."),
                        d.refundsExceptionOnly(),
                        d.purchasesFinal(),
                        d.fourEyesThreshold(),
                        d.abuseSlaHours(),
                        // pixapi §13 allows suspension or termination for violations but names no cure period
                        d.curePeriodDays(),
                        // pixapi §17 "may provide additional notice where appropriate" names no period
                        d.noticePeriodDays(),
                        d.paymentOverdueSuspensionDays(),
                        d.defaultMarkup());
            }
            case AI_VISUAL_STUDIO -> {
                String s15 = "ai-visual-studio §15";
                yield new PolicySettings(displayName,
                        // the API terms say only "Credits must be pre-purchased or available through your subscription"
                        d.refundWindowDays(),
                        d.refundableKinds(),
                        d.refundsExceptionOnly(),
                        d.purchasesFinal(),
                        d.fourEyesThreshold(),
                        new Rule<>(PolicySettings.ABUSE_SLA, 24, "ai-visual-studio §9",
                                "You must respond to abuse reports within 24 hours"),
                        new Rule<>(PolicySettings.CURE, 14, s15, "If you fail to cure a breach within 14 days of notice"),
                        new Rule<>(PolicySettings.NOTICE, 30, "ai-visual-studio §18",
                                "Change rate limits or pricing with 30 days' notice"),
                        new Rule<>(PolicySettings.OVERDUE, 7, s15, "Payment issues remain unresolved for more than 7 days"),
                        new Rule<>(PolicySettings.MARKUP, new BigDecimal("1.5"), "ai-visual-studio §5",
                                "API pricing includes a 1.5x markup over standard web application pricing."));
            }
            case DECART -> {
                String s52 = "decart §5.2";
                String q52 = "All Credit purchases are final, non-refundable, and non-transferable, except as required "
                        + "by applicable law.";
                yield new PolicySettings(displayName,
                        new Rule<>(PolicySettings.REFUND_WINDOW, 0, s52, q52),
                        new Rule<>(PolicySettings.REFUNDABLE_KINDS, none, s52, q52),
                        d.refundsExceptionOnly(),
                        new Rule<>(PolicySettings.PURCHASES_FINAL, true, s52, q52),
                        d.fourEyesThreshold(),
                        d.abuseSlaHours(),
                        new Rule<>(PolicySettings.CURE, 0, "decart §6.2", "Decart.ai may suspend or terminate Developer’s "
                                + "access to the API, in whole or in part, at any time and in its sole discretion, by "
                                + "providing notice to Developer"),
                        new Rule<>(PolicySettings.NOTICE, 0, "decart §5.5", "Decart.ai may update Credit pricing, "
                                + "consumption rates, or Credit packages at any time, with or without notice. Any such "
                                + "changes will apply only to Credits purchased after the effective date"),
                        // prepaid: decart §5.4 suspends at zero credits; nothing is ever overdue
                        d.paymentOverdueSuspensionDays(),
                        d.defaultMarkup());
            }
        };
    }
}
