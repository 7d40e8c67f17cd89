package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one policy settings object of DESIGN §4: every value paired with its source clause. The gateway enforces it,
 * the console shows it; {@link PolicyPreset} builds it from each seed platform's terms.
 *
 * @param presetName the preset it was built from ("Pixapi"), named in every refund reason
 */
public record PolicySettings(
        String presetName,
        Rule<Integer> refundWindowDays,
        Rule<Set<LotKind>> refundableKinds,
        Rule<Boolean> refundsExceptionOnly,
        Rule<Boolean> purchasesFinal,
        Rule<BigDecimal> fourEyesThreshold,
        Rule<Integer> abuseSlaHours,
        Rule<Integer> curePeriodDays,
        Rule<Integer> noticePeriodDays,
        Rule<Integer> paymentOverdueSuspensionDays,
        Rule<BigDecimal> defaultMarkup) {

    public PolicySettings {
        Objects.requireNonNull(presetName, "presetName");
        requireNonNegative(refundWindowDays);
        requireNonNegative(abuseSlaHours);
        requireNonNegative(curePeriodDays);
        requireNonNegative(noticePeriodDays);
        requireNonNegative(paymentOverdueSuspensionDays);
        refundableKinds = new Rule<>(refundableKinds.name(), Set.copyOf(refundableKinds.value()),
                refundableKinds.source(), refundableKinds.clause());
        if (fourEyesThreshold.value().signum() < 0) {
            throw new IllegalArgumentException("four-eyes threshold must not be negative");
        }
        if (defaultMarkup.value().signum() <= 0) {
            throw new IllegalArgumentException("markup must be positive");
        }
        Objects.requireNonNull(refundsExceptionOnly, "refundsExceptionOnly");
        Objects.requireNonNull(purchasesFinal, "purchasesFinal");
    }

    private static void requireNonNegative(Rule<Integer> rule) {
        if (rule.value() < 0) {
            throw new IllegalArgumentException(rule.name() + " must not be negative, got " + rule.value());
        }
    }

    static final String REFUND_WINDOW = "refund window (days)";
    static final String REFUNDABLE_KINDS = "refundable lot kinds";
    static final String EXCEPTION_ONLY = "refunds only as an exception";
    static final String PURCHASES_FINAL = "credit purchases are final";
    static final String FOUR_EYES = "second approval above (amount)";
    static final String ABUSE_SLA = "abuse reports answered within (hours)";
    static final String CURE = "cure period before termination (days)";
    static final String NOTICE = "notice for price increases and limit decreases (days)";
    static final String OVERDUE = "payment overdue until suspension (days)";
    static final String MARKUP = "default markup over provider price";

    /** DESIGN §4's defaults, each quoting the DESIGN row; presets start here and override what their terms say. */
    public static PolicySettings defaults() {
        String d = Rule.DEFAULT_SOURCE;
        return new PolicySettings("Default",
                new Rule<>(REFUND_WINDOW, 7, d, "only unused purchased credits, requested within 7 days of that purchase"),
                new Rule<>(REFUNDABLE_KINDS, EnumSet.of(LotKind.PURCHASE), d,
                        "only unused purchased credits …; promotional and granted credits never"),
                new Rule<>(EXCEPTION_ONLY, false, d,
                        "anything else is an exception that needs a lead and a reason"),
                new Rule<>(PURCHASES_FINAL, false, d, "only unused purchased credits, requested within 7 days of that purchase"),
                new Rule<>(FOUR_EYES, new BigDecimal("500.00"), d, "above 500.00 a second operator (not the first) must approve"),
                new Rule<>(ABUSE_SLA, 24, d, "abuse reports answered within 24 h of receipt"),
                new Rule<>(CURE, 14, d, "a non-severe breach gets notice and 14 days to cure before termination"),
                new Rule<>(NOTICE, 30, d,
                        "a price increase or a limit decrease takes effect no sooner than 30 days after it is scheduled"),
                new Rule<>(OVERDUE, 7, d, "access suspended after 7 days unresolved"),
                new Rule<>(MARKUP, new BigDecimal("1.5"), d, "provider base price × markup (default 1.5)"));
    }

    /** Every rule, in the order the console lists them. */
    public List<Rule<?>> rules() {
        return List.of(refundWindowDays, refundableKinds, refundsExceptionOnly, purchasesFinal, fourEyesThreshold,
                abuseSlaHours, curePeriodDays, noticePeriodDays, paymentOverdueSuspensionDays, defaultMarkup);
    }

    /** "Pixapi preset, pixapi §8": how a verdict names what decided it. */
    public String cite(Rule<?> rule) {
        return presetName + " preset, " + rule.source();
    }

    /**
     * What switching from this to {@code next} changes, one readable line per rule whose value differs (the lead's
     * preview before a switch). Equal values are not listed, even when their source differs.
     */
    public List<String> changesTo(PolicySettings next) {
        List<String> lines = new ArrayList<>();
        List<Rule<?>> from = rules();
        List<Rule<?>> to = next.rules();
        for (int i = 0; i < from.size(); i++) {
            Rule<?> a = from.get(i);
            Rule<?> b = to.get(i);
            if (!sameValue(a.value(), b.value())) {
                lines.add(capitalized(a.name()) + ": " + a.valueText() + " → " + b.valueText()
                        + " (" + b.source() + ": \"" + b.clause() + "\")");
            }
        }
        return lines;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The stable keys a PUT names a rule by, in {@link #rules()} order. */
    public static final List<String> KEYS = List.of("refund_window_days", "refundable_kinds", "refunds_exception_only",
            "purchases_final", "four_eyes_threshold", "abuse_sla_hours", "cure_period_days", "notice_period_days",
            "payment_overdue_suspension_days", "default_markup");
    public static final String EDITED_SOURCE = "edited by a lead";
    /** Day and hour counts a lead may type: up to ten years. */
    public static final int MAX_COUNT = 3650;

    /** The settings after an edit, or why the edit cannot be made (the gateway answers 422 with it). */
    public record Edit(PolicySettings settings, String problem) {}

    /**
     * A lead's edit of one value (issue 10 §4 "PUT /admin/v1/policy … edits a value"): the rule then cites
     * {@link #EDITED_SOURCE} with the lead's reason as its clause, and the settings are named "&lt;preset&gt; (edited)".
     */
    public Edit edit(String key, String value, String reason) {
        int index = KEYS.indexOf(key);
        if (index < 0) {
            return new Edit(null, "unknown rule " + key + "; one of " + String.join(", ", KEYS));
        }
        Optional<String> reasonProblem = Enforcement.reasonProblem(reason);
        if (reasonProblem.isPresent()) {
            return new Edit(null, "reason " + reasonProblem.get());
        }
        String text = value == null ? "" : value.trim();
        Rule<?> old = rules().get(index);
        Object parsed;
        try {
            parsed = parse(old.value(), text);
        } catch (IllegalArgumentException bad) {
            return new Edit(null, key + ": " + bad.getMessage());
        }
        List<Rule<?>> rules = new ArrayList<>(rules());
        rules.set(index, new Rule<>(old.name(), parsed, EDITED_SOURCE, reason.trim()));
        String name = presetName.endsWith(" (edited)") ? presetName : presetName + " (edited)";
        try {
            return new Edit(of(name, rules), null);
        } catch (IllegalArgumentException bad) {
            return new Edit(null, key + ": " + bad.getMessage());
        }
    }

    private static Object parse(Object like, String text) {
        if (like instanceof Integer) {
            if (!text.matches("\\d{1,4}") || Integer.parseInt(text) > MAX_COUNT) {
                throw new IllegalArgumentException("must be a whole number from 0 to " + MAX_COUNT + ", got \"" + text + "\"");
            }
            return Integer.parseInt(text);
        }
        if (like instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("must be true or false, got \"" + text + "\"");
            }
            return Boolean.parseBoolean(text);
        }
        if (like instanceof BigDecimal) {
            // plain digits only: "1e3" or "+5" is a number to a parser but not an amount a lead means to type
            if (!text.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
                throw new IllegalArgumentException("must be a decimal number such as 500.00, got \"" + text + "\"");
            }
            BigDecimal d = new BigDecimal(text);
            Optional<String> p = RefundEligibility.amountProblem(d);
            if (p.isPresent()) {
                throw new IllegalArgumentException(p.get());
            }
            return d;
        }
        Set<LotKind> kinds = EnumSet.noneOf(LotKind.class);
        if (!text.isEmpty() && !text.equals("none")) {
            for (String part : text.split(",")) {
                kinds.add(LotKind.fromWire(part.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "unknown lot kind \"" + part.trim() + "\"; use purchase, signup_reward, promotion, manual_grant or none")));
            }
        }
        return kinds;
    }

    @SuppressWarnings("unchecked")
    private static PolicySettings of(String name, List<Rule<?>> r) {
        return new PolicySettings(name, (Rule<Integer>) r.get(0), (Rule<Set<LotKind>>) r.get(1), (Rule<Boolean>) r.get(2),
                (Rule<Boolean>) r.get(3), (Rule<BigDecimal>) r.get(4), (Rule<Integer>) r.get(5), (Rule<Integer>) r.get(6),
                (Rule<Integer>) r.get(7), (Rule<Integer>) r.get(8), (Rule<BigDecimal>) r.get(9));
    }
}
