package dev.gatehouse.gateway.accounts;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening an account by hand: who may, an email in use, likely duplicates to confirm (apibox §2), bad input. */
class AccountOpeningRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String body(String name, String email, String tier, Boolean confirm) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"tier\":\"" + tier + "\",\"reason\":\"enterprise onboarding\""
                + (confirm == null ? "" : ",\"confirm_duplicate\":" + confirm) + "}";
    }

    private static TestGateway.Response open(Role role, String name, String email, Boolean confirm) {
        return gw.post(role, "/admin/v1/accounts", body(name, email, "enterprise", confirm));
    }

    private static long audits() {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }

    @Test
    void supportOpensAnAccountThatStartsActiveWithNoCredit() {
        long before = audits();
        var opened = open(Role.SUPPORT, "Globex Corporation", "Billing@Globex.io", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("id").asText()).startsWith("acct_");
        assertThat(opened.json().get("email").asText()).isEqualTo("billing@globex.io");
        assertThat(opened.json().get("status").asText()).isEqualTo("active");
        assertThat(opened.json().get("tier").asText()).isEqualTo("enterprise");
        assertThat(opened.json().get("balance").asText()).isEqualTo("0.000000");
        assertThat(audits()).isEqualTo(before + 1);
        String id = opened.json().get("id").asText();
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + id).status()).isEqualTo(200);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/audit?target=" + id).json().at("/data/0/action").asText()).isEqualTo("account.create");
    }

    @Test
    void onlySupportAndLeadsOpenAccounts() {
        for (Role role : new Role[] {Role.VIEWER, Role.TRUST_SAFETY, Role.OPS}) {
            assertThat(open(role, "Nope " + role.wire(), role.wire() + "@nope-co.dev", null).status()).as(role.wire()).isEqualTo(403);
        }
        assertThat(open(Role.LEAD, "Lead Opened", "lead-opened@lead-co.dev", null).status()).isEqualTo(201);
    }

    @Test
    void anEmailInUseIs409() {
        assertThat(open(Role.SUPPORT, "Initech", "ops@initech.dev", null).status()).isEqualTo(201);
        var again = open(Role.SUPPORT, "Initech Two", "OPS@initech.dev", true);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/conflict");
        assertThat(again.json().get("detail").asText()).contains("ops@initech.dev").contains("in use");
    }

    @Test
    void aLikelyDuplicateIsAWarningTheOperatorMustConfirm() {
        var first = open(Role.SUPPORT, "Jane Doe", "jane.doe@gmail.com", null);
        assertThat(first.status()).isEqualTo(201);
        String firstId = first.json().get("id").asText();

        long before = audits();
        // Gmail: dots and a +tag reach the same mailbox
        var sameMailbox = open(Role.SUPPORT, "J. Doe", "JaneDoe+api@googlemail.com", null);
        assertThat(sameMailbox.status()).isEqualTo(409);
        assertThat(sameMailbox.json().get("type").asText()).endsWith("/likely-duplicate");
        assertThat(sameMailbox.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(sameMailbox.json().get("errors").get(0).get("message").asText()).contains(firstId).contains("same mailbox");
        assertThat(audits()).as("a warning writes nothing").isEqualTo(before);

        // a company domain and a similar name
        assertThat(open(Role.SUPPORT, "Umbrella Corp", "finance@umbrella.dev", null).status()).isEqualTo(201);
        var similar = open(Role.SUPPORT, "Umbrela Corporation", "it@umbrella.dev", null);
        assertThat(similar.status()).isEqualTo(409);
        assertThat(similar.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(similar.json().get("errors").get(0).get("message").asText()).contains("umbrella.dev").contains("similar name");
        // the same company domain with another name is no warning
        assertThat(open(Role.SUPPORT, "Wayne Enterprises", "bruce@umbrella.dev", null).status()).isEqualTo(201);
        // a shared public mail domain says nothing about the person
        assertThat(open(Role.SUPPORT, "Jane Doe", "someone.else@outlook.com", null).status()).isEqualTo(201);

        var confirmed = open(Role.SUPPORT, "J. Doe", "JaneDoe+api@googlemail.com", true);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        String id = confirmed.json().get("id").asText();
        String after = gw.get(Role.VIEWER, "/admin/v1/audit?target=" + id).json().at("/data/0/after").toString();
        assertThat(after).as("the audit keeps what was confirmed").contains("confirmed_likely_duplicates").contains(firstId);
    }

    @Test
    void badInputIs422WithEveryField() {
        var bad = gw.post(Role.SUPPORT, "/admin/v1/accounts", "{\"name\":\"\",\"email\":\"not-an-email\",\"tier\":\"gold\",\"reason\":\" \"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email", "tier", "reason");
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/accounts", "{\"name\":\"X\",\"bogus\":1}").status()).isBetween(400, 422);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/accounts", "{\"name\":\"X\",\"email\":\"x@x.dev\",\"tier\":\"pro\","
                + "\"reason\":\"r\",\"confirm_duplicate\":\"yes please\"}").status()).isBetween(400, 422);
    }

    @Test
    void aReplayedOpeningAnswersTheSameAccountOnce() {
        String key = UUID.randomUUID().toString();
        String b = body("Replay Ltd", "hello@replay-ltd.dev", "pro", null);
        var first = gw.post(Role.SUPPORT, "/admin/v1/accounts", b, Map.of("Idempotency-Key", key));
        var replay = gw.post(Role.SUPPORT, "/admin/v1/accounts", b, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        int count = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE email = 'hello@replay-ltd.dev'")
                .mapTo(Integer.class).one());
        assertThat(count).isEqualTo(1);
    }
}
