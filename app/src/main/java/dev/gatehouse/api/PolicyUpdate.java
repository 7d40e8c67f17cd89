package dev.gatehouse.api;

import java.util.Map;

/**
 * Body of PUT /admin/v1/policy and POST /admin/v1/policy/preview (lead): switch to a preset (its values, without
 * earlier edits), and/or edit values by rule key ({"refund_window_days": "14"}), with the reason every edit records.
 */
public record PolicyUpdate(String preset, Map<String, String> values, String reason) {}
