package dev.gatehouse.gateway.refunds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.credits.CreditStoreTest;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The refund routes over real HTTP on H2: intake and hold, queue, eligibility, approval, four-eyes, denial, payouts. */
class RefundRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static TestGateway.Response approve(Role role, String id, String amount, String extra) {
        return gw.post(role, "/admin/v1/refunds/" + id + "/approve",
                "{\"amount\":\"" + amount + "\",\"reason\":\"unused credits within 7 days (pixapi §8)\"" + extra + "}", Map.of());
    }

    private static void assertInvariant(String accountId) {
        gw.db().jdbi().useHandle(h -> CreditStoreTest.assertInvariant(h, accountId, Instant.now()));
    }

    private static int payments(String refundId) {
        return gw.db().jdbi().withHandle(h -> SimulatedPayouts.payments(h, "refund-payout-" + refundId));
    }

    private static long count(String sql, String id) {
        return gw.db().jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    @Test
    void intakeHoldsTheRequestedCreditsSoTheyCannotBeSpent() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Hold Co", "25");
        var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "20.00"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/refund/state").asText()).isEqualTo("requested");
        assertThat(r.json().at("/refund/credits_held").asText()).isEqualTo("20.000000");
        assertThat(r.json().at("/account/held").asText()).isEqualTo("20.000000");
        assertThat(r.json().at("/account/spendable").asText()).isEqualTo("5.000000");
        assertThat(r.json().at("/account/balance").asText()).isEqualTo("25.000000");
        // the account's own view shows the hold too (issue 10: "the balance shows them as held")
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + lot.accountId()).json().path("held").asText()).isEqualTo("20.000000");

        // the spend-then-refund exploit: usage may draw the 5 unheld credits, never the 20 held ones
        gw.db().jdbi().useTransaction(h -> {
            assertThat(CreditStore.use(h, lot.accountId(), Money.of("6"), Instant.now(), "m", "system").covered()).isFalse();
            assertThat(CreditStore.use(h, lot.accountId(), Money.of("5"), Instant.now(), "m", "system").covered()).isTrue();
            assertThat(CreditStore.use(h, lot.accountId(), Money.of("0.000001"), Instant.now(), "m", "system").covered()).isFalse();
        });
        assertInvariant(lot.accountId());
        String id = r.json().at("/refund/id").asText();
        var detail = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id);
        assertThat(detail.json().at("/lot/remaining").asText()).isEqualTo("20.000000");
        assertThat(detail.json().at("/lot/credits_used").asText()).isEqualTo("5.000000");
        assertThat(detail.json().at("/eligibility/verdict").asText()).isEqualTo("eligible");
        assertThat(detail.json().at("/eligibility/refundable").asText()).isEqualTo("20.000000");
    }

    @Test
    void detailNamesThePresetTheRuleAndTheClauseAndShowsTheLotsHistory() {
        TestRefunds.Lot promo = TestRefunds.lot(gw.db(), "Promo Co", "promotion", "10", "0", Instant.now(), null);
        var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(promo, "5.00"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode e = r.json().get("eligibility");
        assertThat(e.get("verdict").asText()).isEqualTo("ineligible");
        assertThat(e.get("preset").asText()).isEqualTo("Pixapi");
        assertThat(e.get("deciding_rule").asText()).isEqualTo("refundable lot kinds");
        assertThat(e.get("deciding_source").asText()).isEqualTo("Pixapi preset, pixapi §8");
        assertThat(e.at("/reasons/0/text").asText()).isEqualTo("promotional credits are not refundable (Pixapi preset, pixapi §8)");
        assertThat(r.json().at("/refund/credits_held").asText()).isEqualTo("0.000000");

        TestRefunds.Lot bought = TestRefunds.purchase(gw.db(), "History Co", "25");
        gw.db().jdbi().useTransaction(h -> CreditStore.use(h, bought.accountId(), Money.of("4"), Instant.now(), "openai/gpt-4.1", "system"));
        String id = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(bought, "30.00")).json().at("/refund/id").asText();
        var detail = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id);
        assertThat(detail.header("ETag")).isEqualTo("\"1\"");
        assertThat(detail.json().at("/eligibility/verdict").asText()).isEqualTo("partially_eligible");
        assertThat(detail.json().at("/eligibility/refundable").asText()).isEqualTo("21.000000");
        assertThat(detail.json().at("/eligibility/reasons/0/text").asText())
                .isEqualTo("only $21.00 of the requested $30.00 is refundable: unused credits × price paid per credit");
        assertThat(detail.json().at("/lot/credits_used").asText()).isEqualTo("4.000000");
        assertThat(detail.json().at("/lot/credits_held").asText()).isEqualTo("0.000000");
        assertThat(detail.json().at("/refund/credits_held").asText()).isEqualTo("21.000000");
        assertThat(detail.json().get("lot_history")).extracting(n -> n.get("kind").asText()).containsExactly("usage", "purchase");
    }

    @Test
    void approvingPaysOnceWritesOneRefundLineAndKeepsTheLedgerInvariant() {
        String id = TestRefunds.request(gw, "10.00");
        var r = approve(Role.SUPPORT, id, "10.00", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode refund = r.json().get("refund");
        assertThat(refund.get("state").asText()).isEqualTo("paid");
        assertThat(refund.get("payout_reference").asText()).startsWith("po_");
        assertThat(refund.get("approved_amount").asText()).isEqualTo("10.000000");
        assertThat(refund.get("credits_held").asText()).isEqualTo("0.000000");
        assertThat(count("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'refund' AND description = 'refund ' || :id", id)).isEqualTo(1);
        String acct = refund.get("account_id").asText();
        assertInvariant(acct);
        assertThat(payments(id)).isEqualTo(1);
        var again = approve(Role.LEAD, id, "10.00", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/final-state");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/refunds/" + id).json().at("/lot/credits_refunded").asText()).isEqualTo("0.000000");
    }

    @Test
    void anOverRefundIs422NamingTheCapUnlessALeadMakesAnExceptionWithAReason() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Cap Co", "25");
        gw.db().jdbi().useTransaction(h -> CreditStore.use(h, lot.accountId(), Money.of("5"), Instant.now(), "m", "system"));
        String id = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "25.00")).json().at("/refund/id").asText();
        var over = approve(Role.SUPPORT, id, "25.00", "");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("type").asText()).endsWith("/validation");
        assertThat(over.json().at("/errors/0/field").asText()).isEqualTo("amount");
        assertThat(over.json().get("detail").asText()).contains("exceeds 20.000000");
        // consumed credits are never refunded (pixapi §8): not even a lead's exception passes the unused value
        var leadOver = approve(Role.LEAD, id, "25.00", ",\"exception\":true");
        assertThat(leadOver.status()).isEqualTo(422);
        assertThat(approve(Role.SUPPORT, id, "20.00", "").status()).isEqualTo(200);

        // outside the window: refundable 0, the cap is named, and a lead's exception with a reason may refund
        TestRefunds.Lot old = TestRefunds.lot(gw.db(), "Old Co", "purchase", "25", "25", Instant.now().minusSeconds(9 * 86400), null);
        String late = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(old, "10.00")).json().at("/refund/id").asText();
        var refused = approve(Role.SUPPORT, late, "10.00", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("exceeds the refundable 0.000000 (Pixapi preset)")
                .contains("only a lead may approve more");
        var support = approve(Role.SUPPORT, late, "10.00", ",\"exception\":true");
        assertThat(support.status()).isEqualTo(403);
        var lead = approve(Role.LEAD, late, "10.00", ",\"exception\":true");
        assertThat(lead.status()).as(lead.body()).isEqualTo(200);
        assertThat(lead.json().at("/refund/exception").asBoolean()).isTrue();
        assertThat(lead.json().at("/refund/state").asText()).isEqualTo("paid");
        assertInvariant(old.accountId());
        // more than the customer asked for is never approved
        assertThat(approve(Role.LEAD, TestRefunds.request(gw, "3.00"), "4.00", "").status()).isEqualTo(422);
    }

    @Test
    void aboveTheThresholdASecondOperatorNotTheFirstMustApprove() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Big Co", "1000");
        String id = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "800.00")).json().at("/refund/id").asText();
        var first = approve(Role.SUPPORT, id, "800.00", "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("action").asText()).isEqualTo("approve_first");
        assertThat(first.json().at("/refund/state").asText()).isEqualTo("awaiting_second_approval");
        assertThat(first.json().at("/refund/first_approver").asText()).isEqualTo("op_support");
        assertThat(first.json().at("/refund/credits_held").asText()).isEqualTo("800.000000");
        assertThat(count("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'refund' AND lot_id = :id", lot.lotId())).isZero();

        var same = approve(Role.SUPPORT, id, "800.00", "");
        assertThat(same.status()).isEqualTo(403);
        assertThat(same.json().get("detail").asText()).contains("another operator than op_support");
        var otherAmount = approve(Role.LEAD, id, "700.00", "");
        assertThat(otherAmount.status()).isEqualTo(422);
        var second = approve(Role.LEAD, id, "800.00", "");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().at("/refund/state").asText()).isEqualTo("paid");
        assertThat(second.json().at("/refund/decided_by").asText()).isEqualTo("op_lead");
        assertInvariant(lot.accountId());
        // another support operator may confirm too
        String other = "op_support_two";
        String token = new OperatorStore(gw.db().jdbi()).create(other, "Second Support", "second@test.gatehouse.dev", Role.SUPPORT);
        String id2 = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(TestRefunds.purchase(gw.db(), "Big Two", "900"),
                "600.00")).json().at("/refund/id").asText();
        assertThat(approve(Role.SUPPORT, id2, "600.00", "").json().at("/refund/state").asText()).isEqualTo("awaiting_second_approval");
        HttpResponse<String> confirm = raw(token, "/admin/v1/refunds/" + id2 + "/approve", "{\"amount\":\"600.00\",\"reason\":\"second pair of eyes\"}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.body()).contains("\"state\":\"paid\"");
    }

    private static HttpResponse<String> raw(String token, String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.server().port() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void denyingReleasesTheHold() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Deny Co", "25");
        String id = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "25.00")).json().at("/refund/id").asText();
        var noReason = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/deny", "{\"reason\":\"  \"}");
        assertThat(noReason.status()).isEqualTo(422);
        var denied = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/deny", "{\"reason\":\"credits were used for a campaign\"}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        assertThat(denied.json().at("/refund/state").asText()).isEqualTo("denied");
        assertThat(denied.json().at("/refund/credits_held").asText()).isEqualTo("0.000000");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + lot.accountId()).json().path("held").asText()).isEqualTo("0.000000");
        boolean covered = gw.db().jdbi().inTransaction(h -> CreditStore.use(h, lot.accountId(), Money.of("25"), Instant.now(), "m", "system").covered());
        assertThat(covered).isTrue();
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/deny", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(approve(Role.SUPPORT, id, "1.00", "").status()).isEqualTo(409);
        assertInvariant(lot.accountId());
    }

    @Test
    void aFailedPayoutPutsTheCreditsBackAndARetryPaysOnce() {
        String id = TestRefunds.failedPayout(gw, "10.00");
        JsonNode detail = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id).json();
        String acct = detail.at("/refund/account_id").asText();
        assertThat(detail.at("/refund/payout_failure").asText()).contains("declined");
        assertThat(detail.at("/refund/credits_refunded").asText()).isEqualTo("0.000000");
        assertThat(detail.at("/account/balance").asText()).isEqualTo("25.000000");
        assertThat(detail.at("/account/spendable").asText()).isEqualTo("25.000000");
        assertThat(detail.get("lot_history")).extracting(n -> n.get("kind").asText()).containsExactly("adjustment", "refund", "purchase");
        assertInvariant(acct);
        assertThat(payments(id)).isZero();

        var retried = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/retry-payout", "{\"reason\":\"provider back up\"}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().at("/refund/state").asText()).isEqualTo("paid");
        assertThat(retried.json().at("/refund/payout_attempts").asInt()).isEqualTo(2);
        assertInvariant(acct);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/retry-payout", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(payments(id)).isEqualTo(1);
    }

    @Test
    void aPayoutWhoseAnswerWasLostIsFoundOnRetryNotPaidTwice() {
        String id = TestRefunds.request(gw, "10.00");
        SimulatedPayouts.failNext(gw.db().jdbi(), 1, SimulatedPayouts.Failure.LOST_RESPONSE);
        var first = approve(Role.SUPPORT, id, "10.00", "");
        assertThat(first.json().at("/refund/state").asText()).isEqualTo("failed");
        String acct = first.json().at("/refund/account_id").asText();
        assertInvariant(acct);
        var retried = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/retry-payout", "{\"reason\":\"provider answered late\"}");
        assertThat(retried.json().at("/refund/state").asText()).isEqualTo("paid");
        String reference = gw.db().jdbi().withHandle(h -> SimulatedPayouts.reference(h, "refund-payout-" + id).orElseThrow());
        assertThat(retried.json().at("/refund/payout_reference").asText()).isEqualTo(reference);
        assertThat(payments(id)).isEqualTo(1);
        assertInvariant(acct);
    }

    @Test
    void aRetryAfterTheCreditsWereSpentIs409AndPaysNothing() {
        String id = TestRefunds.failedPayout(gw, "20.00");
        String acct = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id).json().at("/refund/account_id").asText();
        gw.db().jdbi().useTransaction(h -> CreditStore.use(h, acct, Money.of("10"), Instant.now(), "m", "system"));
        var retried = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/retry-payout", "{\"reason\":\"retry\"}");
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.json().get("detail").asText()).contains("Nothing was paid");
        assertInvariant(acct);
    }

    @Test
    void theQueueFiltersByStateVerdictAndAccountNewestFirst() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Queue Co", "100");
        String a = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "10.00")).json().at("/refund/id").asText();
        String b = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "200.00")).json().at("/refund/id").asText();
        String c = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "5.00")).json().at("/refund/id").asText();
        gw.post(Role.SUPPORT, "/admin/v1/refunds/" + c + "/deny", "{\"reason\":\"duplicate\"}");
        var all = gw.get(Role.VIEWER, "/admin/v1/refunds?account_id=" + lot.accountId());
        assertThat(all.json().get("data")).extracting(n -> n.get("id").asText()).containsExactly(c, b, a);
        var open = gw.get(Role.VIEWER, "/admin/v1/refunds?state=requested&account_id=" + lot.accountId());
        assertThat(open.json().get("data")).extracting(n -> n.get("id").asText()).containsExactly(b, a);
        var partial = gw.get(Role.VIEWER, "/admin/v1/refunds?verdict=partially_eligible&account_id=" + lot.accountId());
        assertThat(partial.json().get("data")).extracting(n -> n.get("id").asText()).containsExactly(b);
        var page = gw.get(Role.VIEWER, "/admin/v1/refunds?limit=2&account_id=" + lot.accountId());
        assertThat(page.json().get("data")).hasSize(2);
        var next = gw.get(Role.VIEWER, "/admin/v1/refunds?limit=2&account_id=" + lot.accountId() + "&cursor=" + page.json().get("next_cursor").asText());
        assertThat(next.json().get("data")).extracting(n -> n.get("id").asText()).containsExactly(a);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/refunds?state=bogus").status()).isEqualTo(400);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/refunds?verdict=maybe").status()).isEqualTo(400);
    }

    @Test
    void badInputsGetA4xxProblemNeverA500() {
        TestRefunds.Lot lot = TestRefunds.purchase(gw.db(), "Bad Input Co", "25");
        TestRefunds.Lot other = TestRefunds.purchase(gw.db(), "Other Co", "25");
        String id = TestRefunds.request(gw, "1.00");
        List<String> intakes = List.of("{}", "{\"account_id\":\"" + lot.accountId() + "\"}",
                "{\"account_id\":\"acct_nope\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"1\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + other.lotId() + "\",\"amount\":\"1\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"-1\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"0\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"1.0000001\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"1e3\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"99999999999999999999\",\"reason\":\"x\"}",
                "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"1\",\"reason\":\"\"}",
                "{\"account_id\":\"" + "a".repeat(300) + "\",\"lot_id\":\"x\",\"amount\":\"1\",\"reason\":\"x\"}",
                "[]", "{\"amount\":{}}", "not json");
        for (String body : intakes) {
            var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", body);
            assertThat(r.status()).as(body + " → " + r.body()).isBetween(400, 499);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        for (String body : List.of("{}", "{\"amount\":\"abc\",\"reason\":\"x\"}", "{\"amount\":\"1\"}", "{\"amount\":\"1\",\"reason\":\"x\",\"exception\":\"yes\"}",
                "{\"amount\":\"1,5\",\"reason\":\"x\"}", "{\"amount\":\" \",\"reason\":\"x\"}")) {
            var r = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/approve", body);
            assertThat(r.status()).as(body + " → " + r.body()).isBetween(400, 499);
        }
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/rfd_nope/approve", "{\"amount\":\"1\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/refunds/rfd_nope/deny", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/refunds/rfd_nope").status()).isEqualTo(404);
        assertThat(gw.post(Role.VIEWER, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "1")).status()).isEqualTo(403);
        assertThat(gw.post(Role.TRUST_SAFETY, "/admin/v1/refunds/" + id + "/approve", "{\"amount\":\"1\",\"reason\":\"x\"}").status()).isEqualTo(403);
        var stale = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/approve", "{\"amount\":\"1\",\"reason\":\"x\"}", Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
        assertThat(new BigDecimal(gw.get(Role.VIEWER, "/admin/v1/refunds/" + id).json().at("/refund/credits_held").asText()))
                .isEqualByComparingTo("1");
    }
}
