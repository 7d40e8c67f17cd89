package dev.gatehouse.gateway.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.refunds.TestRefunds;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PUT /admin/v1/policy and its preview (issue 10 §4): every rule with its clause; lead, If-Match and a reason to change. */
class PolicyRoutesTest {
    private TestGateway gw;

    @BeforeEach
    void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private static JsonNode rule(JsonNode policy, String key) {
        for (JsonNode r : policy.get("rules")) {
            if (r.get("key").asText().equals(key)) return r;
        }
        throw new AssertionError("no rule " + key);
    }

    private TestGateway.Response put(String body, String etag) {
        return gw.send(Role.LEAD, "PUT", "/admin/v1/policy", body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    @Test
    void getShowsThePresetInForceAndEveryRuleWithItsSourceClause() {
        var r = gw.get(Role.VIEWER, "/admin/v1/policy");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.json().get("preset").asText()).isEqualTo("pixapi");
        assertThat(r.json().get("name").asText()).isEqualTo("Pixapi");
        assertThat(r.json().get("rules")).hasSize(10);
        JsonNode window = rule(r.json(), "refund_window_days");
        assertThat(window.get("value").asText()).isEqualTo("7");
        assertThat(window.get("source").asText()).isEqualTo("pixapi §8");
        assertThat(window.get("clause").asText()).contains("within 7 days of purchase");
        assertThat(rule(r.json(), "four_eyes_threshold").get("from_default").asBoolean()).isTrue();
        assertThat(r.json().get("presets")).extracting(p -> p.get("key").asText())
                .containsExactly("apimart", "apibox", "pixapi", "ai_visual_studio", "decart");
    }

    @Test
    void aLeadSwitchesThePresetWithIfMatchAndAReason() {
        String body = "{\"preset\":\"decart\",\"reason\":\"we now follow Decart's terms\"}";
        assertThat(put(body, null).status()).isEqualTo(428);
        assertThat(gw.send(Role.SUPPORT, "PUT", "/admin/v1/policy", body, Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);
        assertThat(put(body, "\"9\"").status()).isEqualTo(412);
        var switched = put(body, "\"1\"");
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.header("ETag")).isEqualTo("\"2\"");
        assertThat(switched.json().get("preset").asText()).isEqualTo("decart");
        JsonNode fin = rule(switched.json(), "purchases_final");
        assertThat(fin.get("value").asText()).isEqualTo("true");
        assertThat(fin.get("source").asText()).isEqualTo("decart §5.2");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/policy").json().get("updated_by").asText()).isEqualTo("op_lead");
        assertThat(gw.get(Role.LEAD, "/admin/v1/audit?action=policy.update").json().get("data")).hasSize(1);
    }

    @Test
    void aLeadEditsAValueWhichThenCitesTheEditAndItsReason() {
        var r = put("{\"values\":{\"refund_window_days\":\"14\",\"four_eyes_threshold\":\"250.00\"},\"reason\":\"goodwill month\"}", "\"1\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("Pixapi (edited)");
        assertThat(r.json().get("edited").asBoolean()).isTrue();
        JsonNode window = rule(r.json(), "refund_window_days");
        assertThat(window.get("value").asText()).isEqualTo("14");
        assertThat(window.get("source").asText()).isEqualTo("edited by a lead");
        assertThat(window.get("clause").asText()).isEqualTo("goodwill month");
        assertThat(rule(r.json(), "four_eyes_threshold").get("value").asText()).isEqualTo("250.00");
        // a later edit keeps the earlier ones; a switch drops them
        var again = put("{\"values\":{\"refundable_kinds\":\"purchase,promotion\"},\"reason\":\"promo refunds too\"}", "\"2\"");
        assertThat(rule(again.json(), "refund_window_days").get("value").asText()).isEqualTo("14");
        assertThat(rule(again.json(), "refundable_kinds").get("value").asText()).isEqualTo("promotion,purchase");
        var reset = put("{\"preset\":\"pixapi\",\"reason\":\"back to the terms\"}", "\"3\"");
        assertThat(reset.json().get("edited").asBoolean()).isFalse();
        assertThat(rule(reset.json(), "refund_window_days").get("value").asText()).isEqualTo("7");
    }

    @Test
    void badUpdatesAre422NamingTheField() {
        for (String body : List.of("{\"reason\":\"x\"}", "{\"preset\":\"acme\",\"reason\":\"x\"}", "{\"preset\":\"decart\"}",
                "{\"preset\":\"decart\",\"reason\":\" \"}", "{\"values\":{\"refund_window_days\":\"-1\"},\"reason\":\"x\"}",
                "{\"values\":{\"refund_window_days\":\"99999\"},\"reason\":\"x\"}", "{\"values\":{\"nope\":\"1\"},\"reason\":\"x\"}",
                "{\"values\":{\"purchases_final\":\"maybe\"},\"reason\":\"x\"}", "{\"values\":{\"four_eyes_threshold\":\"1e3\"},\"reason\":\"x\"}",
                "{\"values\":{\"refundable_kinds\":\"gold\"},\"reason\":\"x\"}", "{\"values\":{\"default_markup\":\"0\"},\"reason\":\"x\"}",
                "{\"values\":{\"refund_window_days\":null},\"reason\":\"x\"}")) {
            var r = put(body, "\"1\"");
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors")).isNotEmpty();
        }
        assertThat(put("{\"preset\":7,\"reason\":\"x\"}", "\"1\"").status()).isBetween(400, 422);
        assertThat(put("not json", "\"1\"").status()).isEqualTo(400);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/policy").header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void thePreviewSaysWhatASwitchWouldChangeAndWritesNothing() {
        var r = gw.post(Role.LEAD, "/admin/v1/policy/preview", "{\"preset\":\"decart\",\"reason\":\"considering Decart\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("changes")).extracting(JsonNode::asText)
                .anySatisfy(line -> assertThat(line).startsWith("Refund window (days): 7 → 0 (decart §5.2"))
                .anySatisfy(line -> assertThat(line).startsWith("Credit purchases are final: no → yes (decart §5.2"));
        assertThat(r.json().at("/after/preset").asText()).isEqualTo("decart");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/policy").json().get("preset").asText()).isEqualTo("pixapi");
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/policy/preview", "{\"preset\":\"decart\",\"reason\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void openRefundRequestsAreReEvaluatedWhenThePolicyChanges() {
        String open = TestRefunds.request(gw, "10.00");
        String paid = TestRefunds.request(gw, "5.00");
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/" + paid + "/approve", "{\"amount\":\"5.00\",\"reason\":\"ok\"}").status()).isEqualTo(200);
        assertThat(put("{\"preset\":\"decart\",\"reason\":\"Decart terms\"}", "\"1\"").status()).isEqualTo(200);
        var list = gw.get(Role.VIEWER, "/admin/v1/refunds?verdict=ineligible").json().get("data");
        assertThat(list).extracting(n -> n.get("id").asText()).contains(open).doesNotContain(paid);
        var detail = gw.get(Role.VIEWER, "/admin/v1/refunds/" + open).json();
        assertThat(detail.at("/eligibility/deciding_source").asText()).isEqualTo("Decart preset, decart §5.2");
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/" + open + "/approve", "{\"amount\":\"10.00\",\"reason\":\"ok\"}").status())
                .isEqualTo(422);
        // decart §5.2 "except as required by applicable law": a lead's exception, with a reason
        var lead = gw.post(Role.LEAD, "/admin/v1/refunds/" + open + "/approve",
                "{\"amount\":\"10.00\",\"reason\":\"statutory withdrawal right\",\"exception\":true}");
        assertThat(lead.status()).as(lead.body()).isEqualTo(200);
    }
}
