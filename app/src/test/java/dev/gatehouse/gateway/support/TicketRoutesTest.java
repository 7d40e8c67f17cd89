package dev.gatehouse.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The support queue over HTTP on a gateway whose clock the test moves (first-reply breach, the 4-day auto-close). */
class TicketRoutesTest {
    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static MovableClock clock;
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        gw = new TestGateway(Database.inMemory(), clock);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String intake(String accountId, String subject, String body, String priority) {
        return TestTickets.create(gw, accountId, subject, body, priority);
    }

    private static JsonNode ticket(String id) {
        var r = gw.get(Role.VIEWER, "/admin/v1/tickets/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static TestGateway.Response patch(String id, String body) {
        String etag = gw.get(Role.SUPPORT, "/admin/v1/tickets/" + id).header("ETag");
        return gw.patch(Role.SUPPORT, "/admin/v1/tickets/" + id, body, Map.of("If-Match", etag));
    }

    private static TestGateway.Response say(String id, String body, boolean internal, String author) {
        var node = Json.mapper().createObjectNode().put("body", body).put("internal", internal);
        if (author != null) node.put("author", author);
        return gw.post(Role.SUPPORT, "/admin/v1/tickets/" + id + "/messages", node.toString());
    }

    /** A live key of the account whose secret the test knows (the gateway keeps only its hash). */
    private static String[] liveKey(String accountId) {
        KeySecrets.Secret s = KeySecrets.newSecret("live");
        String id = PrefixedIds.next("key_", clock.instant());
        gw.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, "
                        + "last4, status, created_at) VALUES (:id, :acct, 'prod', 'live', :hash, :prefix, :last4, 'active', :at)")
                .bind("id", id).bind("acct", accountId).bind("hash", s.hash()).bind("prefix", s.prefix()).bind("last4", s.last4())
                .bind("at", clock.instant()).execute());
        return new String[] {id, s.plain()};
    }

    private static String everythingStored() {
        return gw.db().jdbi().withHandle(h -> String.join("\n",
                h.createQuery("SELECT subject FROM tickets").mapTo(String.class).list())
                + String.join("\n", h.createQuery("SELECT body FROM ticket_messages").mapTo(String.class).list())
                + String.join("\n", h.createQuery("SELECT COALESCE(before_json, '') || COALESCE(after_json, '') || COALESCE(reason, '') "
                        + "FROM audit_entries").mapTo(String.class).list()));
    }

    @Test
    void intakeRedactsEverySecretBeforeStorageFlagsTheTicketAndOffersTheExposedKey() {
        String acct = TestAccounts.create(gw.db(), "Leaky Pixels Ltd", "pro", "active", 1).accountId();
        String[] key = liveKey(acct);
        String card = "4111 1111 1111 1111";
        String body = "Hi, my card " + card + " was charged twice. Our key is " + key[1] + "\npassword: hunter2secret\nThanks";
        String id = intake(acct, "Charged twice on " + card, body, "high");

        JsonNode detail = ticket(id);
        JsonNode t = detail.get("ticket");
        assertThat(t.get("redacted").asBoolean()).isTrue();
        assertThat(t.get("exposed_keys").asInt()).isEqualTo(1);
        assertThat(t.get("subject").asText()).doesNotContain(card).contains("411111").contains("removed]");
        String stored = detail.get("messages").get(0).get("body").asText();
        assertThat(stored).doesNotContain(card).doesNotContain(key[1]).doesNotContain("hunter2secret")
                .contains("[card 411111").contains("removed]").contains("[password removed]");
        assertThat(detail.get("messages").get(0).get("redactions")).extracting(JsonNode::asText)
                .contains("card", "platform_key", "password");
        // nothing stored anywhere holds the secrets: tickets, messages, the audit trail
        assertThat(everythingStored()).doesNotContain(card).doesNotContain("4111111111111111").doesNotContain(key[1])
                .doesNotContain("hunter2secret");
        // the exposed key is matched by hash, offered with its owner-notification deadline 24 h after it was found
        JsonNode exposed = detail.get("exposed_keys").get(0);
        assertThat(exposed.get("key").get("id").asText()).isEqualTo(key[0]);
        assertThat(exposed.get("key").get("status").asText()).isEqualTo("active");
        Instant found = Instant.parse(exposed.get("found_at").asText());
        assertThat(Instant.parse(exposed.get("notify_owner_by").asText())).isEqualTo(found.plus(Duration.ofHours(24)));
        assertThat(exposed.get("owner_notified_at").isNull()).isTrue();
        assertThat(detail.get("links")).anySatisfy(l -> {
            assertThat(l.get("kind").asText()).isEqualTo("key");
            assertThat(l.get("id").asText()).isEqualTo(key[0]);
        });
        assertThat(detail.get("account").get("id").asText()).isEqualTo(acct);
        assertThat(detail.get("keys")).hasSize(2);

        // an agent's reply to the key's owner is the notification
        assertThat(say(id, "We saw your key in this ticket; revoke it and make a new one.", false, null).status()).isEqualTo(200);
        assertThat(ticket(id).get("exposed_keys").get(0).get("owner_notified_at").isNull()).isFalse();

        // revoking goes through the key action with the reason filled in; the ticket then shows the key revoked
        var revoke = gw.post(Role.TRUST_SAFETY, "/admin/v1/keys/" + key[0] + "/actions",
                "{\"action\":\"revoke\",\"reason\":\"key compromise: posted in ticket " + id + " (ai-visual-studio §3)\"}");
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
        assertThat(ticket(id).get("exposed_keys").get(0).get("key").get("status").asText()).isEqualTo("revoked");
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @Test
    void aKeyOfThisPlatformThatDoesNotExistIsRedactedButNotOffered() {
        String acct = TestAccounts.create(gw.db(), "Typo Keys", "free", "active", 0).accountId();
        String fake = KeySecrets.newSecret("live").plain();
        String id = intake(acct, "Key rejected", "Why is " + fake + " refused? Also see key_ZZZZZZZZZZZZZZZZ and rfd_01JD3M4Z2M7ZXW4R.", null);
        JsonNode detail = ticket(id);
        assertThat(detail.get("ticket").get("redacted").asBoolean()).isTrue();
        assertThat(detail.get("exposed_keys")).isEmpty();
        assertThat(detail.get("messages").get(0).get("body").asText()).doesNotContain(fake);
        // a key id that does not exist is no link; a refund id is linked as named
        assertThat(detail.get("links")).hasSize(1);
        assertThat(detail.get("links").get(0).get("kind").asText()).isEqualTo("refund");
        assertThat(detail.get("ticket").get("priority").asText()).isEqualTo("normal");
    }

    @Test
    void theQueueIsSortedByFirstReplyDueThenAgeAndFilters() {
        String acct = TestAccounts.create(gw.db(), "Queue Order Co", "pro", "active", 0).accountId();
        String low = intake(acct, "low one", "body", "low");
        clock.advance(Duration.ofSeconds(1));
        String normal = intake(acct, "normal one", "body", "normal");
        clock.advance(Duration.ofSeconds(1));
        String urgent = intake(acct, "urgent one", "body", "urgent");
        clock.advance(Duration.ofSeconds(1));
        String urgent2 = intake(acct, "urgent two", "body", "urgent");
        var page = gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct).json().get("data");
        assertThat(page).extracting(t -> t.get("id").asText()).containsExactly(urgent, urgent2, normal, low);
        assertThat(page.get(0).get("account_name").asText()).isEqualTo("Queue Order Co");

        // paging walks the same order
        var first = gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&limit=3").json();
        var second = gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&limit=3&cursor="
                + first.get("next_cursor").asText()).json();
        List<String> walked = new ArrayList<>();
        first.get("data").forEach(t -> walked.add(t.get("id").asText()));
        second.get("data").forEach(t -> walked.add(t.get("id").asText()));
        assertThat(walked).containsExactly(urgent, urgent2, normal, low);
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&priority=urgent").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(urgent, urgent2);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?q=URGENT%20TWO").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(urgent2);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?q=" + low).json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(low);

        // assignment: "none" lists the unassigned; an operator id lists theirs
        assertThat(patch(normal, "{\"assignee\":\"op_support\"}").status()).isEqualTo(200);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&assignee=op_support&state=unsolved").json()
                .get("data")).extracting(t -> t.get("id").asText()).containsExactly(normal);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&assignee=none").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(urgent, urgent2, low);
        assertThat(ticket(normal).get("ticket").get("assignee_name").asText()).isEqualTo("Support Tester");

        // after an hour and a half the urgent ones are breached; a reply stops the clock but a late one stays breached
        clock.advance(Duration.ofMinutes(90));
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&breached=true").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(urgent, urgent2);
        assertThat(say(urgent, "Looking into it.", false, null).status()).isEqualTo(200);
        assertThat(ticket(urgent).get("ticket").get("breached").asBoolean()).isTrue();
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&breached=false").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(normal, low);
        // solving stops the state filter's unsolved view
        assertThat(patch(low, "{\"state\":\"solved\"}").status()).isEqualTo(200);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&state=unsolved").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(urgent, urgent2, normal);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?account_id=" + acct + "&state=solved").json().get("data"))
                .extracting(t -> t.get("id").asText()).containsExactly(low);
    }

    @Test
    void messagesMoveTheTicketAsAHelpdeskDoes() {
        String acct = TestAccounts.create(gw.db(), "Chatty Co", "starter", "active", 0).accountId();
        String id = intake(acct, "Question", "How do I rotate a key?", null);
        assertThat(ticket(id).get("ticket").get("state").asText()).isEqualTo("new");
        // an internal note is not a reply
        assertThat(say(id, "Checking the docs first.", true, null).status()).isEqualTo(200);
        JsonNode t = ticket(id).get("ticket");
        assertThat(t.get("state").asText()).isEqualTo("new");
        assertThat(t.get("first_reply_at").isNull()).isTrue();
        // a public reply opens it and is the first reply
        var reply = say(id, "Go to Keys, then Rotate.", false, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("ticket").get("state").asText()).isEqualTo("open");
        assertThat(reply.json().get("ticket").get("first_reply_at").isNull()).isFalse();
        assertThat(reply.json().get("messages")).extracting(m -> m.get("author").asText())
                .containsExactly("customer", "internal", "agent");
        assertThat(reply.json().get("messages").get(2).get("operator_name").asText()).isEqualTo("Support Tester");
        // solved, then the customer writes again: reopened
        assertThat(patch(id, "{\"state\":\"solved\"}").json().get("ticket").get("closes_at").isNull()).isFalse();
        var back = say(id, "It did not work.", false, "customer");
        assertThat(back.json().get("ticket").get("state").asText()).isEqualTo("open");
        assertThat(back.json().get("ticket").get("solved_at").isNull()).isTrue();
        // a customer's message cannot be internal
        assertThat(say(id, "x", true, "customer").status()).isEqualTo(422);
        assertThat(say(id, "x", false, "robot").status()).isEqualTo(422);
        // closed is final
        assertThat(patch(id, "{\"state\":\"solved\"}").status()).isEqualTo(200);
        assertThat(patch(id, "{\"state\":\"closed\"}").status()).isEqualTo(200);
        var refused = say(id, "one more thing", false, "customer");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/final-state");
        assertThat(patch(id, "{\"state\":\"open\"}").status()).isEqualTo(409);
    }

    @Test
    void patchNeedsIfMatchFollowsTheStateRulesAndSaysWhatToFix() {
        String acct = TestAccounts.create(gw.db(), "Patchy Co", "free", "active", 0).accountId();
        String id = intake(acct, "Patch me", "body", "low");
        String path = "/admin/v1/tickets/" + id;
        assertThat(gw.patch(Role.SUPPORT, path, "{\"state\":\"open\"}", Map.of()).status()).isEqualTo(428);
        assertThat(gw.patch(Role.SUPPORT, path, "{\"state\":\"open\"}", Map.of("If-Match", "\"7\"")).status()).isEqualTo(412);
        assertThat(gw.patch(Role.VIEWER, path, "{\"state\":\"open\"}", Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);
        // new → closed skips solved
        var skip = patch(id, "{\"state\":\"closed\"}");
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("detail").asText()).contains("solve it first");
        assertThat(patch(id, "{}").status()).isEqualTo(422);
        assertThat(patch(id, "{\"state\":\"done\"}").status()).isEqualTo(422);
        assertThat(patch(id, "{\"priority\":\"asap\"}").status()).isEqualTo(422);
        assertThat(patch(id, "{\"tags\":[\"Has Spaces\"]}").status()).isEqualTo(422);
        assertThat(patch(id, "{\"assignee\":\"op_viewer\"}").json().get("errors").get(0).get("field").asText()).isEqualTo("assignee");
        assertThat(patch(id, "{\"assignee\":\"op_nobody\"}").status()).isEqualTo(422);
        // a priority change moves the due time, counted from creation
        Instant created = Instant.parse(ticket(id).get("ticket").get("created_at").asText());
        var urgent = patch(id, "{\"priority\":\"urgent\",\"tags\":[\"vip\",\"billing-dispute\",\"vip\"],\"assignee\":\"op_lead\"}");
        assertThat(urgent.status()).as(urgent.body()).isEqualTo(200);
        JsonNode t = urgent.json().get("ticket");
        assertThat(Instant.parse(t.get("first_reply_due_at").asText())).isEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(t.get("tags")).extracting(JsonNode::asText).containsExactly("vip", "billing-dispute");
        assertThat(t.get("assignee").asText()).isEqualTo("op_lead");
        assertThat(urgent.header("ETag")).isEqualTo("\"" + t.get("version").asLong() + "\"");
        assertThat(patch(id, "{\"assignee\":\"\"}").json().get("ticket").get("assignee").isNull()).isTrue();
    }

    @Test
    void aDuplicateMergesIntoTheOtherTicketOfTheSameCustomer() {
        String acct = TestAccounts.create(gw.db(), "Twice Asked", "pro", "active", 0).accountId();
        String[] key = liveKey(acct);
        String keep = intake(acct, "Login broken", "I cannot log in.", "high");
        String dup = intake(acct, "Login still broken", "Still cannot log in. My key " + key[1], null);
        String other = intake(TestAccounts.create(gw.db(), "Someone Else", "pro", "active", 0).accountId(), "x", "y", null);
        String path = "/admin/v1/tickets/" + dup + "/merge";
        assertThat(gw.post(Role.SUPPORT, path, "{\"into\":\"" + dup + "\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, path, "{\"into\":\"tkt_nope\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, path, "{}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, path, "{\"into\":\"" + other + "\"}").status()).isEqualTo(409);
        var merged = gw.post(Role.SUPPORT, path, "{\"into\":\"" + keep + "\",\"reason\":\"same issue\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode into = merged.json();
        assertThat(into.get("ticket").get("id").asText()).isEqualTo(keep);
        assertThat(into.get("messages")).extracting(m -> m.get("author").asText()).containsExactly("customer", "customer", "internal");
        assertThat(into.get("exposed_keys")).extracting(k -> k.get("key").get("id").asText()).containsExactly(key[0]);
        assertThat(into.get("ticket").get("redacted").asBoolean()).isTrue();
        JsonNode source = ticket(dup).get("ticket");
        assertThat(source.get("state").asText()).isEqualTo("closed");
        assertThat(source.get("merged_into").asText()).isEqualTo(keep);
        assertThat(gw.post(Role.SUPPORT, path, "{\"into\":\"" + keep + "\"}").status()).isEqualTo(409);
    }

    @Test
    void solvedTicketsCloseByThemselvesAfterFourDaysWithoutAReply() {
        String acct = TestAccounts.create(gw.db(), "Quiet Customer", "free", "active", 0).accountId();
        String quiet = intake(acct, "Thanks", "All good now?", null);
        String replies = intake(acct, "Not yet", "Still broken", null);
        assertThat(patch(quiet, "{\"state\":\"solved\"}").status()).isEqualTo(200);
        assertThat(patch(replies, "{\"state\":\"solved\"}").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        say(replies, "No, it is not fixed.", false, "customer");
        clock.advance(Duration.ofDays(2).minusMillis(1));
        TicketAutoClose.closeDue(gw.db().jdbi(), clock.instant());
        assertThat(ticket(quiet).get("ticket").get("state").asText()).isEqualTo("solved");
        clock.advance(Duration.ofMillis(1));
        // other tests' solved tickets share this gateway: count at least this one
        assertThat(TicketAutoClose.closeDue(gw.db().jdbi(), clock.instant())).isPositive();
        assertThat(ticket(quiet).get("ticket").get("state").asText()).isEqualTo("closed");
        assertThat(ticket(replies).get("ticket").get("state").asText()).isEqualTo("open");
        assertThat(TicketAutoClose.closeDue(gw.db().jdbi(), clock.instant())).isZero();
        var audit = gw.get(Role.LEAD, "/admin/v1/audit?target=" + quiet + "&action=ticket.close").json().get("data");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("system");
    }

    @Test
    void macrosAreOneVersionedSetAndAnUnknownPlaceholderIsRefusedWhenSaved() {
        try (TestGateway own = new TestGateway(Database.inMemory())) {
            var empty = own.get(Role.SUPPORT, "/admin/v1/macros");
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.json().get("macros")).isEmpty();
            assertThat(empty.json().get("placeholders").has("account.balance")).isTrue();
            String etag = empty.header("ETag");
            String bad = "{\"macros\":[{\"name\":\"Balance\",\"body\":\"Hi {{customer.name}}, you have {{acount.balance}}\"}]}";
            var refused = own.send(Role.LEAD, "PUT", "/admin/v1/macros", bad, Map.of("If-Match", etag));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("macros[0].body");
            assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("{{acount.balance}}");
            String secret = "{\"macros\":[{\"name\":\"Card\",\"body\":\"Use card 4111 1111 1111 1111\"}]}";
            assertThat(own.send(Role.LEAD, "PUT", "/admin/v1/macros", secret, Map.of("If-Match", etag)).status()).isEqualTo(422);
            String twice = "{\"macros\":[{\"name\":\"A\",\"body\":\"x\"},{\"name\":\"a\",\"body\":\"y\"}]}";
            assertThat(own.send(Role.LEAD, "PUT", "/admin/v1/macros", twice, Map.of("If-Match", etag)).status()).isEqualTo(422);
            String state = "{\"macros\":[{\"name\":\"A\",\"body\":\"x\",\"set_state\":\"closed\"}]}";
            assertThat(own.send(Role.LEAD, "PUT", "/admin/v1/macros", state, Map.of("If-Match", etag)).status()).isEqualTo(422);
            String good = "{\"macros\":[{\"name\":\"Balance\",\"body\":\"Hi {{customer.name}}, you have {{ account.balance }}.\","
                    + "\"set_state\":\"solved\",\"add_tags\":[\"balance\"]}],\"reason\":\"first macro\"}";
            assertThat(own.send(Role.SUPPORT, "PUT", "/admin/v1/macros", good, Map.of("If-Match", etag)).status()).isEqualTo(403);
            assertThat(own.send(Role.LEAD, "PUT", "/admin/v1/macros", good, Map.of()).status()).isEqualTo(428);
            var saved = own.send(Role.LEAD, "PUT", "/admin/v1/macros", good, Map.of("If-Match", etag));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.header("ETag")).isNotEqualTo(etag);
            JsonNode m = saved.json().get("macros").get(0);
            assertThat(m.get("id").asText()).startsWith("mac_");
            assertThat(m.get("set_state").asText()).isEqualTo("solved");
            assertThat(own.send(Role.LEAD, "PUT", "/admin/v1/macros", good, Map.of("If-Match", etag)).status()).isEqualTo(412);
            // keeping the id keeps the macro; the order is the list's
            String renamed = "{\"macros\":[{\"name\":\"Other\",\"body\":\"Thanks {{agent.name}}\"},{\"id\":\"" + m.get("id").asText()
                    + "\",\"name\":\"Balance now\",\"body\":\"{{account.balance}}\"}]}";
            var again = own.send(Role.LEAD, "PUT", "/admin/v1/macros", renamed, Map.of("If-Match", saved.header("ETag")));
            assertThat(again.json().get("macros")).extracting(x -> x.get("name").asText()).containsExactly("Other", "Balance now");
            assertThat(again.json().get("macros").get(1).get("id").asText()).isEqualTo(m.get("id").asText());
        }
    }

    @Test
    void badInputsGetA4xxSayingWhatToFix() {
        String acct = TestAccounts.create(gw.db(), "Bad Input Co", "free", "active", 0).accountId();
        for (String q : List.of("state=done", "priority=asap", "category=x", "breached=maybe", "limit=0", "cursor=zzz",
                "q=" + "x".repeat(201), "assignee=%00")) {
            var r = gw.get(Role.VIEWER, "/admin/v1/tickets?" + q);
            assertThat(r.status()).as(q + " " + r.body()).isEqualTo(400);
        }
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets/tkt_nope").status()).isEqualTo(404);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/tickets/tkt_nope/messages", "{\"body\":\"x\"}").status()).isEqualTo(404);
        String intake = "/admin/v1/tickets";
        assertThat(gw.post(Role.SUPPORT, intake, "{\"account_id\":\"acct_nope\",\"category\":\"billing\",\"subject\":\"s\",\"body\":\"b\"}")
                .json().get("errors").get(0).get("field").asText()).isEqualTo("account_id");
        var many = gw.post(Role.SUPPORT, intake, "{\"category\":\"fun\",\"subject\":\"\",\"body\":\" \",\"priority\":\"now\"}");
        assertThat(many.status()).isEqualTo(422);
        assertThat(many.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("account_id", "category", "subject", "body", "priority");
        var nul = gw.post(Role.SUPPORT, intake, "{\"account_id\":\"" + acct + "\",\"category\":\"billing\",\"subject\":\"s\","
                + "\"body\":\"b\\u0000\"}");
        assertThat(nul.status()).isEqualTo(422);
        var tooLong = gw.post(Role.SUPPORT, intake, Json.mapper().createObjectNode().put("account_id", acct).put("category", "billing")
                .put("subject", "s").put("body", "x".repeat(20_001)).toString());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(gw.post(Role.VIEWER, intake, "{}").status()).isEqualTo(403);
        assertThat(gw.post(Role.SUPPORT, intake, "{\"account_id\":1}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, intake, "{\"unknown\":1}").status()).isEqualTo(400);
    }
}
