package dev.gatehouse.gateway.catalogimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog import: both formats, exact per-token conversion, unsupported entries, preview = commit, malformed files. */
class CatalogImportRoutesTest {
    static String sample(String name) {
        try (InputStream in = CatalogImportRoutesTest.class.getResourceAsStream("/catalogimport/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String content, String hash, String reason) {
        ObjectNode b = Json.mapper().createObjectNode();
        b.put("content", content);
        if (hash != null) {
            b.put("preview_hash", hash);
        }
        if (reason != null) {
            b.put("reason", reason);
        }
        return b.toString();
    }

    private static TestGateway.Response preview(TestGateway gw, String content) {
        return gw.post(Role.OPS, "/admin/v1/models/import/preview", body(content, null, null));
    }

    private static TestGateway.Response commit(TestGateway gw, String content, String hash) {
        return gw.post(Role.OPS, "/admin/v1/models/import", body(content, hash, "first catalog of the platform"));
    }

    private static Map<String, JsonNode> bySlug(JsonNode lines) {
        Map<String, JsonNode> m = new HashMap<>();
        lines.forEach(l -> m.put(l.get("slug").isNull() ? "line " + l.get("line").asInt() : l.get("slug").asText(), l));
        return m;
    }

    private static Map<String, String> apiPrices(TestGateway gw, String slug) {
        JsonNode model = null;
        for (JsonNode m : gw.get(Role.VIEWER, "/admin/v1/models?limit=200&q=" + slug).json().get("data")) {
            if (m.get("slug").asText().equals(slug)) {
                model = m;
            }
        }
        assertThat(model).as(slug).isNotNull();
        Map<String, String> prices = new HashMap<>();
        model.get("price_card").forEach(l -> prices.put(l.get("unit").asText() + (l.get("variant").isNull() ? "" : " " + l.get("variant").asText()),
                l.get("base").asText() + "/" + l.get("api").asText()));
        return prices;
    }

    @Test
    void aLiteLlmFileConvertsPerTokenCostsExactlyAndReportsWhatItCannotImport() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            String file = sample("litellm-sample.json");
            var p = preview(gw, file);
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            assertThat(p.json().get("format").asText()).isEqualTo("litellm");
            assertThat(p.json().get("new_count").asInt()).isEqualTo(5);
            assertThat(p.json().get("unsupported_count").asInt()).isEqualTo(4);
            Map<String, JsonNode> lines = bySlug(p.json().get("lines"));
            assertThat(lines.get("acme-chat-large").get("line").asInt()).isEqualTo(9);
            assertThat(lines.get("sample_spec").get("reason").asText()).contains("not a model");
            assertThat(lines.get("acme/rerank-v1").get("reason").asText()).contains("rerank");
            assertThat(lines.get("acme/pixel-painter").get("reason").asText()).contains("output_cost_per_image");
            assertThat(lines.get("acme/nano-tokens").get("reason").asText()).contains("more than 6 decimals");

            var done = commit(gw, file, p.json().get("preview_hash").asText());
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.json().get("audit_id").asText()).isNotBlank();
            assertThat(done.json().get("lines")).isEqualTo(p.json().get("lines"));
            // 2.5e-06 per token is exactly 2.50 per 1M; the API price is base × 1.5
            assertThat(apiPrices(gw, "acme-chat-large")).containsEntry("input_mtok", "2.500000/3.750000")
                    .containsEntry("output_mtok", "10.000000/15.000000");
            assertThat(apiPrices(gw, "acme-chat-mini")).containsEntry("input_mtok", "0.150000/0.225000")
                    .containsEntry("output_mtok", "0.600000/0.900000");
            assertThat(apiPrices(gw, "acme/embed-small")).containsEntry("input_mtok", "0.020000/0.030000");
            assertThat(apiPrices(gw, "acme/painter-2")).containsEntry("image", "0.040000/0.060000");
            assertThat(apiPrices(gw, "acme/motion-1")).containsEntry("video_second", "0.100000/0.150000");

            var again = preview(gw, file);
            assertThat(again.json().get("unchanged_count").asInt()).as("importing again changes nothing").isEqualTo(5);
            assertThat(again.json().get("new_count").asInt()).isZero();
        }
    }

    @Test
    void aDecreaseAppliesAtOnceAndAnIncreaseIsNeverApplied() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            String file = sample("litellm-sample.json");
            commit(gw, file, preview(gw, file).json().get("preview_hash").asText());
            String changed = file.replace("\"input_cost_per_token\": 2.5e-06", "\"input_cost_per_token\": 2e-06")
                    .replace("\"input_cost_per_token\": 1.5e-07", "\"input_cost_per_token\": 3e-07");
            var p = preview(gw, changed);
            Map<String, JsonNode> lines = bySlug(p.json().get("lines"));
            assertThat(lines.get("acme-chat-large").get("outcome").asText()).isEqualTo("changed");
            assertThat(lines.get("acme-chat-large").get("changes").get(0).asText()).contains("3.750000 → 3.000000").contains("applied now");
            JsonNode raised = lines.get("acme-chat-mini");
            assertThat(raised.get("outcome").asText()).isEqualTo("changed");
            assertThat(raised.get("changes").get(0).asText()).contains("0.225000 → 0.450000").contains("scheduled for")
                    .contains("not applied now");
            assertThat(p.json().get("scheduled_count").asInt()).isEqualTo(1);
            var done = commit(gw, changed, p.json().get("preview_hash").asText());
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(apiPrices(gw, "acme-chat-large")).containsEntry("input_mtok", "2.000000/3.000000");
            assertThat(apiPrices(gw, "acme-chat-mini")).as("an increase waits for its notice").containsEntry("input_mtok", "0.150000/0.225000");
            String mini = gw.get(Role.VIEWER, "/admin/v1/models?limit=200&q=acme-chat-mini").json().at("/data/0/id").asText();
            var prices = gw.get(Role.VIEWER, "/admin/v1/models/" + mini + "/prices");
            assertThat(prices.status()).as(prices.body()).isEqualTo(200);
            assertThat(prices.body()).as("the raise waits as a scheduled price change").contains("scheduled").contains("0.45");
        }
    }

    @Test
    void theImportWritesOnlyWhatWasPreviewed() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            String file = sample("gatehouse-sample.json");
            var p = preview(gw, file);
            assertThat(p.json().get("format").asText()).isEqualTo("gatehouse");
            assertThat(p.json().get("new_count").asInt()).isEqualTo(2);
            assertThat(bySlug(p.json().get("lines")).get("northwind-video-1").get("reason").asText()).contains("EUR");
            // someone imports one of the models in between: the preview no longer holds
            String one = "{\"data\": [" + Json.mapper().readTree(file).get("data").get(0) + "]}";
            commit(gw, one, preview(gw, one).json().get("preview_hash").asText());
            var stale = commit(gw, file, p.json().get("preview_hash").asText());
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("detail").asText()).contains("Preview the file again");
            assertThat(commit(gw, file, null).status()).isEqualTo(422);
            assertThat(gw.post(Role.OPS, "/admin/v1/models/import", body(file, p.json().get("preview_hash").asText(), null)).status())
                    .as("a reason is required").isEqualTo(422);
            var fresh = preview(gw, file);
            assertThat(fresh.json().get("new_count").asInt()).isEqualTo(1);
            assertThat(commit(gw, file, fresh.json().get("preview_hash").asText()).status()).isEqualTo(200);
            assertThat(apiPrices(gw, "northwind-image-1")).containsEntry("image 1024x1024", "0.040000/0.060000");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCatalogExportedFromOnePlatformImportsIntoAnother() {
        try (TestGateway source = new TestGateway(Database.inMemory()); TestGateway target = new TestGateway(Database.inMemory())) {
            String file = sample("gatehouse-sample.json");
            commit(source, file, preview(source, file).json().get("preview_hash").asText());
            String export = source.get(Role.VIEWER, "/admin/v1/models?limit=200").body();
            var p = preview(target, export);
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            assertThat(p.json().get("new_count").asInt()).isEqualTo(2);
            commit(target, export, p.json().get("preview_hash").asText());
            assertThat(apiPrices(target, "northwind-chat-1")).isEqualTo(apiPrices(source, "northwind-chat-1"));
        }
    }

    @Test
    void malformedFilesAre422WithAnErrorPerLineNeverA500() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            var bad = preview(gw, sample("litellm-malformed.json"));
            assertThat(bad.status()).as(bad.body()).isEqualTo(422);
            List<String> fields = new ArrayList<>();
            bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + ": " + e.get("message").asText()));
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("line 2 bad-types.input_cost_per_token").contains("must be a number"));
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("line 2 bad-types.max_input_tokens").contains("whole number"));
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("line 9 negative.input_cost_per_token").contains("negative"));
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("line 15 huge.input_cost_per_token").contains("too large"));
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("line 21 teleporter.mode").contains("unknown mode"));
            assertThat(fields).noneMatch(f -> f.contains("fine-model"));
            for (String junk : List.of("", "[]", "{\"data\": [1, 2]}", "{\"a\": ", "not json", "{\"x\": 1}",
                    "{\"data\": [{\"slug\": \"s\", \"name\": \"n\", \"provider\": \"p\", \"modality\": \"hologram\", \"price_card\": []}]}",
                    "{\"data\": [{\"slug\": \"s\", \"name\": \"n\", \"provider\": \"p\", \"modality\": \"chat\", "
                            + "\"price_card\": [{\"unit\": \"image\", \"base\": \"-1\"}]}]}",
                    "{\"m\": {\"mode\": \"chat\", \"litellm_provider\": \"x\", \"input_cost_per_token\": 1" + "0".repeat(60) + "}}")) {
                var r = preview(gw, junk);
                assertThat(r.status()).as(junk + " -> " + r.body()).isBetween(400, 422);
            }
            assertThat(gw.post(Role.SUPPORT, "/admin/v1/models/import/preview", body("{}", null, null)).status()).isEqualTo(403);
            assertThat(gw.post(Role.OPS, "/admin/v1/models/import/preview", "{\"content\":\"{}\",\"format\":\"csv\"}").status()).isEqualTo(422);
        }
    }

    @Test
    void theCommandLineImportsTheSameWay() {
        try (Database db = Database.inMemory()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = CatalogImportCommand.run(db.jdbi(), Clock.systemUTC(), sample("litellm-sample.json"), null, false, "cli:test",
                    "first catalog", Optional.empty(), new PrintStream(out, true), new PrintStream(err, true));
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("5 new").contains("line 9 new acme-chat-large").contains("Imported; audit entry");
            int models = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM models").mapTo(Integer.class).one());
            assertThat(models).isEqualTo(5);
            ByteArrayOutputStream err2 = new ByteArrayOutputStream();
            int bad = CatalogImportCommand.run(db.jdbi(), Clock.systemUTC(), sample("litellm-malformed.json"), null, false, "cli:test",
                    "r", Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err2, true));
            assertThat(bad).isEqualTo(1);
            assertThat(err2.toString()).contains("line 21 teleporter.mode");
        }
    }
}
