package dev.gatehouse.gateway.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSeedTest {
    static List<Model> catalog;

    @BeforeAll
    static void generate() {
        catalog = CatalogSeed.generate(DemoGateway.DEFAULT_SEED);
    }

    @Test
    void sameSeedGivesByteIdenticalCatalogThroughTheDatabase() throws JsonProcessingException {
        String first = json(readAll(DemoGateway.DEFAULT_SEED));
        String second = json(readAll(DemoGateway.DEFAULT_SEED));
        assertThat(second).isEqualTo(first);
        assertThat(json(CatalogSeed.generate(DemoGateway.DEFAULT_SEED))).isEqualTo(json(catalog));
    }

    @Test
    void anotherSeedGivesAnotherCatalogOfTheSameModels() throws JsonProcessingException {
        List<Model> other = CatalogSeed.generate(DemoGateway.DEFAULT_SEED + 1);
        assertThat(json(other)).isNotEqualTo(json(catalog));
        assertThat(other).extracting(Model::slug).isEqualTo(catalog.stream().map(Model::slug).toList());
    }

    @Test
    void roundTripThroughTheDatabaseKeepsEveryField() {
        Map<String, Model> generated = catalog.stream().collect(Collectors.toMap(Model::id, Function.identity()));
        List<Model> stored = readAll(DemoGateway.DEFAULT_SEED);
        assertThat(stored).hasSameSizeAs(catalog);
        stored.forEach(m -> assertThat(m).isEqualTo(generated.get(m.id())));
    }

    @Test
    void catalogIsLargeAndSpansEveryModality() {
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(520);
        Map<String, Long> byModality = catalog.stream().collect(Collectors.groupingBy(Model::modality, Collectors.counting()));
        assertThat(byModality.keySet()).containsExactlyInAnyOrderElementsOf(CatalogStore.MODALITIES);
        assertThat(byModality.get("chat")).isGreaterThan(250);
        assertThat(byModality.get("image")).isGreaterThan(80);
        assertThat(byModality.get("video")).isGreaterThan(60);
        Map<String, Long> byStatus = catalog.stream().collect(Collectors.groupingBy(Model::status, Collectors.counting()));
        assertThat(byStatus.get("active")).isGreaterThan(catalog.size() / 2);
        assertThat(byStatus.get("deprecated")).isGreaterThan(20);
        assertThat(byStatus.get("disabled")).isBetween(5L, (long) catalog.size() / 10);
    }

    @Test
    void idsSlugsAndNamesAreWellFormedAndUnique() {
        assertThat(catalog).allSatisfy(m -> {
            assertThat(m.id()).matches("mdl_[a-z0-9]{12}");
            assertThat(m.slug()).matches("[a-z0-9.-]+/[a-z0-9._-]+");
            assertThat(m.name()).isNotBlank().doesNotContain("Model ");
            assertThat(m.currency()).isEqualTo("USD");
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.updatedAt()).isAfterOrEqualTo(m.released().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        });
        assertThat(catalog.stream().map(Model::id).distinct()).hasSize(catalog.size());
        assertThat(catalog.stream().map(Model::slug).distinct()).hasSize(catalog.size());
    }

    @Test
    void tokenModelsHaveLimitsAndTokenLines() {
        for (Model m : catalog) {
            switch (m.modality()) {
                case "chat" -> {
                    assertThat(m.contextWindow()).as(m.slug()).isPositive();
                    assertThat(m.maxOutputTokens()).as(m.slug()).isPositive();
                    assertThat(m.resolutions()).isEmpty();
                    assertThat(units(m)).as(m.slug()).containsExactly("input_mtok/null", "output_mtok/null");
                }
                case "embedding" -> {
                    assertThat(m.contextWindow()).as(m.slug()).isPositive();
                    assertThat(units(m)).as(m.slug()).containsExactly("input_mtok/null");
                }
                case "audio" -> {
                    assertThat(m.contextWindow()).as(m.slug()).isPositive();
                    assertThat(units(m)).as(m.slug()).containsExactly("input_mtok/null", "output_mtok/null");
                }
                default -> { }
            }
        }
    }

    @Test
    void mediaModelsHaveOnePriceLinePerResolution() {
        for (Model m : catalog) {
            String unit = switch (m.modality()) {
                case "image" -> "image";
                case "video" -> "video_second";
                default -> null;
            };
            if (unit == null) {
                continue;
            }
            assertThat(m.contextWindow()).isNull();
            assertThat(m.resolutions()).as(m.slug()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(m.priceCard()).extracting(PriceLine::unit).containsOnly(unit);
            assertThat(m.priceCard()).extracting(PriceLine::variant).containsExactlyElementsOf(m.resolutions());
        }
    }

    @Test
    void apiPriceIsBaseTimesMarkupAtScaleSix() {
        assertThat(catalog).allSatisfy(m -> {
            assertThat(m.markup().scale()).isEqualTo(6);
            assertThat(m.priceCard()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.base().scale()).isEqualTo(Money.SCALE);
                assertThat(line.base().signum()).isNotNegative();
                assertThat(line.api()).isEqualTo(Money.applyMarkup(line.base(), m.markup()));
            });
        });
        long defaultMarkup = catalog.stream().filter(m -> m.markup().compareTo(new BigDecimal("1.5")) == 0).count();
        assertThat(defaultMarkup).isGreaterThan(catalog.size() * 8L / 10);
    }

    @Test
    void listPricesAreTheProvidersOnes() {
        assertThat(card("openai/gpt-4o")).containsExactly("input_mtok/null=2.500000", "output_mtok/null=10.000000");
        assertThat(card("anthropic/claude-opus-4.1")).containsExactly("input_mtok/null=15.000000", "output_mtok/null=75.000000");
        assertThat(card("black-forest-labs/flux-1-schnell")).contains("image/1024x1024=0.003000");
        assertThat(card("openai/gpt-image-1")).containsExactly("image/1024x1024=0.042000", "image/1536x1024=0.063000",
                "image/1024x1536=0.063000");
    }

    private static List<String> card(String slug) {
        Model m = catalog.stream().filter(x -> x.slug().equals(slug)).findFirst().orElseThrow();
        return m.priceCard().stream().map(l -> l.unit() + "/" + l.variant() + "=" + l.base().toPlainString()).toList();
    }

    private static List<String> units(Model m) {
        return m.priceCard().stream().map(l -> l.unit() + "/" + l.variant()).toList();
    }

    private static String json(List<Model> models) throws JsonProcessingException {
        return Json.mapper().writeValueAsString(models);
    }

    /** Seeds a fresh database and reads the whole catalog back in list order. */
    private static List<Model> readAll(long seed) {
        try (Database db = Database.inMemory()) {
            long start = System.nanoTime();
            CatalogSeed.seed(db, seed);
            List<Model> out = new ArrayList<>();
            ModelQuery query = ModelQuery.all(200);
            while (true) {
                ModelQuery page0 = query;
                CatalogStore.ModelPage page = db.jdbi().withHandle(h -> CatalogStore.page(h, page0));
                out.addAll(page.models());
                Optional<ModelKeyset> next = page.next();
                if (next.isEmpty()) {
                    return out;
                }
                query = query.after(next.get());
            }
        }
    }
}
