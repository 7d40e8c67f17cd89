package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Models with known cards, and usage rows, written straight to the database so each test owns what it changes. */
public final class TestPrices {
    private TestPrices() {}

    /**
     * A chat model {@code id} (provider "Rails Labs") priced base {@code in} / {@code out} per 1M tokens at markup 1.5,
     * at version 1 with no history or pending change: created, or reset to exactly that.
     */
    public static String chatModel(Database db, String id, String in, String out) {
        return model(db, id, "chat", List.of(line("input_mtok", null, in), line("output_mtok", null, out)));
    }

    /** An image model priced per image by resolution ({@code variant=base} pairs). */
    public static String imageModel(Database db, String id, String... variantBase) {
        List<PriceLine> card = new java.util.ArrayList<>();
        for (String vb : variantBase) {
            String[] p = vb.split("=");
            card.add(line("image", p[0], p[1]));
        }
        return model(db, id, "image", card);
    }

    public static PriceLine line(String unit, String variant, String base) {
        BigDecimal b = Money.of(base);
        return new PriceLine(unit, variant, b, Pricing.apiPrice(b, Pricing.DEFAULT_MARKUP));
    }

    private static String model(Database db, String id, String modality, List<PriceLine> card) {
        db.jdbi().useTransaction(h -> {
            h.createUpdate("DELETE FROM price_notices WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM price_change_lines WHERE change_id IN (SELECT id FROM price_changes WHERE model_id = :id)").bind("id", id).execute();
            h.createUpdate("DELETE FROM price_changes WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM price_version_lines WHERE version_id IN (SELECT id FROM price_versions WHERE model_id = :id)").bind("id", id).execute();
            h.createUpdate("DELETE FROM price_versions WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM model_status_changes WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM usage_records WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM model_price_lines WHERE model_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM models WHERE id = :id").bind("id", id).execute();
            CatalogStore.insertAll(h, List.of(new Model(id, "rails-labs/" + id, "Model " + id, "Rails Labs", "Rails", modality,
                    "active", modality.equals("chat") ? 128_000 : null, modality.equals("chat") ? 8_192 : null,
                    modality.equals("chat") ? List.of() : card.stream().map(PriceLine::variant).toList(), "USD",
                    Pricing.DEFAULT_MARKUP, card, LocalDate.of(2025, 1, 1), Instant.parse("2026-01-01T00:00:00Z"), 1)));
        });
        return id;
    }

    /** One usage row (a request of one line) at the given price, cost = quantity × price (per 1M for tokens). */
    public static void usage(Database db, String accountId, String keyId, String modelId, Instant at, String unit, String variant,
                             String quantity, String unitPrice) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = Money.of(unitPrice);
        db.jdbi().useHandle(h -> UsageStore.insert(h, List.of(new UsageStore.Row("req_" + System.nanoTime(), accountId, keyId, modelId,
                at, true, unit, variant, q, p, Money.normalize(Pricing.cost(unit, q, p))))));
    }

    /** The preview hash the gateway answers for {@code body} now, as a lead sees it. */
    public static String previewHash(Database db, PriceChangeRequest body, Instant now) {
        return db.jdbi().withHandle(h -> PriceChanges.plan(h, body, Role.LEAD, now).preview().previewHash());
    }
}
