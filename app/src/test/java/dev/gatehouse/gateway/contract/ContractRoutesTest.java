package dev.gatehouse.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /admin/v1/openapi.json, and the conventions every operation of the document keeps. */
class ContractRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyOperatorReadsTheDocumentAsJson(Role role) {
        TestGateway.Response r = gw.get(role, "/admin/v1/openapi.json");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).isEqualTo(ContractRoutes.document());
        assertThat(r.json().path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(r.json().at("/info/version").asText()).isEqualTo(GatewayServer.VERSION);
        for (Role any : Role.values()) {
            assertThat(r.body()).doesNotContain(gw.token(any));
        }
    }

    /** The reads no other HTTP test happens to make; the test client checks each answer against the document. */
    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/admin/v1/me", "/admin/v1/providers", "/admin/v1/audit/verify",
            "/admin/v1/audit?limit=1", "/admin/v1/keys?limit=1", "/admin/v1/accounts?limit=1", "/admin/v1/models?limit=1"})
    void readsWithoutAnIdAnswerAsDocumented(String path) {
        assertThat(gw.get(Role.VIEWER, path).status()).isEqualTo(200);
    }

    @Test
    void withoutATokenItIs401() {
        assertThat(gw.get(null, "/admin/v1/openapi.json").status()).isEqualTo(401);
    }

    @Test
    void theProblemTypesAreExactlyTheOnesTheGatewayUses() {
        JsonNode type = ContractRoutes.document().at("/components/schemas/Problem/properties/type");
        List<String> documented = new ArrayList<>();
        type.path("enum").forEach(t -> documented.add(t.asText()));
        List<String> used = Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(used);
        assertThat(used).allSatisfy(uri -> assertThat(type.path("description").asText()).contains("`" + uri + "`"));
    }

    @Test
    void everyAdminOperationNeedsATokenAndDocumentsTheSharedRefusals() {
        JsonNode paths = ContractRoutes.document().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fields().forEachRemaining(op -> {
            if (!path.startsWith("/admin/v1/")) {
                return;
            }
            String name = op.getKey() + " " + path;
            assertThat(op.getValue().has("security")).as(name + " must not override the bearer token").isFalse();
            JsonNode responses = op.getValue().path("responses");
            for (String status : List.of("400", "401", "405", "429")) {
                assertThat(responses.has(status)).as(name + " documents " + status).isTrue();
            }
            if (path.contains("{id}")) {
                assertThat(responses.has("404")).as(name + " documents 404").isTrue();
            }
            if (!op.getKey().equals("get")) {
                for (String status : List.of("403", "413", "422")) {
                    assertThat(responses.has(status)).as(name + " documents " + status).isTrue();
                }
            }
        }));
    }
}
