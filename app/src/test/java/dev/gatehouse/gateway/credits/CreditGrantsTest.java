package dev.gatehouse.gateway.credits;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit grants: a lot and a ledger line in one go, idempotent, four-eyes above 500.00, the ledger invariant kept. */
class CreditGrantsTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String account() {
        return TestAccounts.create(gw.db(), "Grant Co " + UUID.randomUUID(), "pro", "active", 0).accountId();
    }

    private static TestGateway.Response grant(Role role, String account, String body, String key) {
        return gw.post(role, "/admin/v1/accounts/" + account + "/credits", body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static BigDecimal balance(String account) {
        return new BigDecimal(gw.get(Role.VIEWER, "/admin/v1/accounts/" + account).json().at("/account/balance").asText());
    }

    private static void invariant(String account) {
        gw.db().jdbi().useHandle(h -> CreditStoreTest.assertInvariant(h, account, Instant.now()));
    }

    @Test
    void aGrantWritesALotAndALedgerLineAndAReplayGrantsNothingMore() {
        String acct = account();
        BigDecimal before = balance(acct);
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\":\"promotion\",\"amount\":\"50.25\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"reason\":\"launch promo\"}";
        var first = grant(Role.SUPPORT, acct, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("granted");
        assertThat(first.json().get("amount").asText()).isEqualTo("50.250000");
        assertThat(first.json().get("price_paid").asText()).isEqualTo("0.000000");
        String lot = first.json().get("lot_id").asText();
        assertThat(lot).startsWith("lot_");
        var replay = grant(Role.SUPPORT, acct, body, key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(balance(acct)).isEqualByComparingTo(before.add(new BigDecimal("50.25")));
        var ledger = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct + "/ledger").json().get("data");
        assertThat(ledger.get(0).get("lot_id").asText()).isEqualTo(lot);
        assertThat(ledger.get(0).get("kind").asText()).isEqualTo("grant");
        invariant(acct);
        // the same key with another body is refused
        assertThat(grant(Role.SUPPORT, acct, body.replace("50.25", "60"), key).status()).isEqualTo(422);
    }

    @Test
    void aPurchaseNeedsItsPriceAndAGrantHasNone() {
        String acct = account();
        var purchase = grant(Role.LEAD, acct, "{\"kind\":\"purchase\",\"amount\":\"100\",\"price_paid\":\"95.00\",\"reason\":\"invoice 4411\"}", null);
        assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
        assertThat(purchase.json().get("price_paid").asText()).isEqualTo("95.000000");
        var noPrice = grant(Role.LEAD, acct, "{\"kind\":\"purchase\",\"amount\":\"100\",\"reason\":\"invoice\"}", null);
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.json().get("errors").findValuesAsText("field")).containsExactly("price_paid");
        var pricedGrant = grant(Role.LEAD, acct, "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"price_paid\":\"5\",\"reason\":\"r\"}", null);
        assertThat(pricedGrant.status()).isEqualTo(422);
        invariant(acct);
    }

    @Test
    void aboveTheThresholdAGrantWaitsForASecondDifferentOperator() {
        String acct = account();
        BigDecimal before = balance(acct);
        assertThat(grant(Role.SUPPORT, acct, "{\"kind\":\"manual_grant\",\"amount\":\"500.00\",\"reason\":\"at the threshold\"}", null)
                .json().get("status").asText()).as("500.00 itself is not above it").isEqualTo("granted");
        var big = grant(Role.SUPPORT, acct, "{\"kind\":\"manual_grant\",\"amount\":\"750.00\",\"reason\":\"SLA credit, ticket 88\"}", null);
        assertThat(big.status()).as(big.body()).isEqualTo(201);
        assertThat(big.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(big.json().get("lot_id").isNull()).isTrue();
        assertThat(balance(acct)).as("nothing credited while pending").isEqualByComparingTo(before.add(new BigDecimal("500")));
        String id = big.json().get("id").asText();
        var queue = gw.get(Role.VIEWER, "/admin/v1/credit-grants?status=pending_approval&account_id=" + acct);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("data").findValuesAsText("id")).containsExactly(id);

        var self = gw.post(Role.SUPPORT, "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"looks fine\"}");
        assertThat(self.status()).as("the maker may not check").isEqualTo(403);
        assertThat(self.json().get("detail").asText()).contains("another operator");
        assertThat(gw.post(Role.OPS, "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"r\"}").status()).isEqualTo(403);

        var approved = gw.post(Role.LEAD, "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"checked ticket 88\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("granted");
        assertThat(approved.json().get("decided_by").asText()).isEqualTo("op_lead");
        assertThat(approved.json().get("lot_id").asText()).startsWith("lot_");
        assertThat(balance(acct)).isEqualByComparingTo(before.add(new BigDecimal("1250")));
        assertThat(gw.post(Role.LEAD, "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"again\"}").status())
                .as("decided once").isEqualTo(409);
        invariant(acct);
    }

    @Test
    void aPendingGrantCanBeRejectedAndCreditsNothing() {
        String acct = account();
        BigDecimal before = balance(acct);
        String id = grant(Role.LEAD, acct, "{\"kind\":\"promotion\",\"amount\":\"5000\",\"reason\":\"big promo\"}", null)
                .json().get("id").asText();
        var rejected = gw.post(Role.SUPPORT, "/admin/v1/credit-grants/" + id + "/reject", "{\"reason\":\"not approved by finance\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"r\"}").status()).isEqualTo(409);
        assertThat(balance(acct)).isEqualByComparingTo(before);
        invariant(acct);
    }

    @Test
    void aSecondSupportAgentMayApprove() {
        String second = new OperatorStore(gw.db().jdbi()).create("op_support_two", "Second Agent", "second@test.gatehouse.dev", Role.SUPPORT);
        String acct = account();
        String id = grant(Role.SUPPORT, acct, "{\"kind\":\"manual_grant\",\"amount\":\"600\",\"reason\":\"goodwill\"}", null)
                .json().get("id").asText();
        var r = gw.send(null, "POST", "/admin/v1/credit-grants/" + id + "/approve", "{\"reason\":\"ok\"}",
                Map.of("Authorization", "Bearer " + second));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        invariant(acct);
    }

    @Test
    void badGrantsAre4xxNeverA500() {
        String acct = account();
        String[] bodies = {
                "{\"kind\":\"signup_reward\",\"amount\":\"10\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"-5\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"0\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"1e400\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"12.1234567\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"ten\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"99999999999999999\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"reason\":\"\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"expires_at\":\"2001-01-01T00:00:00Z\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"expires_at\":\"soon\",\"reason\":\"r\"}",
                "{\"kind\":\"manual_grant\",\"amount\":[1],\"reason\":\"r\"}",
        };
        for (String b : bodies) {
            var r = grant(Role.SUPPORT, acct, b, null);
            assertThat(r.status()).as(b + " -> " + r.body()).isBetween(400, 422);
        }
        assertThat(grant(Role.SUPPORT, "acct_nobody", "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"reason\":\"r\"}", null).status())
                .isEqualTo(404);
        assertThat(grant(Role.VIEWER, acct, "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"reason\":\"r\"}", null).status()).isEqualTo(403);
        String gone = TestAccounts.create(gw.db(), "Gone Co " + UUID.randomUUID(), "pro", "terminated", 0).accountId();
        var terminated = grant(Role.SUPPORT, gone, "{\"kind\":\"manual_grant\",\"amount\":\"10\",\"reason\":\"r\"}", null);
        assertThat(terminated.status()).isEqualTo(409);
        assertThat(terminated.json().get("type").asText()).endsWith("/final-state");
        invariant(acct);
    }
}
