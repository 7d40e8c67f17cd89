package dev.gatehouse.gateway.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.demo.DemoGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog migration and queries on a real PostgreSQL, where H2's PostgreSQL mode could hide a difference. */
class CatalogPostgresTest {
    static EmbeddedPostgres postgres;
    static Database db;
    static List<Model> generated;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        CatalogSeed.seed(db, DemoGateway.DEFAULT_SEED);
        generated = CatalogSeed.generate(DemoGateway.DEFAULT_SEED);
    }

    @AfterAll
    static void stop() throws IOException {
        if (db != null) db.close();
        if (postgres != null) postgres.close();
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.isPostgres()).isTrue();
        assertThat(db.jdbi().withHandle(CatalogStore::count)).isEqualTo(generated.size());
    }

    @Test
    void keysetPagingReachesEveryModelOnceAndMatchesTheGeneratedCatalog() {
        List<Model> paged = readAll(ModelQuery.all(37));
        assertThat(paged.stream().map(Model::id).distinct()).hasSize(generated.size());
        // same rows and values as generated; order is the database's collation, applied consistently
        assertThat(paged).containsExactlyInAnyOrderElementsOf(generated);
        assertThat(readAll(ModelQuery.all(200))).isEqualTo(paged);
    }

    @Test
    void filtersAndLiteralFreeTextBehaveAsOnH2() {
        Optional<String> none = Optional.empty();
        ModelQuery chatDeprecated = new ModelQuery(Optional.of("chat"), Optional.of("openai"), Optional.of("deprecated"),
                none, Optional.empty(), 5);
        assertThat(readAll(chatDeprecated)).extracting(Model::id).containsExactlyInAnyOrderElementsOf(generated.stream()
                .filter(m -> m.modality().equals("chat") && m.status().equals("deprecated") && m.provider().equals("OpenAI"))
                .map(Model::id).toList());

        assertThat(readAll(query("' OR 1=1 --"))).isEmpty();
        assertThat(readAll(query("%"))).isEmpty();
        assertThat(readAll(query("!"))).isEmpty();
        assertThat(readAll(query("[PRO]"))).isNotEmpty().allSatisfy(m -> assertThat(m.name()).contains("[pro]"));
    }

    @Test
    void providersAgreeWithTheRows() {
        int total = db.jdbi().withHandle(CatalogStore::providers).stream().mapToInt(p -> p.models()).sum();
        assertThat(total).isEqualTo(generated.size());
        assertThat(db.jdbi().withHandle(CatalogStore::providerSortKeys)).containsEntry("Black Forest Labs", "black forest labs");
    }

    @Test
    void checkConstraintsRefuseUnknownUnitsAndStaleSortKeys() {
        Model any = generated.get(0);
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO model_price_lines (model_id, position, unit, base, api) VALUES (?, 99, 'token', 1, 1)", any.id())))
                .hasMessageContaining("model_price_lines_unit_check");
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "UPDATE models SET name = 'Renamed' WHERE id = ?", any.id())))
                .hasMessageContaining("models_name_sort_check");
    }

    private static ModelQuery query(String q) {
        return new ModelQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(q), Optional.empty(), 50);
    }

    private static List<Model> readAll(ModelQuery first) {
        List<Model> out = new ArrayList<>();
        ModelQuery query = first;
        while (true) {
            ModelQuery current = query;
            CatalogStore.ModelPage page = db.jdbi().withHandle(h -> CatalogStore.page(h, current));
            out.addAll(page.models());
            if (page.next().isEmpty()) {
                return out;
            }
            query = query.after(page.next().get());
        }
    }
}
