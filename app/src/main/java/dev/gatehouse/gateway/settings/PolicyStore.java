package dev.gatehouse.gateway.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.api.Json;
import dev.gatehouse.policy.PolicyPreset;
import dev.gatehouse.policy.PolicySettings;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.gatehouse.gateway.sql.Timestamps.instant;

/**
 * The active policy settings (DESIGN §4, issue 10 §4): one row naming a preset and the lead's edits on top of it.
 * The settings are rebuilt from the preset by {@link PolicySettings#edit} on every read, so what a rule cites always
 * follows the pure code: a preset's clause, or "edited by a lead" with the lead's reason.
 */
public final class PolicyStore {
    private PolicyStore() {}

    /** One lead's edit of one value, as PUT sent it. */
    public record Edit(String key, String value, String reason) {}

    public record Active(PolicyPreset preset, List<Edit> edits, PolicySettings settings, long version, Instant updatedAt,
                         String updatedBy) {}

    /** "ai_visual_studio" for {@link PolicyPreset#AI_VISUAL_STUDIO}: the key the API names a preset by. */
    public static String key(PolicyPreset preset) {
        return preset.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyPreset> preset(String key) {
        for (PolicyPreset p : PolicyPreset.values()) {
            if (key(p).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The settings in force. */
    public static PolicySettings settings(Handle h) {
        return active(h).settings();
    }

    public static Active active(Handle h) {
        return read(h, "");
    }

    /** The row, locked until the transaction ends: a PUT reads, checks If-Match and writes under this lock. */
    public static Active lock(Handle h) {
        return read(h, " FOR UPDATE");
    }

    private static Active read(Handle h, String suffix) {
        return h.createQuery("SELECT preset, edits, version, updated_at, updated_by FROM policy_settings WHERE id = 1" + suffix)
                .map((rs, c) -> {
                    PolicyPreset preset = preset(rs.getString("preset").trim()).orElseThrow(
                            () -> new IllegalStateException("policy_settings names an unknown preset"));
                    List<Edit> edits = parse(rs.getString("edits"));
                    return new Active(preset, edits, apply(preset, edits), rs.getLong("version"),
                            instant(rs, "updated_at"), rs.getString("updated_by"));
                }).one();
    }

    /** The preset's settings with {@code edits} applied in order; an edit the pure rules refuse is a bug upstream. */
    public static PolicySettings apply(PolicyPreset preset, List<Edit> edits) {
        PolicySettings s = preset.settings();
        for (Edit e : edits) {
            PolicySettings.Edit result = s.edit(e.key(), e.value(), e.reason());
            if (result.problem() != null) {
                throw new IllegalStateException("stored policy edit refused: " + result.problem());
            }
            s = result.settings();
        }
        return s;
    }

    /** Replaces the row; returns the new version. The caller holds {@link #lock}. */
    public static long save(Handle h, PolicyPreset preset, List<Edit> edits, Instant at, String by) {
        h.createUpdate("UPDATE policy_settings SET preset = :preset, edits = :edits, version = version + 1, "
                        + "updated_at = :at, updated_by = :by WHERE id = 1")
                .bind("preset", key(preset)).bind("edits", text(edits)).bind("at", at).bind("by", by).execute();
        return h.createQuery("SELECT version FROM policy_settings WHERE id = 1").mapTo(Long.class).one();
    }

    private static List<Edit> parse(String json) {
        try {
            return new ArrayList<>(Json.mapper().readValue(json, new TypeReference<List<Edit>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy_settings.edits is not a list of edits", e);
        }
    }

    private static String text(List<Edit> edits) {
        try {
            return Json.mapper().writeValueAsString(edits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
