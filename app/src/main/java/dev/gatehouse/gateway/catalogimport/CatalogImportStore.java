package dev.gatehouse.gateway.catalogimport;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.gateway.catalog.CatalogStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalog as an import reads and changes it; new models are inserted by {@link CatalogStore#insertAll}. */
final class CatalogImportStore {
    private CatalogImportStore() {}

    /** Every model's id by slug (the catalog is small: thousands, not millions). */
    static Map<String, String> idsBySlug(Handle h) {
        Map<String, String> ids = new HashMap<>();
        h.createQuery("SELECT id, slug FROM models").map((rs, c) -> Map.entry(rs.getString("slug"), rs.getString("id")))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Locks the models an import is about to change, so the plan it checked is the one it writes. */
    static void lock(Handle h, List<String> ids) {
        if (!ids.isEmpty()) {
            h.createQuery("SELECT id FROM models WHERE id IN (<ids>) FOR UPDATE").bindList("ids", ids).mapTo(String.class).list();
        }
    }

    /** Sets the descriptive fields of a model and moves its version on. */
    static void updateDescription(Handle h, Model m, Instant at) {
        h.createUpdate("UPDATE models SET name = :name, name_sort = LOWER(:name), family = :family, context_window = :ctx, "
                        + "max_output_tokens = :out, resolutions = :res, updated_at = :at, version = version + 1 WHERE id = :id")
                .bind("name", m.name()).bind("family", m.family()).bind("ctx", m.contextWindow()).bind("out", m.maxOutputTokens())
                .bind("res", String.join(",", m.resolutions())).bind("at", at).bind("id", m.id()).execute();
    }

    /** Replaces a model's current price card (a decrease, which needs no notice). */
    static void replacePriceCard(Handle h, String modelId, List<PriceLine> card, Instant at) {
        h.createUpdate("DELETE FROM model_price_lines WHERE model_id = :id").bind("id", modelId).execute();
        PreparedBatch pb = h.prepareBatch("INSERT INTO model_price_lines (model_id, position, unit, variant, base, api) "
                + "VALUES (:model_id, :position, :unit, :variant, :base, :api)");
        int position = 0;
        for (PriceLine line : card) {
            pb.bind("model_id", modelId).bind("position", position++).bind("unit", line.unit()).bind("variant", line.variant())
                    .bind("base", line.base()).bind("api", line.api()).add();
        }
        pb.execute();
        h.createUpdate("UPDATE models SET updated_at = :at, version = version + 1 WHERE id = :id").bind("at", at).bind("id", modelId)
                .execute();
    }
}
