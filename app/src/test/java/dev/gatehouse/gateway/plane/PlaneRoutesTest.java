package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The /v1 endpoints over real HTTP: shapes, canned answers, streaming, images, and OpenAI-shaped errors. */
class PlaneRoutesTest {
    static PlaneFixture plane;
    static PlaneFixture.Key live;
    static PlaneFixture.Key test;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
        live = plane.key("live");
        test = plane.key("test");
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static String chatBody(String model, String prompt) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    static void assertOpenAiError(TestGateway.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode e = r.json().get("error");
        assertThat(e).as(r.body()).isNotNull();
        assertThat(e.get("message").asText()).isNotBlank();
        assertThat(e.has("type") && e.has("param") && e.has("code")).isTrue();
        if (code != null) {
            assertThat(e.get("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void modelsListTheActiveCatalogInOpenAisShape() {
        TestGateway.Response r = plane.send(live.secret(), "GET", "/v1/models", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        r.json().get("data").forEach(m -> {
            assertThat(m.get("object").asText()).isEqualTo("model");
            assertThat(m.get("created").isIntegralNumber()).isTrue();
            assertThat(m.get("owned_by").asText()).isNotBlank();
            ids.add(m.get("id").asText());
        });
        assertThat(ids).contains("openai/gpt-4o-mini", "openai/gpt-image-1", "openai/sora-2").doesNotContain("openai/sora-1");
        assertThat(ids.size()).isGreaterThan(50);
    }

    @Test
    void aTestKeySeesOnlyTheSmallTestList() {
        TestGateway.Response r = plane.send(test.secret(), "GET", "/v1/models", null);
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("data").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).hasSizeBetween(3, 3 * TestModels.PER_MODALITY);
        String notTest = "openai/o3-pro";
        assertThat(ids).doesNotContain(notTest);
        assertOpenAiError(plane.send(test.secret(), "POST", "/v1/chat/completions", chatBody(notTest, "hi")), 404, "model_not_found");
        String chatTestModel = ids.stream().filter(id -> plane.send(test.secret(), "POST", "/v1/chat/completions",
                chatBody(id, "hi")).status() == 200).findFirst().orElseThrow();
        assertThat(chatTestModel).isNotBlank();
    }

    @Test
    void chatAnswersAreDeterministicWithUsage() {
        TestGateway.Response a = plane.send(live.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "What is a rate limit?"));
        TestGateway.Response b = plane.send(live.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "What is a rate limit?"));
        TestGateway.Response c = plane.send(live.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "How do I rotate a key?"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode j = a.json();
        assertThat(j.get("object").asText()).isEqualTo("chat.completion");
        assertThat(j.get("id").asText()).startsWith("chatcmpl-");
        assertThat(j.get("model").asText()).isEqualTo("openai/gpt-4o-mini");
        JsonNode choice = j.get("choices").get(0);
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        String text = choice.get("message").get("content").asText();
        assertThat(text).isEqualTo(b.json().get("choices").get(0).get("message").get("content").asText())
                .isNotEqualTo(c.json().get("choices").get(0).get("message").get("content").asText());
        JsonNode usage = j.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isBetween(8, 30);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(CannedAnswers.tokens(text));
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(a.header("x-ratelimit-limit-requests")).isNotNull();
    }

    @Test
    void chatIsMeteredByTokensOfTheModel() {
        PlaneFixture.Key k = plane.key("live");
        TestGateway.Response r = plane.send(k.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "meter me"));
        JsonNode usage = r.json().get("usage");
        TestEnforcement.RecordingMeter.Call call = plane.enforcement.meter.calls.stream()
                .filter(c -> c.what().equals("charge") && c.caller().keyId().equals(k.id())).findFirst().orElseThrow();
        assertThat(call.modelId()).startsWith("mdl_");
        assertThat(call.lines()).extracting(l -> l.unit() + "=" + l.quantity().intValue())
                .containsExactly("input_mtok=" + usage.get("prompt_tokens").asInt(), "output_mtok=" + usage.get("completion_tokens").asInt());
        assertThat(call.log().prompt()).isEqualTo("meter me");
        assertThat(call.caller().accountId()).isEqualTo(k.accountId());
    }

    @Test
    void maxTokensCutsTheAnswer() {
        TestGateway.Response r = plane.send(live.secret(), "POST", "/v1/chat/completions",
                "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":3,\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"long please\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("choices")).hasSize(2);
        assertThat(r.json().get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(r.json().get("usage").get("completion_tokens").asInt()).isLessThanOrEqualTo(6);
    }

    @Test
    void streamingSendsChunksThenUsageThenDone() throws Exception {
        HttpResponse<String> r = plane.raw(live.secret(), "POST", "/v1/chat/completions",
                "{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"What is a rate limit?\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        JsonNode last = null;
        for (String d : data.subList(0, data.size() - 1)) {
            JsonNode chunk = Json.mapper().readTree(d);
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            chunk.get("choices").forEach(c -> text.append(c.path("delta").path("content").asText("")));
            last = chunk;
        }
        TestGateway.Response whole = plane.send(live.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "What is a rate limit?"));
        assertThat(text.toString()).isEqualTo(whole.json().get("choices").get(0).get("message").get("content").asText());
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.get("usage").get("total_tokens").asInt()).isEqualTo(whole.json().get("usage").get("total_tokens").asInt());
    }

    @Test
    void imagesAreRealPngsAtAnOfferedSize() {
        TestGateway.Response r = plane.send(live.secret(), "POST", "/v1/images/generations",
                "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"a lighthouse\",\"n\":2,\"size\":\"1536x1024\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("data")).hasSize(2);
        byte[] png = Base64.getDecoder().decode(r.json().get("data").get(0).get("b64_json").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(r.json().get("data").get(0).has("url")).isFalse();
        TestGateway.Response bad = plane.send(live.secret(), "POST", "/v1/images/generations",
                "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"a lighthouse\",\"size\":\"999x999\"}");
        assertOpenAiError(bad, 400, "invalid_value");
        assertThat(bad.json().get("error").get("param").asText()).isEqualTo("size");
        assertThat(bad.json().get("error").get("message").asText()).contains("1024x1024", "1536x1024");
    }

    @Test
    void keysAreCheckedFirst() {
        assertOpenAiError(plane.send(null, "GET", "/v1/models", null), 401, "missing_api_key");
        assertOpenAiError(plane.send("sk-live-nope", "GET", "/v1/models", null), 401, "invalid_api_key");
        assertOpenAiError(plane.send("gho_operator", "GET", "/v1/models", null), 401, "invalid_api_key");
        TestGateway.Response basic = plane.gateway.send(null, "GET", "/v1/models", null, java.util.Map.of("Authorization", "Basic abc"));
        assertOpenAiError(basic, 401, "invalid_authorization");
    }

    @Test
    void aKeysLastUseReachesTheAdminApiWithinASecondOrSo() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        assertThat(plane.send(k.secret(), "GET", "/v1/models", null).status()).isEqualTo(200);
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode lastUsed;
        do {
            Thread.sleep(100);
            JsonNode detail = plane.gateway.get(dev.gatehouse.policy.Role.VIEWER, "/admin/v1/keys/" + k.id()).json();
            lastUsed = (detail.has("key") ? detail.get("key") : detail).path("last_used_at");
        } while (!lastUsed.isTextual() && System.nanoTime() < deadline);
        assertThat(Instant.parse(lastUsed.asText())).isEqualTo(plane.clock.instant());
    }

    @Test
    void anExpiredKeyIs401() {
        PlaneFixture.Key k = plane.key(live.accountId(), "live", plane.clock.instant().plusSeconds(60));
        assertThat(plane.send(k.secret(), "GET", "/v1/models", null).status()).isEqualTo(200);
        PlaneFixture.Key gone = plane.key(live.accountId(), "live", Instant.parse("2026-01-01T00:00:00Z"));
        assertOpenAiError(plane.send(gone.secret(), "GET", "/v1/models", null), 401, "key_expired");
    }

    @Test
    void badBodiesAre400NamingTheParameter() {
        String s = live.secret();
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", "{\"messages\":[]}"), 400, "missing_required_parameter");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", "{\"model\":5,\"messages\":[]}"), 400, "invalid_type");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\",\"messages\":\"hi\"}"), 400, "invalid_type");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\""), 400, "invalid_json");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", "[1,2]"), 400, "invalid_json");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions",
                "{\"model\":\"openai/gpt-4o-mini\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400, "invalid_type");
        assertOpenAiError(plane.send(s, "POST", "/v1/images/generations", "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"x\",\"n\":0}"), 400, "invalid_value");
        assertOpenAiError(plane.send(s, "POST", "/v1/images/generations", "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"x\",\"n\":1.5}"), 400, "invalid_value");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", chatBody("openai/gpt-image-1", "x")), 400, "model_not_supported");
        assertOpenAiError(plane.send(s, "POST", "/v1/chat/completions", chatBody("nobody/nothing", "x")), 404, "model_not_found");
    }

    @Test
    void aBodyOverOneMebibyteIs413InOpenAisShape() {
        String huge = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(1 << 20) + "\"}]}";
        assertOpenAiError(plane.send(live.secret(), "POST", "/v1/chat/completions", huge), 413, "request_too_large");
    }

    @Test
    void unknownPathsAndMethodsAreOpenAiShaped() {
        assertOpenAiError(plane.send(live.secret(), "GET", "/v1/nothing-here", null), 404, "unknown_url");
        TestGateway.Response wrong = plane.send(live.secret(), "DELETE", "/v1/models", null);
        assertOpenAiError(wrong, 405, "method_not_allowed");
        assertThat(wrong.header("Allow")).contains("GET");
        assertOpenAiError(plane.send(live.secret(), "get", "/v1/models", null), 400, null);
    }

    @Test
    void outOfCreditsIs402AndLogged() {
        PlaneFixture.Key k = plane.key("live");
        plane.enforcement.meter.outOfCredits.add(k.accountId());
        assertOpenAiError(plane.send(k.secret(), "POST", "/v1/chat/completions", chatBody("openai/gpt-4o-mini", "x")), 402, "insufficient_quota");
        assertThat(plane.enforcement.meter.calls).anyMatch(c -> c.what().equals("refused") && c.caller().keyId().equals(k.id())
                && c.log().httpStatus() == 402 && c.log().model().equals("openai/gpt-4o-mini"));
    }

    @Test
    void rateLimitsAre429WithRetryAfter() {
        PlaneFixture.Key k = plane.key("live");
        plane.enforcement.limits.perMinute = 2;
        try {
            TestGateway.Response r = null;
            for (int i = 0; i < 3; i++) {
                r = plane.send(k.secret(), "GET", "/v1/models", null);
            }
            assertOpenAiError(r, 429, "rate_limit_exceeded");
            assertThat(r.header("Retry-After")).isNotNull();
        } finally {
            plane.enforcement.limits.perMinute = 1_000_000;
        }
    }
}
