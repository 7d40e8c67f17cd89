package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.policy.SecretScanner;
import dev.gatehouse.policy.TicketPriority;
import dev.gatehouse.policy.TicketSla;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Demo support tickets (issue 10 item 6), deterministic from the seed, every time relative to {@code now}: about 500
 * (200,000 more at large scale), a live queue of the last two days with SLA badges in every state (due soon, breached,
 * answered late), and older tickets solved and closed. Some customers pasted secrets; their text went through
 * {@link SecretScanner} exactly as intake does, so only the redacted text is stored. A few pasted a live key of their
 * own account (a key made here for that, whose secret is then dropped): those tickets offer the revoke action.
 */
public final class TicketSeed {
    private static final Logger log = LoggerFactory.getLogger(TicketSeed.class);
    private static final long SALT = 0x5EED_71C7_0000_0010L;
    private static final int COMMIT_EVERY = 20_000;
    private static final String[] AGENTS = {"op_support", "op_lead"};

    private TicketSeed() {}

    public record Result(int tickets, int messages, int exposedKeys, long millis) {}

    private record Template(String category, String subject, String body) {}

    private static final Template[] TEMPLATES = {
            new Template("billing", "Charged twice for the same top-up", "Hi, I topped up 50 credits yesterday and my bank shows two charges. Can you refund one?"),
            new Template("billing", "Invoice needs our VAT number", "Could you reissue last month's invoice with our VAT number on it? Our accountant needs it."),
            new Template("billing", "Refund for unused credits", "We bought a pack by mistake and have not used any of it. Is a refund possible?"),
            new Template("billing", "Promo credits disappeared", "The promotional credits from the launch event are gone from our balance. Did they expire?"),
            new Template("account", "Cannot sign in after email change", "I changed my email last week and now the login link never arrives."),
            new Template("account", "Please add a second owner", "Our CTO needs owner access to the account. How do we add her?"),
            new Template("account", "Account suspended without notice", "Our account shows suspended since this morning. We did not get any email. What happened?"),
            new Template("account", "Delete my account and data", "Please close my account and delete all stored data."),
            new Template("technical", "429 errors at low volume", "We get 429 Too Many Requests at about 30 requests per minute on the Starter tier. Is the limit per key?"),
            new Template("technical", "Video generation stuck in queue", "Our video jobs stay queued for over an hour since yesterday afternoon."),
            new Template("technical", "Timeouts on chat completions", "Roughly one in ten chat completions times out after 60 seconds."),
            new Template("technical", "Webhook signature mismatch", "The signature on your webhooks does not match what we compute with our signing secret."),
            new Template("product", "Which model is best for product photos?", "We need clean product shots on white. Which image model do you recommend?"),
            new Template("product", "Feature request: per-key spend caps", "Could we set a monthly spend cap per key? Our interns share a staging key."),
            new Template("product", "Is Veo 3 available in the EU?", "Can we use the Veo 3 video model from Frankfurt, or is it US only?"),
    };
    private static final String[] REPLIES = {
            "Thanks for reaching out. I have looked into this and will follow up shortly.",
            "I have checked your account: everything is in order now. Let us know if it happens again.",
            "Could you send the request id of one failing call? That lets us trace it.",
            "This is fixed on our side. Sorry for the trouble.",
    };
    private static final String[] NOTES = {
            "Checked the ledger: the second charge is a pending authorisation, not a capture.",
            "Escalated to the platform team; see incident channel.",
            "Customer is on the Starter tier; limits apply per key and per account.",
    };
    private static final String[] TAGS = {"vip", "billing-dispute", "rate-limits", "bug", "how-to", "follow-up", "refund", "eu"};

    /** A customer pasting a secret, in one of the ways they do. */
    private static String secretLine(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "My card is " + card(r) + " if you need it.";
            case 1 -> "login: ops@example.com password: " + word(r, 6) + r.nextInt(1000) + "!";
            case 2 -> "Here is our OpenAI key for comparison: sk-proj-" + word(r, 48);
            case 3 -> "The test key we use is sk-test-" + word(r, 40);
            default -> "Our config:\n-----BEGIN PRIVATE KEY-----\nMIIEv" + word(r, 60) + "\n-----END PRIVATE KEY-----";
        };
    }

    public static Result seed(Database db, long seed, DemoScale scale, Instant now) {
        long started = System.nanoTime();
        Random r = new Random(seed ^ SALT);
        List<String> accounts = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts ORDER BY id").mapTo(String.class).list());
        if (accounts.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        Rows rows = new Rows();
        // the live queue: the last 48 hours, most still unsolved
        for (int i = 0; i < 120; i++) {
            // leaked keys are mostly from today, so their 24 h owner deadlines are still running; the first is overdue
            double hours = i == 0 ? 30 : i < 8 ? 0.5 + r.nextDouble() * 18 : r.nextDouble() * 48;
            Instant created = now.minusSeconds(60 + (long) (hours * 3600));
            generate(r, rows, accounts.get(r.nextInt(accounts.size())), created, now, i < 8);
        }
        // history: 30 days, solved and mostly closed
        for (int i = 0; i < 380; i++) {
            generate(r, rows, accounts.get(r.nextInt(accounts.size())), now.minusSeconds(2 * 86_400 + (long) (r.nextDouble() * 28 * 86_400)), now, false);
        }
        if (scale == DemoScale.LARGE) {
            Random lr = new Random(seed ^ SALT ^ 0x1A26E);
            for (int i = 0; i < 200_000; i++) {
                generate(lr, rows, accounts.get(lr.nextInt(accounts.size())), now.minusSeconds(30L * 86_400 + (long) (lr.nextDouble() * 700 * 86_400)),
                        now, false);
            }
        }
        if (scale == DemoScale.LARGE && !db.isPostgres()) {
            // tickets and messages load on their own connections, on both cores; the foreign key between them comes last
            BulkLoad.withoutIndexes(db.jdbi(), List.of(new BulkLoad.Load(List.of("ticket_messages"), rows::writeMessages),
                    new BulkLoad.Load(List.of("tickets"), rows::writeTickets)));
            db.jdbi().useHandle(rows::writeSmall);
        } else {
            db.jdbi().useHandle(h -> {
                rows.write(h);
                rows.writeSmall(h);
            });
        }
        db.jdbi().useTransaction(TicketSeed::macros);
        if (scale == DemoScale.LARGE && db.isPostgres()) {
            db.jdbi().useHandle(h -> h.execute("ANALYZE tickets"));
        }
        Result result = new Result(rows.tickets.size(), rows.messages.size(), rows.exposed.size(), (System.nanoTime() - started) / 1_000_000);
        log.info("seeded {} tickets, {} messages, {} exposed keys in {} ms", result.tickets(), result.messages(), result.exposedKeys(),
                result.millis());
        return result;
    }

    private static void generate(Random r, Rows rows, String accountId, Instant created, Instant now, boolean leaksLiveKey) {
        Template t = TEMPLATES[r.nextInt(TEMPLATES.length)];
        TicketPriority priority = weighted(r);
        String id = PrefixedIds.next("tkt_", created, r);
        Instant due = TicketSla.firstReplyDueAt(created, priority);
        long ageSeconds = Duration.between(created, now).getSeconds();
        String text = t.body();
        String keyId = null;
        if (leaksLiveKey) {
            // a live key of the customer's own account, pasted into the ticket; only its hash is kept
            KeySecrets.Secret s = KeySecrets.newSecret("live", r);
            keyId = PrefixedIds.next("key_", created.minus(Duration.ofDays(20)), r);
            rows.keys.add(new Object[] {keyId, accountId, "production", "live", s.hash(), s.prefix(), s.last4(), "active",
                    created.minus(Duration.ofDays(20))});
            text = text + "\nOur production key is " + s.plain() + " - is it still valid?";
        } else if (r.nextInt(8) == 0) {
            text = text + "\n" + secretLine(r);
        }
        // the templates hold no secret (TicketSeedTest scans every stored text); only a pasted one needs the scanner,
        // which spares 200,000 scans at large scale
        boolean pasted = !text.equals(t.body());
        SecretScanner.Scan scan = pasted ? SecretScanner.scan(text) : null;
        Set<String> kinds = new LinkedHashSet<>();
        if (scan != null) {
            scan.findings().forEach(f -> kinds.add(f.kind().slug()));
        }
        String stored = scan == null ? text : scan.text();
        boolean redacted = scan != null && scan.redacted();

        // where the ticket stands: recent ones in every state, older ones solved or closed
        String state;
        Instant firstReply = null;
        boolean recent = ageSeconds < 2 * 86_400;
        int roll = r.nextInt(100);
        if (leaksLiveKey) {
            state = roll < 50 ? "new" : "open"; // a leaked key is today's work: these wait in the queue
        } else if (recent) {
            // most tickets are answered within hours: "new" ones are mostly young
            int newShare = ageSeconds < 8 * 3600 ? 55 : 8;
            state = roll < newShare ? "new" : roll < newShare + 35 ? "open" : roll < newShare + 50 ? "pending"
                    : roll < newShare + 58 ? "on_hold" : "solved";
        } else {
            state = ageSeconds > 5 * 86_400 && roll < 85 ? "closed" : "solved";
        }
        if (!state.equals("new")) {
            // most first replies come in time; some late
            double share = r.nextInt(5) == 0 ? 1.2 + r.nextDouble() : r.nextDouble() * 0.9;
            firstReply = created.plusSeconds(Math.max(60, (long) (priority.firstReplyTarget().getSeconds() * share)));
            if (firstReply.isAfter(now)) firstReply = now.minusSeconds(30);
        }
        Instant last = firstReply == null ? created : firstReply;
        Instant solved = null;
        Instant closed = null;
        if (state.equals("solved")) {
            solved = recent ? last.plusSeconds(600) : now.minusSeconds(60 + r.nextInt(3 * 86_400));
            if (solved.isBefore(last)) solved = last.plusSeconds(60);
            if (solved.isAfter(now)) solved = now;
        } else if (state.equals("closed")) {
            solved = last.plusSeconds(3600);
            closed = solved.plus(TicketSla.CLOSE_SOLVED_AFTER);
            if (closed.isAfter(now)) {
                state = "solved"; // not 4 days yet: the sweep closes it when they have passed
                closed = null;
            }
        }
        boolean unsolved = !(state.equals("solved") || state.equals("closed"));
        String assignee = state.equals("new") && r.nextBoolean() ? null : AGENTS[r.nextInt(AGENTS.length)];
        List<String> tags = new ArrayList<>();
        if (r.nextInt(3) == 0) tags.add(TAGS[r.nextInt(TAGS.length)]);
        if (keyId != null) tags.add("key-compromise");
        Instant updated = closed != null ? closed : solved != null ? solved : last;
        int messages = 1;
        rows.message(r, id, "customer", null, stored, String.join(",", kinds), created);
        if (firstReply != null) {
            if (r.nextInt(4) == 0) {
                rows.message(r, id, "internal", assignee == null ? "op_support" : assignee, NOTES[r.nextInt(NOTES.length)], "",
                        firstReply.minusSeconds(30));
                messages++;
            }
            rows.message(r, id, "agent", assignee == null ? "op_support" : assignee, REPLIES[r.nextInt(REPLIES.length)], "", firstReply);
            messages++;
        }
        boolean late = firstReply != null && firstReply.isAfter(due);
        String subject = t.subject();
        rows.tickets.add(new Object[] {id, accountId, t.category(), subject, subject.toLowerCase(Locale.ROOT), state, unsolved,
                priority.wire(), assignee, String.join(",", tags), redacted, created, updated, due, firstReply,
                firstReply != null ? firstReply : solved, late, created, solved, closed, messages});
        if (keyId != null) {
            // ai-visual-studio §3: the owner is notified within 24 h of the key being found
            rows.exposed.add(new Object[] {id, keyId, rows.firstMessageOf(id), created, created.plus(Duration.ofHours(24)),
                    firstReply != null && r.nextBoolean() ? firstReply : null});
            rows.links.add(new Object[] {id, "key", keyId});
        }
    }

    private static TicketPriority weighted(Random r) {
        int roll = r.nextInt(100);
        return roll < 8 ? TicketPriority.URGENT : roll < 30 ? TicketPriority.HIGH : roll < 80 ? TicketPriority.NORMAL : TicketPriority.LOW;
    }

    /** A Luhn-valid 16-digit number starting 4 (a test Visa), written in groups. */
    private static String card(Random r) {
        int[] d = new int[16];
        d[0] = 4;
        for (int i = 1; i < 15; i++) d[i] = r.nextInt(10);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int v = d[14 - i];
            if (i % 2 == 0) {
                v *= 2;
                if (v > 9) v -= 9;
            }
            sum += v;
        }
        d[15] = (10 - sum % 10) % 10;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append(' ');
            sb.append(d[i]);
        }
        return sb.toString();
    }

    private static String word(Random r, int n) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** Macros a support team starts with; every placeholder is one MacroTemplate knows. */
    private static void macros(Handle h) {
        String[][] macros = {
                {"Balance and top-up", "Hi {{customer.name}},\n\nYour account {{account.id}} has {{account.balance}} of credit left. "
                        + "You can top up any time under Billing.\n\nBest,\n{{agent.name}}", "solved", "how-to"},
                {"Need more details", "Hi {{customer.name}},\n\nThanks for writing in. Could you send the request id of one affected call "
                        + "and the time it happened? That lets us trace it.\n\n{{agent.name}}", "pending", ""},
                {"Rate limits explained", "Hi {{customer.name}},\n\nYour account is on the {{account.tier}} tier. Limits apply per key and per "
                        + "account (ai-visual-studio §4); a higher tier raises them.\n\n{{agent.name}}", "solved", "rate-limits"},
                {"Key exposed: rotate now", "Hi {{customer.name}},\n\nYou posted an API key in ticket {{ticket.id}}. We removed it from the "
                        + "ticket and have disabled the key, as our terms require (ai-visual-studio §3). Please create a new key and "
                        + "update your applications.\n\n{{agent.name}}", null, "key-compromise"},
                {"Refund policy", "Hi {{customer.name}},\n\nUnused purchased credits can be refunded within 7 days of purchase; "
                        + "promotional credits cannot (pixapi §8). I have passed your request on to our refunds team.\n\n{{agent.name}}",
                        "on_hold", "refund"},
                {"Solved, thanks", "Hi {{customer.name}},\n\nGlad this is sorted. This ticket closes by itself in 4 days; just reply if "
                        + "anything comes up.\n\n{{agent.name}}", "solved", ""},
        };
        h.createUpdate("DELETE FROM macros").execute();
        for (int i = 0; i < macros.length; i++) {
            h.createUpdate("INSERT INTO macros (id, position, name, body, set_state, add_tags) VALUES (:id, :p, :name, :body, :state, :tags)")
                    .bind("id", "mac_demo" + (char) ('A' + i) + "0000000000").bind("p", i).bind("name", macros[i][0])
                    .bind("body", macros[i][1]).bind("state", macros[i][2]).bind("tags", macros[i][3]).execute();
        }
        h.createUpdate("UPDATE macro_set SET version = version + 1 WHERE id = 1").execute();
    }

    /** The generated rows, written with plain JDBC batches. */
    private static final class Rows {
        final List<Object[]> tickets = new ArrayList<>();
        final List<Object[]> messages = new ArrayList<>();
        final List<Object[]> keys = new ArrayList<>();
        final List<Object[]> exposed = new ArrayList<>();
        final List<Object[]> links = new ArrayList<>();
        private final java.util.Map<String, String> firstMessage = new java.util.HashMap<>();

        void message(Random r, String ticketId, String author, String operatorId, String body, String redactions, Instant at) {
            String id = PrefixedIds.next("msg_", at, r);
            firstMessage.putIfAbsent(ticketId, id);
            messages.add(new Object[] {id, ticketId, author, operatorId, body, redactions, at});
        }

        String firstMessageOf(String ticketId) {
            return firstMessage.get(ticketId);
        }

        /** Tickets and messages, the bulk. */
        void write(Handle h) {
            writeTickets(h);
            writeMessages(h);
        }

        void writeTickets(Handle h) {
            batch(h, "INSERT INTO tickets (id, account_id, category, subject, subject_lower, state, unsolved, priority, assignee, tags, "
                    + "redacted, created_at, updated_at, first_reply_due_at, first_reply_at, sla_stopped_at, replied_late, "
                    + "last_customer_at, solved_at, closed_at, message_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tickets);
        }

        void writeMessages(Handle h) {
            batch(h, "INSERT INTO ticket_messages (id, ticket_id, author, operator_id, body, redactions, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", messages);
        }

        /** The leaked keys, their findings and links: a handful of rows, after the tickets they point to. */
        void writeSmall(Handle h) {
            batch(h, "INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", keys);
            batch(h, "INSERT INTO ticket_exposed_keys (ticket_id, key_id, message_id, found_at, notify_owner_by, owner_notified_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", exposed);
            batch(h, "INSERT INTO ticket_links (ticket_id, kind, target_id) VALUES (?, ?, ?)", links);
        }

        private static void batch(Handle h, String sql, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            String[] columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(",");
            try {
                boolean auto = h.getConnection().getAutoCommit();
                h.getConnection().setAutoCommit(false);
                try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                    int pending = 0;
                    long written = 0;
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            Object v = row[i];
                            int p = i + 1;
                            String col = columns[i].trim();
                            if (v == null) {
                                ps.setNull(p, col.endsWith("_at") ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
                            } else if (v instanceof Instant t) {
                                ps.setObject(p, t.atOffset(ZoneOffset.UTC));
                            } else if (v instanceof Boolean b) {
                                ps.setBoolean(p, b);
                            } else if (v instanceof Integer n) {
                                ps.setInt(p, n);
                            } else {
                                ps.setString(p, (String) v);
                            }
                        }
                        ps.addBatch();
                        if (++pending == 1_000) {
                            ps.executeBatch();
                            pending = 0;
                        }
                        if (++written % COMMIT_EVERY == 0) {
                            h.getConnection().commit();
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
                h.getConnection().commit();
                h.getConnection().setAutoCommit(auto);
            } catch (SQLException e) {
                throw new IllegalStateException("writing demo tickets failed: " + e.getMessage(), e);
            }
        }
    }
}
