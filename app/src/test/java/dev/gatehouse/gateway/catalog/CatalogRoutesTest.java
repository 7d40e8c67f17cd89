package dev.gatehouse.gateway.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;
import okhttp3.Headers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /admin/v1/models, /models/{id} and /providers over real HTTP against the demo gateway. */
class CatalogRoutesTest {
    static final TypeReference<Page<Model>> PAGE = new TypeReference<>() {};
    static final Comparator<Model> LIST_ORDER = Comparator
            .comparing((Model m) -> m.provider().toLowerCase(Locale.ROOT))
            .thenComparing(m -> m.name().toLowerCase(Locale.ROOT))
            .thenComparing(Model::id);

    static DemoGateway gateway;
    static GatewayHttpClient client;
    static String token;
    /** The whole catalog, read once by paging. */
    static List<Model> all;

    @BeforeAll
    static void start() {
        gateway = SharedGateways.demo();
        client = new GatewayHttpClient(gateway.baseUrl());
        token = gateway.token(Role.VIEWER);
        all = pageThrough("/admin/v1/models?limit=200");
    }


    static List<Model> pageThrough(String firstPath) {
        List<Model> out = new ArrayList<>();
        String path = firstPath;
        for (int pages = 0; pages < 1000; pages++) {
            GatewayHttpClient.Reply reply = client.get(path, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Page<Model> page = reply.as(PAGE);
            out.addAll(page.data());
            if (page.nextCursor() == null) {
                return out;
            }
            path = firstPath + (firstPath.contains("?") ? "&" : "?") + "cursor=" + page.nextCursor();
        }
        throw new AssertionError("paging did not end");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pagingBy50ReachesEveryModelExactlyOnceInOrder() {
        List<Model> paged = pageThrough("/admin/v1/models?limit=50");

        assertThat(paged).hasSizeGreaterThanOrEqualTo(520);
        assertThat(paged.stream().map(Model::id).collect(Collectors.toSet())).hasSize(paged.size());
        assertThat(paged).isSortedAccordingTo(LIST_ORDER);
        assertThat(paged).isEqualTo(all);
        assertThat(paged.size()).isEqualTo(gatewayCount());
    }

    @Test
    void defaultPageIs50WithACursor() {
        Page<Model> page = client.get("/admin/v1/models", token).as(PAGE);
        assertThat(page.data()).hasSize(50).isEqualTo(all.subList(0, 50));
        assertThat(page.nextCursor()).isNotBlank();
    }

    @Test
    void limitBoundsAreInclusive() {
        assertThat(client.get("/admin/v1/models?limit=1", token).as(PAGE).data()).containsExactly(all.get(0));
        assertThat(client.get("/admin/v1/models?limit=200", token).as(PAGE).data()).isEqualTo(all.subList(0, 200));
    }

    @Test
    void eachModalityFilterReturnsExactlyThatModality() {
        for (String modality : CatalogStore.MODALITIES) {
            List<Model> got = pageThrough("/admin/v1/models?limit=200&modality=" + modality);
            assertThat(got).as(modality).isNotEmpty().isEqualTo(expected(m -> m.modality().equals(modality)));
        }
    }

    @Test
    void eachStatusFilterReturnsExactlyThatStatus() {
        for (String status : CatalogStore.STATUSES) {
            List<Model> got = pageThrough("/admin/v1/models?limit=200&status=" + status);
            assertThat(got).as(status).isNotEmpty().isEqualTo(expected(m -> m.status().equals(status)));
        }
    }

    @Test
    void providerFilterMatchesTheDisplayNameInAnyCase() {
        List<Model> bfl = pageThrough("/admin/v1/models?limit=30&provider=" + enc("black forest LABS"));
        assertThat(bfl).isNotEmpty().isEqualTo(expected(m -> m.provider().equals("Black Forest Labs")));

        List<Model> openai = pageThrough("/admin/v1/models?provider=OpenAI");
        assertThat(openai).hasSizeGreaterThan(40).isEqualTo(expected(m -> m.provider().equals("OpenAI")));
    }

    @Test
    void combinedFiltersIntersect() {
        List<Model> got = pageThrough("/admin/v1/models?limit=7&modality=chat&status=deprecated&provider=openai");
        assertThat(got).isNotEmpty().isEqualTo(expected(m -> m.modality().equals("chat")
                && m.status().equals("deprecated") && m.provider().equals("OpenAI")));

        List<Model> video = pageThrough("/admin/v1/models?modality=video&status=active&q=kling");
        assertThat(video).isNotEmpty().allSatisfy(m -> {
            assertThat(m.provider()).isEqualTo("Kuaishou");
            assertThat(m.modality()).isEqualTo("video");
            assertThat(m.status()).isEqualTo("active");
        });
    }

    @Test
    void freeTextSearchesNameSlugFamilyAndProviderCaseInsensitively() {
        assertThat(pageThrough("/admin/v1/models?q=" + enc("GPT-4O MINI")))
                .isNotEmpty().isEqualTo(expected(m -> contains(m, "gpt-4o mini")));
        // slug only: names say "Claude 3.7 Sonnet", slugs "anthropic/claude-3.7-sonnet"
        assertThat(pageThrough("/admin/v1/models?q=" + enc("anthropic/claude-3.7")))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(m -> assertThat(m.slug()).startsWith("anthropic/claude-3.7"));
        // family only
        assertThat(pageThrough("/admin/v1/models?q=seedance"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.family()).isEqualTo("Seedance"));
        // provider only
        assertThat(pageThrough("/admin/v1/models?q=" + enc("forest lab")))
                .isEqualTo(expected(m -> m.provider().equals("Black Forest Labs")));
    }

    @Test
    void wildcardsInFreeTextAreLiteral() {
        assertThat(client.get("/admin/v1/models?q=%25", token).as(PAGE).data()).isEmpty();
        assertThat(client.get("/admin/v1/models?q=_", token).as(PAGE).data()).isEmpty();
        assertThat(pageThrough("/admin/v1/models?q=" + enc("[pro]")))
                .isNotEmpty().allSatisfy(m -> assertThat(m.name()).contains("[pro]"));
    }

    @Test
    void sqlLookingTextIsJustText() {
        GatewayHttpClient.Reply reply = client.get("/admin/v1/models?q=" + enc("' OR 1=1 --"), token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.as(PAGE).data()).isEmpty();
        assertThat(gatewayCount()).isEqualTo(all.size());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleMayReadTheCatalog(Role role) {
        assertThat(client.get("/admin/v1/models?limit=1", gateway.token(role)).status()).isEqualTo(200);
        assertThat(client.get("/admin/v1/providers", gateway.token(role)).status()).isEqualTo(200);
        assertThat(client.get("/admin/v1/models/" + all.get(0).id(), gateway.token(role)).status()).isEqualTo(200);
    }

    @Test
    void oneModelByIdWithItsVersionAsETag() {
        Model expected = all.get(all.size() / 2);
        GatewayHttpClient.Reply reply = client.get("/admin/v1/models/" + expected.id(), token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("ETag")).isEqualTo("\"" + expected.version() + "\"");
        assertThat(reply.as(Model.class)).isEqualTo(expected);

        GatewayHttpClient.Reply again = client.get("/admin/v1/models/" + expected.id(), Headers.of(
                "Authorization", "Bearer " + token, "If-None-Match", "\"" + expected.version() + "\""));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void unknownIdIsProblem404NamingTheId() {
        for (String id : List.of("mdl_doesnotexist", "x".repeat(300), "mdl_%01abc", "mdl_'%20OR%201=1")) {
            GatewayHttpClient.Reply reply = client.get("/admin/v1/models/" + id, token);
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(reply.json().path("detail").asText()).contains(id.startsWith("x") ? "xxxxxxxx" : "mdl_");
        }
        assertThat(client.get("/admin/v1/models/mdl_doesnotexist", token).json().path("detail").asText())
                .contains("mdl_doesnotexist");
    }

    @Test
    void providersCountEveryModelAndListModalitiesSortedByName() {
        JsonNode body = client.get("/admin/v1/providers", token).json();
        assertThat(body.fieldNames()).toIterable().containsExactly("data");
        List<ProviderSummary> providers = client.get("/admin/v1/providers", token)
                .as(new TypeReference<Map<String, List<ProviderSummary>>>() {}).get("data");

        assertThat(providers).extracting(p -> p.name().toLowerCase(Locale.ROOT)).isSorted();
        assertThat(providers).extracting(ProviderSummary::name)
                .contains("OpenAI", "Anthropic", "Google", "xAI", "DeepSeek", "Alibaba", "Black Forest Labs",
                        "ByteDance", "Kuaishou", "Meta", "Mistral");
        assertThat(providers.stream().mapToInt(ProviderSummary::models).sum()).isEqualTo(all.size());
        for (ProviderSummary p : providers) {
            List<Model> own = expected(m -> m.provider().equals(p.name()));
            assertThat(p.models()).as(p.name()).isEqualTo(own.size());
            Set<String> modalities = own.stream().map(Model::modality).collect(Collectors.toSet());
            assertThat(p.modalities()).as(p.name()).containsExactlyElementsOf(
                    CatalogStore.MODALITIES.stream().filter(modalities::contains).toList());
            assertThat(pageThrough("/admin/v1/models?limit=200&provider=" + enc(p.name()))).hasSize(p.models());
        }
    }

    @Test
    void modelsCarryCompleteWireFields() {
        Model chat = all.stream().filter(m -> m.slug().equals("openai/gpt-4o")).findFirst().orElseThrow();
        assertThat(chat.priceCard()).extracting(l -> l.unit() + "=" + l.base().toPlainString() + "/" + l.api().toPlainString())
                .containsExactly("input_mtok=2.500000/" + chat.markup().multiply(new java.math.BigDecimal("2.5")).setScale(6),
                        "output_mtok=10.000000/" + chat.markup().multiply(java.math.BigDecimal.TEN).setScale(6));
        assertThat(chat.contextWindow()).isEqualTo(128000);

        JsonNode raw = client.get("/admin/v1/models/" + chat.id(), token).json();
        assertThat(raw.path("price_card").get(0).path("base").isTextual()).isTrue();
        assertThat(raw.path("markup").isTextual()).isTrue();
        assertThat(raw.path("context_window").asInt()).isEqualTo(128000);
        assertThat(raw.path("updated_at").asText()).endsWith("Z");
        assertThat(new HashSet<>(iterable(raw.fieldNames()))).containsExactlyInAnyOrder("id", "slug", "name",
                "provider", "family", "modality", "status", "context_window", "max_output_tokens", "resolutions",
                "currency", "markup", "price_card", "released", "updated_at", "version");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static boolean contains(Model m, String text) {
        return List.of(m.name(), m.slug(), m.family(), m.provider()).stream()
                .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(text));
    }

    private static List<Model> expected(Predicate<Model> filter) {
        return all.stream().filter(filter).toList();
    }

    private static int gatewayCount() {
        return gateway.server().database().jdbi().withHandle(CatalogStore::count);
    }
}
