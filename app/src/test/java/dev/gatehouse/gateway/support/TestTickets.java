package dev.gatehouse.gateway.support;

import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets filed through the intake endpoint, as a customer's first message would arrive. */
public final class TestTickets {
    private TestTickets() {}

    public static String create(TestGateway gw, String accountId, String subject, String body, String priority) {
        var node = Json.mapper().createObjectNode().put("account_id", accountId).put("category", "technical")
                .put("subject", subject).put("body", body);
        if (priority != null) {
            node.put("priority", priority);
        }
        var r = gw.post(Role.SUPPORT, "/admin/v1/tickets", node.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("ticket").get("id").asText();
    }

    public static String create(TestGateway gw, String accountId) {
        return create(gw, accountId, "Cannot reach the API", "Every request times out since this morning.", null);
    }
}
