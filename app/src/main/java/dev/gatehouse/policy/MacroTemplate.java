package dev.gatehouse.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A support macro's reply text with placeholders such as {@code {{customer.name}}} or {@code {{account.balance}}}
 * (issue 10 item 1, Zendesk's macros). The placeholders are a closed set, so a typo is refused when the macro is saved
 * rather than mailed to a customer as literal braces.
 */
public final class MacroTemplate {
    /** Every placeholder a macro may use, with what it stands for. */
    public static final Map<String, String> PLACEHOLDERS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("customer.name", "the account's name");
        m.put("customer.email", "the account's email");
        m.put("account.id", "the account's id");
        m.put("account.balance", "the spendable balance with its currency, e.g. 12.50 USD");
        m.put("account.tier", "the rate-limit tier");
        m.put("account.status", "active, warned, suspended or terminated");
        m.put("ticket.id", "the ticket's id");
        m.put("ticket.subject", "the ticket's subject");
        m.put("agent.name", "the signed-in operator's name");
        PLACEHOLDERS = java.util.Collections.unmodifiableMap(m);
    }

    // {{ name }} with optional spaces; names are dotted lower-case words. Bounded, so no backtracking blow-up.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s{0,4}([A-Za-z0-9_.]{1,60})\\s{0,4}}}");

    private MacroTemplate() {}

    /** The placeholders {@code template} uses that are not known, in order of appearance, each once. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.containsKey(name) && !unknown.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * The text with every known placeholder replaced by its value from {@code values}; a placeholder whose value is
     * missing becomes empty (the data is not there, e.g. no agent name), never literal braces.
     */
    public static String render(String template, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.containsKey(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
