package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an abuse report is about (issue 9 item 1), with its default severity, whether it is severe enough to
 * terminate without the cure period, and the clause a statement of reasons cites.
 *
 * <p>Default severities. DESIGN §4 names the critical ones: "critical = CSAM, non-consensual imagery, terrorism,
 * credible threats, live attacks". For the rest:
 * <ul>
 *   <li>high: harassment and threats, fraud, malware and attacks hurt real people or systems while the report
 *       waits; a credible threat or an attack in progress is raised to critical by the operator;</li>
 *   <li>medium: IP infringement, key resale, rate-limit circumvention and "other" are breaches of contract or
 *       third-party rights without immediate danger; "other" is unclassified, so it is not buried at low;</li>
 *   <li>low: multi-accounting and spam are the least harmful and the most frequent.</li>
 * </ul>
 *
 * <p>Severe (ai-visual-studio §15: "We may terminate your API access: … Immediately for severe violations
 * (illegal content, security threats)"): CSAM, non-consensual imagery, terrorism, fraud (illegal content) and
 * malware/attacks (security threats). Severity is by category, not by the operator-set severity, so raising a
 * report cannot skip the cure period; a credible threat filed as harassment needs the lead override.
 */
public enum ReportCategory {
    CSAM("csam", "CSAM", Severity.CRITICAL, true,
            "ai-visual-studio §7: \"Child sexual abuse material (CSAM) or any content sexualizing minors\""),
    NON_CONSENSUAL_IMAGERY("non_consensual_imagery", "Non-consensual imagery", Severity.CRITICAL, true,
            "ai-visual-studio §7: \"Non-consensual intimate imagery or deepfakes of real persons\""),
    TERRORISM_VIOLENCE("terrorism_violence", "Terrorism or violence", Severity.CRITICAL, true,
            "ai-visual-studio §7: \"Content promoting terrorism, violence, or hate speech\""),
    HATE_HARASSMENT("hate_harassment", "Hate or harassment", Severity.HIGH, false,
            "ai-visual-studio §7: \"Content designed to harass, threaten, or defame individuals\""),
    FRAUD_DECEPTION("fraud_deception", "Fraud or deception", Severity.HIGH, true,
            "ai-visual-studio §7: \"Fraudulent content intended to deceive (fake news, scam materials)\""),
    MALWARE_ATTACK("malware_attack", "Malware or attack", Severity.HIGH, true,
            "ai-visual-studio §7: \"Interfere with or disrupt the API or connected infrastructure\""),
    IP_INFRINGEMENT("ip_infringement", "IP infringement", Severity.MEDIUM, false,
            "ai-visual-studio §7: \"Content that infringes intellectual property rights\""),
    KEY_SHARING_RESALE("key_sharing_resale", "Key sharing or resale", Severity.MEDIUM, false,
            "ai-visual-studio §7: \"Resell, sublicense, or redistribute API access\""),
    RATE_LIMIT_CIRCUMVENTION("rate_limit_circumvention", "Rate-limit circumvention", Severity.MEDIUM, false,
            "ai-visual-studio §7: \"Attempt to bypass security measures, rate limits, or access controls\""),
    MULTI_ACCOUNT("multi_account", "Multiple accounts", Severity.LOW, false,
            "apibox §2: \"Each individual or organization may register only one primary account\""),
    SPAM("spam", "Spam", Severity.LOW, false,
            "pixapi §5: \"Use the Service to promote fraud, scams, malware, spam, illegal activity\""),
    OTHER("other", "Other", Severity.MEDIUM, false,
            "ai-visual-studio §7: \"Content violating any applicable laws or regulations\"");

    private final String wire;
    private final String label;
    private final Severity defaultSeverity;
    private final boolean severe;
    private final String clause;

    ReportCategory(String wire, String label, Severity defaultSeverity, boolean severe, String clause) {
        this.wire = wire;
        this.label = label;
        this.defaultSeverity = defaultSeverity;
        this.severe = severe;
        this.clause = clause;
    }

    public String wire() {
        return wire;
    }

    /** "Non-consensual imagery": for the queue and the decision form. */
    public String label() {
        return label;
    }

    /** The severity a new report gets; an operator may raise it (see {@link SeverityChange}). */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Whether a breach in this category may end in termination without a prior warning (no cure period). */
    public boolean severe() {
        return severe;
    }

    /** The clause a statement of reasons cites by default, quoted. */
    public String clause() {
        return clause;
    }

    public static Optional<ReportCategory> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
    }
}
