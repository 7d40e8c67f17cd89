package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * GET /admin/v1/policy (issue 10 §4): the preset in force (a key such as "pixapi", and its name), the settings' name
 * ("Pixapi (edited)" once a lead edited a value), and every rule with its value and source clause.
 * value is what PUT takes back ("7", "true", "500.00", "purchase,promotion" or "none"); text is how a person reads it.
 */
public record PolicyView(
        String preset,
        String presetName,
        String name,
        boolean edited,
        long version,
        Instant updatedAt,
        String updatedBy,
        List<Rule> rules,
        List<Preset> presets) {
    public PolicyView {
        rules = rules == null ? List.of() : List.copyOf(rules);
        presets = presets == null ? List.of() : List.copyOf(presets);
    }

    public record Rule(String key, String name, String value, String text, String source, String clause, boolean fromDefault) {}

    public record Preset(String key, String name) {}
}
