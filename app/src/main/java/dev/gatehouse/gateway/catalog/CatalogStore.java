package dev.gatehouse.gateway.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.gateway.sql.LikePatterns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The models and model_price_lines tables. Every value reaches SQL as a bind parameter; methods join the caller's handle. */
public final class CatalogStore {
    /** Display order of modalities wherever several are listed. */
    public static final List<String> MODALITIES = List.of("chat", "image", "video", "embedding", "audio");
    public static final List<String> STATUSES = List.of("active", "deprecated", "disabled");
    public static final List<String> UNITS = List.of("input_mtok", "output_mtok", "image", "video_second");

    private static final String COLUMNS = """
            id, slug, name, provider, family, modality, status, context_window, max_output_tokens,
            resolutions, currency, markup, released, updated_at, version, provider_sort, name_sort""";

    private CatalogStore() {}

    /** A page of models plus the keyset of the next page's start, if there is one. */
    public record ModelPage(List<Model> models, Optional<ModelKeyset> next) {}

    public static ModelPage page(Handle h, ModelQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM models WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        query.modality().ifPresent(v -> {
            sql.append(" AND modality = :modality");
            binds.put("modality", v);
        });
        query.status().ifPresent(v -> {
            sql.append(" AND status = :status");
            binds.put("status", v);
        });
        query.providerSort().ifPresent(v -> {
            sql.append(" AND provider_sort = :provider_sort");
            binds.put("provider_sort", v);
        });
        query.q().ifPresent(v -> {
            sql.append(" AND (LOWER(name) LIKE LOWER(:q) ESCAPE '!' OR LOWER(slug) LIKE LOWER(:q) ESCAPE '!'"
                    + " OR LOWER(family) LIKE LOWER(:q) ESCAPE '!' OR provider_sort LIKE LOWER(:q) ESCAPE '!')");
            binds.put("q", LikePatterns.containing(v));
        });
        query.after().ifPresent(k -> {
            sql.append(" AND (provider_sort, name_sort, id) > (:after_provider, :after_name, :after_id)");
            binds.put("after_provider", k.providerSort());
            binds.put("after_name", k.nameSort());
            binds.put("after_id", k.id());
        });
        sql.append(" ORDER BY provider_sort, name_sort, id LIMIT :limit");
        binds.put("limit", query.limit() + 1);

        Query q = h.createQuery(sql.toString());
        binds.forEach(q::bind);
        List<Row> rows = q.map((rs, c) -> Row.of(rs)).list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        List<Model> models = withPriceCards(h, page);
        Optional<ModelKeyset> next = more
                ? Optional.of(page.get(page.size() - 1).keyset())
                : Optional.empty();
        return new ModelPage(models, next);
    }

    public static Optional<Model> find(Handle h, String id) {
        List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM models WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> Row.of(rs))
                .list();
        return withPriceCards(h, rows).stream().findFirst();
    }

    /** Provider display names with their sort keys, in list order. */
    public static Map<String, String> providerSortKeys(Handle h) {
        return h.createQuery("SELECT DISTINCT provider, provider_sort FROM models ORDER BY provider_sort, provider")
                .reduceRows(new LinkedHashMap<String, String>(), (m, rv) -> {
                    m.put(rv.getColumn("provider", String.class), rv.getColumn("provider_sort", String.class));
                    return m;
                });
    }

    public static List<ProviderSummary> providers(Handle h) {
        record Count(String provider, String providerSort, String modality, int n) {}
        List<Count> counts = h.createQuery("""
                        SELECT provider, provider_sort, modality, COUNT(*) AS n
                        FROM models GROUP BY provider, provider_sort, modality""")
                .map((rs, c) -> new Count(rs.getString("provider"), rs.getString("provider_sort"),
                        rs.getString("modality"), rs.getInt("n")))
                .list();
        Map<String, List<Count>> byProvider = new TreeMap<>();
        for (Count c : counts) {
            byProvider.computeIfAbsent(c.providerSort() + '\u0000' + c.provider(), k -> new ArrayList<>()).add(c);
        }
        List<ProviderSummary> out = new ArrayList<>();
        for (List<Count> group : byProvider.values()) {
            int total = group.stream().mapToInt(Count::n).sum();
            List<String> modalities = MODALITIES.stream()
                    .filter(m -> group.stream().anyMatch(c -> c.modality().equals(m)))
                    .toList();
            out.add(new ProviderSummary(group.get(0).provider(), total, modalities));
        }
        return out;
    }

    public static int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM models").mapTo(Integer.class).one();
    }

    /** Inserts models with their price cards as batches, in the caller's transaction. */
    public static void insertAll(Handle h, List<Model> models) {
        PreparedBatch mb = h.prepareBatch("""
                INSERT INTO models (id, slug, name, provider, family, modality, status, context_window,
                    max_output_tokens, resolutions, currency, markup, released, updated_at, version,
                    provider_sort, name_sort)
                VALUES (:id, :slug, :name, :provider, :family, :modality, :status, :context_window,
                    :max_output_tokens, :resolutions, :currency, :markup, :released, :updated_at, :version,
                    LOWER(:provider), LOWER(:name))""");
        PreparedBatch pb = h.prepareBatch("""
                INSERT INTO model_price_lines (model_id, position, unit, variant, base, api)
                VALUES (:model_id, :position, :unit, :variant, :base, :api)""");
        for (Model m : models) {
            mb.bind("id", m.id()).bind("slug", m.slug()).bind("name", m.name())
                    .bind("provider", m.provider()).bind("family", m.family())
                    .bind("modality", m.modality()).bind("status", m.status())
                    .bind("context_window", m.contextWindow()).bind("max_output_tokens", m.maxOutputTokens())
                    .bind("resolutions", String.join(",", m.resolutions()))
                    .bind("currency", m.currency()).bind("markup", m.markup())
                    .bind("released", m.released())
                    .bind("updated_at", m.updatedAt().atOffset(ZoneOffset.UTC))
                    .bind("version", m.version())
                    .add();
            int position = 0;
            for (PriceLine line : m.priceCard()) {
                pb.bind("model_id", m.id()).bind("position", position++).bind("unit", line.unit())
                        .bind("variant", line.variant()).bind("base", line.base()).bind("api", line.api())
                        .add();
            }
        }
        mb.execute();
        pb.execute();
    }

    /** The model, its row locked until the transaction ends: price and status changes of one model are serialized. */
    public static Optional<Model> lock(Handle h, String id) {
        List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM models WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((rs, c) -> Row.of(rs))
                .list();
        return withPriceCards(h, rows).stream().findFirst();
    }

    /** Which models a bulk price change selects; every part optional, all given parts must hold. */
    public record Selection(String providerSort, String modality, String status, List<String> ids) {}

    /** The selected models with their cards, in list order, at most {@code limit}. */
    public static List<Model> select(Handle h, Selection s, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM models WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (s.providerSort() != null) {
            sql.append(" AND provider_sort = :provider_sort");
            binds.put("provider_sort", s.providerSort());
        }
        if (s.modality() != null) {
            sql.append(" AND modality = :modality");
            binds.put("modality", s.modality());
        }
        if (s.status() != null) {
            sql.append(" AND status = :status");
            binds.put("status", s.status());
        }
        if (s.ids() != null && !s.ids().isEmpty()) {
            sql.append(" AND id IN (<ids>)");
        }
        sql.append(" ORDER BY provider_sort, name_sort, id LIMIT :limit");
        Query q = h.createQuery(sql.toString());
        binds.forEach(q::bind);
        if (s.ids() != null && !s.ids().isEmpty()) {
            q.bindList("ids", s.ids());
        }
        q.bind("limit", limit);
        return withPriceCards(h, q.map((rs, c) -> Row.of(rs)).list());
    }

    /** Replaces a model's card and markup (a price change taking effect) and moves its version on. */
    public static void replaceCard(Handle h, String id, java.math.BigDecimal markup, List<PriceLine> card, java.time.Instant now) {
        h.createUpdate("DELETE FROM model_price_lines WHERE model_id = :id").bind("id", id).execute();
        PreparedBatch pb = h.prepareBatch("""
                INSERT INTO model_price_lines (model_id, position, unit, variant, base, api)
                VALUES (:model_id, :position, :unit, :variant, :base, :api)""");
        int position = 0;
        for (PriceLine line : card) {
            pb.bind("model_id", id).bind("position", position++).bind("unit", line.unit()).bind("variant", line.variant())
                    .bind("base", line.base()).bind("api", line.api()).add();
        }
        pb.execute();
        h.createUpdate("UPDATE models SET markup = :markup, version = version + 1, updated_at = :now WHERE id = :id")
                .bind("markup", markup).bind("now", now.atOffset(ZoneOffset.UTC)).bind("id", id).execute();
    }

    /** Sets a model's status (active, deprecated, disabled) and moves its version on. */
    public static void setStatus(Handle h, String id, String status, java.time.Instant now) {
        h.createUpdate("UPDATE models SET status = :status, version = version + 1, updated_at = :now WHERE id = :id")
                .bind("status", status).bind("now", now.atOffset(ZoneOffset.UTC)).bind("id", id).execute();
    }

    /** Moves a model's version on without changing it (a change was scheduled for it: a concurrent edit must re-read). */
    public static void touch(Handle h, String id, java.time.Instant now) {
        h.createUpdate("UPDATE models SET version = version + 1, updated_at = :now WHERE id = :id")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("id", id).execute();
    }

    private static List<Model> withPriceCards(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<PriceLine>> cards = new LinkedHashMap<>();
        rows.forEach(r -> cards.put(r.id(), new ArrayList<>()));
        h.createQuery("""
                        SELECT model_id, unit, variant, base, api FROM model_price_lines
                        WHERE model_id IN (<ids>) ORDER BY model_id, position""")
                .bindList("ids", List.copyOf(cards.keySet()))
                .map((rs, c) -> {
                    cards.get(rs.getString("model_id")).add(new PriceLine(rs.getString("unit"),
                            rs.getString("variant"), rs.getBigDecimal("base"), rs.getBigDecimal("api")));
                    return Boolean.TRUE;
                })
                .list();
        return rows.stream().map(r -> r.toModel(cards.get(r.id()))).toList();
    }

    private record Row(Model model, String providerSort, String nameSort) {
        String id() {
            return model.id();
        }

        ModelKeyset keyset() {
            return new ModelKeyset(providerSort, nameSort, model.id());
        }

        Model toModel(List<PriceLine> card) {
            Model m = model;
            return new Model(m.id(), m.slug(), m.name(), m.provider(), m.family(), m.modality(), m.status(),
                    m.contextWindow(), m.maxOutputTokens(), m.resolutions(), m.currency(), m.markup(), card,
                    m.released(), m.updatedAt(), m.version());
        }

        static Row of(ResultSet rs) throws SQLException {
            String res = rs.getString("resolutions");
            List<String> resolutions = res == null || res.isEmpty() ? List.of() : Arrays.asList(res.split(","));
            Model m = new Model(
                    rs.getString("id"), rs.getString("slug"), rs.getString("name"), rs.getString("provider"),
                    rs.getString("family"), rs.getString("modality"), rs.getString("status"),
                    (Integer) rs.getObject("context_window", Integer.class),
                    (Integer) rs.getObject("max_output_tokens", Integer.class),
                    resolutions, rs.getString("currency").trim(), rs.getBigDecimal("markup"), List.of(),
                    rs.getObject("released", LocalDate.class),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                    rs.getLong("version"));
            return new Row(m, rs.getString("provider_sort"), rs.getString("name_sort"));
        }
    }
}
