package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8 §4: a token is compared byte for byte, also on a connection that already carried the real one. */
class ExactTokenTest {

    @Test
    void aCaseVariantOfTheTokenIsRefusedOnTheSameKeptAliveConnection() {
        try (TestGateway gw = new TestGateway(Database.inMemory());
             RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            String token = gw.token(Role.LEAD);
            String upper = token.toUpperCase(Locale.ROOT);
            String lower = token.toLowerCase(Locale.ROOT);
            assertThat(upper).isNotEqualTo(token);
            for (int i = 0; i < 5; i++) {
                assertThat(raw.get("/admin/v1/me", "Authorization: Bearer " + token).status()).isEqualTo(200);
                for (String variant : new String[] {upper, lower, swapFirstLetter(token)}) {
                    if (!variant.equals(token)) {
                        RawHttp.Response r = raw.get("/admin/v1/me", "Authorization: Bearer " + variant);
                        HostileInputTest.assertProblem(r, ProblemType.UNAUTHORIZED);
                    }
                }
            }
            // every exchange shared one connection, so Jetty's per-connection header cache was in play
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    private static String swapFirstLetter(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return token.substring(0, i) + swapped + token.substring(i + 1);
            }
        }
        return token;
    }
}
