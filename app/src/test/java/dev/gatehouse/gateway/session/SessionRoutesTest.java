package dev.gatehouse.gateway.session;

import dev.gatehouse.api.Me;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRoutesTest {
    static DemoGateway gateway;
    static GatewayHttpClient client;

    @BeforeAll
    static void start() {
        gateway = SharedGateways.demo();
        client = new GatewayHttpClient(gateway.baseUrl());
    }


    @ParameterizedTest
    @EnumSource(Role.class)
    void meNamesTheOperatorBehindEachRolesToken(Role role) {
        GatewayHttpClient.Reply reply = client.get("/admin/v1/me", gateway.token(role));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        Me me = reply.as(Me.class);
        assertThat(me.role()).isEqualTo(role.wire());
        assertThat(me.id()).startsWith("op_");
        assertThat(me.email()).endsWith("@demo.gatehouse.dev");
        assertThat(me.platform().mode()).isEqualTo("demo");
        assertThat(me.platform().version()).isNotBlank();
    }
}
