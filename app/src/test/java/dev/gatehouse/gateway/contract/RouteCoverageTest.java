package dev.gatehouse.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route the gateway registers is in the OpenAPI document, and every operation in the document is registered. */
class RouteCoverageTest {
    private static final Set<HandlerType> DOCUMENTED_METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private static GatewayServer server;

    @BeforeAll
    static void create() {
        // routes are registered in the constructor; with the data plane (issue 12), whose routes plane-v1.yaml documents
        server = new GatewayServer(Database.inMemory(), "test", java.time.Clock.systemUTC(),
                new dev.gatehouse.gateway.plane.TestEnforcement().enforcement());
    }

    @AfterAll
    static void close() {
        server.close();
    }

    /** "GET /admin/v1/keys/{id}" for each route of the running gateway, HEAD, OPTIONS and filters left out. */
    static Set<String> registered() {
        return server.registeredEndpoints().stream()
                .filter(e -> DOCUMENTED_METHODS.contains(HandlerType.valueOf(e.substring(0, e.indexOf(' ')))))
                .map(e -> e.replaceAll("<([^>]+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** "GET /admin/v1/keys/{id}" for each operation of the admin document and the data plane's. */
    static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        operations(ContractRoutes.document(), operations);
        try (java.io.InputStream in = RouteCoverageTest.class.getResourceAsStream(OpenApiContract.PLANE_RESOURCE)) {
            operations(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(in), operations);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return operations;
    }

    private static void operations(JsonNode document, Set<String> operations) {
        JsonNode paths = document.path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        Set<String> undocumented = new TreeSet<>(registered());
        undocumented.removeAll(documented());
        assertThat(undocumented).as("routes missing from " + ContractRoutes.RESOURCE).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsRegistered() {
        Set<String> unregistered = new TreeSet<>(documented());
        unregistered.removeAll(registered());
        assertThat(unregistered).as("operations of " + ContractRoutes.RESOURCE + " the gateway does not serve").isEmpty();
    }

    @Test
    void theAdminApiAndHealthAreThere() {
        assertThat(registered()).contains("GET /healthz", "GET /admin/v1/me", "GET /admin/v1/openapi.json",
                "PATCH /admin/v1/accounts/{id}", "POST /admin/v1/keys/{id}/actions");
        assertThat(registered()).contains("GET /v1/models", "POST /v1/chat/completions", "GET /v1/videos/{id}");
        assertThat(registered()).allMatch(route -> route.contains(" /admin/v1/") || route.contains(" /v1/") || route.equals("GET /healthz"));
    }
}
