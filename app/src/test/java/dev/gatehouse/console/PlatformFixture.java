package dev.gatehouse.console;

import dev.gatehouse.api.Json;
import dev.gatehouse.api.Me;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.client.ProviderSummary;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A platform for console tests to talk to over real HTTP. */
public final class PlatformFixture implements AutoCloseable {
    public static final String TOKEN = "fixture-lead-token";
    private final MockWebServer server = new MockWebServer();
    private final List<Model> models = catalog();

    private PlatformFixture() {}

    public static PlatformFixture start() {
        PlatformFixture f = new PlatformFixture();
        f.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return f.answer(request);
            }
        });
        try {
            f.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    public String baseUrl() {
        String s = server.url("/").toString();
        return s.substring(0, s.length() - 1);
    }

    public String token() {
        return TOKEN;
    }

    public PlatformClient client() {
        return new PlatformClient(baseUrl(), token());
    }

    public int modelCount() {
        return models.size();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        if (path.equals("/healthz")) {
            return json("{\"status\":\"ok\",\"version\":\"0.1.0\",\"database\":\"H2\"}");
        }
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/problem+json")
                    .setBody("{\"type\":\"t\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The operator token is not valid or has been disabled.\"}");
        }
        try {
            return switch (path) {
                case "/admin/v1/me" -> json(Json.mapper().writeValueAsString(new Me("op_lead", "Lena Lead", "lena@demo", "lead",
                        new Me.Platform("Gatehouse demo platform", "0.1.0", "demo"))));
                case "/admin/v1/providers" -> {
                    Map<String, ProviderSummary> by = new LinkedHashMap<>();
                    models.forEach(m -> by.merge(m.provider(), new ProviderSummary(m.provider(), 1, List.of(m.modality())),
                            (a, b) -> new ProviderSummary(a.name(), a.models() + 1, a.modalities())));
                    yield json(Json.mapper().writeValueAsString(new Page<>(new ArrayList<>(by.values()), null)));
                }
                case "/admin/v1/models" -> {
                    String q = url.queryParameter("q");
                    List<Model> hits = models.stream()
                            .filter(m -> matches(url.queryParameter("modality"), m.modality()))
                            .filter(m -> matches(url.queryParameter("provider"), m.provider()))
                            .filter(m -> matches(url.queryParameter("status"), m.status()))
                            .filter(m -> q == null || (m.name() + " " + m.slug() + " " + m.family()).toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                            .toList();
                    yield json(Json.mapper().writeValueAsString(new Page<>(hits, null)));
                }
                default -> new MockResponse().setResponseCode(404);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static List<Model> catalog() {
        List<Model> list = new ArrayList<>();
        list.add(chat("mdl_0001", "claude-sonnet-4", "Claude Sonnet 4", "Anthropic", "Claude 4", "active", 200000, 64000, "3", "15"));
        list.add(chat("mdl_0002", "claude-3-haiku", "Claude 3 Haiku", "Anthropic", "Claude 3", "deprecated", 200000, 4096, "0.25", "1.25"));
        list.add(chat("mdl_0003", "deepseek-v3", "DeepSeek V3", "DeepSeek", "DeepSeek V3", "active", 131072, 8192, "0.27", "1.1"));
        list.add(chat("mdl_0004", "gpt-4o", "GPT-4o", "OpenAI", "GPT-4o", "active", 128000, 16384, "2.5", "10"));
        list.add(chat("mdl_0005", "gpt-4o-mini", "GPT-4o mini", "OpenAI", "GPT-4o", "active", 128000, 16384, "0.15", "0.6"));
        list.add(media("mdl_0006", "gpt-image-1", "GPT Image 1", "OpenAI", "GPT Image", "image", "active", "image",
                Map.of("1024x1024", "0.04", "1536x1024", "0.06", "1024x1536", "0.06")));
        list.add(media("mdl_0007", "flux-1.1-pro", "FLUX1.1 [pro]", "Black Forest Labs", "FLUX", "image", "active", "image",
                Map.of("1024x1024", "0.04", "1440x1440", "0.06")));
        list.add(media("mdl_0008", "kling-v2-master", "Kling 2.0 Master", "Kuaishou", "Kling", "video", "active", "video_second",
                Map.of("720p", "0.3", "1080p", "0.5")));
        list.add(media("mdl_0009", "seedance-1-pro", "Seedance 1.0 Pro", "ByteDance", "Seedance", "video", "disabled", "video_second",
                Map.of("1080p", "0.25")));
        list.sort(Comparator.comparing(Model::provider).thenComparing(Model::name).thenComparing(Model::id));
        return list;
    }

    private static final BigDecimal MARKUP = new BigDecimal("1.500000");

    private static PriceLine line(String unit, String variant, String base) {
        BigDecimal b = new BigDecimal(base).setScale(6);
        return new PriceLine(unit, variant, b, b.multiply(MARKUP).setScale(6));
    }

    private static Model chat(String id, String slug, String name, String provider, String family, String status,
                              int context, int maxOut, String in, String out) {
        return new Model(id, slug, name, provider, family, "chat", status, context, maxOut, List.of(), "USD", MARKUP,
                List.of(line("input_mtok", null, in), line("output_mtok", null, out)), LocalDate.of(2025, 3, 1), null, 1);
    }

    private static Model media(String id, String slug, String name, String provider, String family, String modality, String status,
                               String unit, Map<String, String> prices) {
        List<String> resolutions = prices.keySet().stream().sorted().toList();
        List<PriceLine> card = resolutions.stream().map(r -> line(unit, r, prices.get(r))).toList();
        return new Model(id, slug, name, provider, family, modality, status, null, null, resolutions, "USD", MARKUP, card,
                LocalDate.of(2025, 5, 20), null, 1);
    }
}
