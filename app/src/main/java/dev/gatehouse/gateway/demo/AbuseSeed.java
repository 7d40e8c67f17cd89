package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Severity;
import dev.gatehouse.policy.StatementOfReasons;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo trust-and-safety queue (issue 9 item 8): about 300 reports over about 200 subjects, every category and
 * state, some breached, some due within the hour, some claimed by colleagues, some resolved with statements of
 * reasons (their enforcement taken through enforcement/StatusChanges), a handful of appeals, and the request log of
 * the last 7 days for every reported key and a sample of the others. Times are relative to {@code now}, so the queue
 * is live whenever the demo starts. {@link DemoScale#LARGE} adds 100,000 older reports for the benchmark.
 */
public final class AbuseSeed {
    private static final Logger log = LoggerFactory.getLogger(AbuseSeed.class);
    private static final long SALT = 0x5EED_AB05_0000_0009L;
    static final int SUBJECTS = 200;
    static final int LARGE_REPORTS = 100_000;

    /** Colleagues of the demo's trust-and-safety operator, so the queue shows reports claimed by others. */
    private static final String[][] COLLEAGUES = {{"op_ts_priya", "Priya Raman", "priya@demo.gatehouse.dev"},
            {"op_ts_marco", "Marco Bellini", "marco@demo.gatehouse.dev"}};
    private static final String[] REVIEWERS = {"op_trust", "op_ts_priya", "op_ts_marco", "op_lead"};

    private AbuseSeed() {}

    public record Result(int reports, int cases, int decisions, int appeals, int requestLogRows, long millis) {}

    private record Subject(String accountId, List<String> keys) {}

    public static Result seed(Database db, long seed, DemoScale scale, Instant now) {
        long started = System.nanoTime();
        Random r = new Random(seed ^ SALT);
        OperatorStore ops = new OperatorStore(db.jdbi());
        for (String[] c : COLLEAGUES) {
            ops.create(c[0], c[1], c[2], Role.TRUST_SAFETY);
        }
        List<String> models = db.jdbi().withHandle(h -> h.createQuery("SELECT slug FROM models ORDER BY id LIMIT 40")
                .mapTo(String.class).list());
        if (models.isEmpty()) {
            models = List.of("gpt-4o", "flux-pro", "veo-2");
        }
        List<Subject> subjects = subjects(db, r);
        Writer w = new Writer(r, now, models);
        db.jdbi().useTransaction(h -> {
            for (Subject s : subjects) {
                w.subject(h, s);
            }
            w.requestLogSample(h, subjects);
            w.flushLog(h);
            w.appeals(h);
            w.audit.sort(Comparator.comparing(AuditLog.Draft::at));
            AuditLog.appendAll(h, w.audit, r);
        });
        int large = 0;
        if (scale == DemoScale.LARGE) {
            large = LargeQueue.seed(db, r, now, subjects.stream().map(Subject::accountId).toList(), LARGE_REPORTS);
        }
        Result result = new Result(w.reports + large, w.cases, w.decisions, w.appeals, w.logRows, (System.nanoTime() - started) / 1_000_000);
        log.info("seeded {} abuse reports in {} cases, {} decisions, {} appeals, {} request-log rows in {} ms", result.reports(),
                result.cases(), result.decisions(), result.appeals(), result.requestLogRows(), result.millis());
        return result;
    }

    /** The large scale's older reports, {@code count} of them (tests seed a few thousand to check the path). */
    static int largeQueue(Database db, long seed, Instant now, int count) {
        return LargeQueue.seed(db, new Random(seed ^ SALT ^ 1), now, List.of(), count);
    }

    /** About 200 accounts that are not terminated and have a key, picked at random. */
    private static List<Subject> subjects(Database db, Random r) {
        return db.jdbi().withHandle(h -> {
            List<String> pool = h.createQuery("SELECT id FROM accounts WHERE status IN ('active', 'warned') ORDER BY id LIMIT 5000")
                    .mapTo(String.class).list();
            Set<String> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(SUBJECTS, pool.size())) {
                chosen.add(pool.get(r.nextInt(pool.size())));
            }
            Map<String, List<String>> keys = new LinkedHashMap<>();
            chosen.forEach(a -> keys.put(a, new ArrayList<>()));
            h.createQuery("SELECT id, account_id FROM api_keys WHERE account_id IN (<ids>) AND status = 'active' ORDER BY id")
                    .bindList("ids", List.copyOf(chosen))
                    .map((rs, c) -> Map.entry(rs.getString("account_id"), rs.getString("id")))
                    .forEach(e -> keys.get(e.getKey()).add(e.getValue()));
            return keys.entrySet().stream().map(e -> new Subject(e.getKey(), e.getValue())).toList();
        });
    }

    /** Generates and writes one subject's case history; collects audit drafts to chain at the end. */
    private static final class Writer {
        final Random r;
        final Instant now;
        final List<String> models;
        final List<AuditLog.Draft> audit = new ArrayList<>();
        final List<RequestLogStore.Row> log = new ArrayList<>();
        final Set<String> loggedKeys = new LinkedHashSet<>();
        final List<String[]> appealable = new ArrayList<>(); // {enforcement id, decision id, decision, decider}
        int reports;
        int cases;
        int decisions;
        int appeals;
        int logRows;

        Writer(Random r, Instant now, List<String> models) {
            this.r = r;
            this.now = now;
            this.models = models;
        }

        void subject(Handle h, Subject s) {
            String key = s.keys().isEmpty() ? null : s.keys().get(r.nextInt(s.keys().size()));
            if (key != null) {
                requestLog(key, s.accountId(), true);
            }
            flushLog(h);
            // earlier cases of this subject, already resolved, then perhaps the one in the queue now
            int roll = r.nextInt(100);
            boolean resolvedCase = roll < 55;
            boolean both = roll >= 90;
            if (resolvedCase || both) {
                writeCase(h, s, key, true);
            }
            if (!resolvedCase || both) {
                writeCase(h, s, key, false);
            }
        }

        void writeCase(Handle h, Subject s, String key, boolean resolved) {
            cases++;
            String caseId = null;
            int n = r.nextInt(100) < 70 ? 1 : 2 + r.nextInt(3);
            ReportCategory category = category();
            Instant firstReceived;
            if (resolved) {
                firstReceived = now.minus(Duration.ofMinutes(60L * 26 + r.nextInt(60 * 24 * 28)));
            } else {
                int band = r.nextInt(100);
                long minutesAgo = band < 12 ? 24 * 60 + 5 + r.nextInt(6 * 60) // breached
                        : band < 24 ? 23 * 60 + 2 + r.nextInt(55) // due within the hour
                        : band < 32 ? 23 * 60 - 14 + r.nextInt(10) // about 15 min from due: the notification
                        : r.nextInt(22 * 60); // on track
                firstReceived = now.minus(Duration.ofMinutes(minutesAgo));
            }
            // unresolved: open, claimed by the demo reviewer or a colleague, or escalated to a lead
            int stateRoll = r.nextInt(100);
            String state = resolved ? "resolved" : stateRoll < 55 ? "open" : stateRoll < 87 ? "in_review" : "escalated";
            String assignee = state.equals("in_review") ? REVIEWERS[r.nextInt(3)] : null;
            Instant claimedAt = assignee == null ? null : firstReceived.plus(Duration.ofMinutes(5 + r.nextInt(40)));
            if (claimedAt != null && claimedAt.isAfter(now)) claimedAt = now;
            String escalatedBy = state.equals("escalated") ? REVIEWERS[r.nextInt(3)] : null;
            List<String> ids = new ArrayList<>();
            List<Instant> received = new ArrayList<>();
            boolean csam = false;
            for (int i = 0; i < n; i++) {
                Instant at = firstReceived.plus(Duration.ofMinutes(i == 0 ? 0 : r.nextInt(90)));
                if (at.isAfter(now)) at = now;
                ReportCategory c = i == 0 || r.nextBoolean() ? category : category();
                csam |= c == ReportCategory.CSAM;
                String id = PrefixedIds.next("rpt_", at, r);
                if (caseId == null) caseId = PrefixedIds.next("case_", at, r);
                String reporterKind = new String[] {"external", "external", "automated", "internal"}[r.nextInt(4)];
                String reportKey = key != null && r.nextInt(4) > 0 ? key : null;
                Severity severity = c.defaultSeverity();
                Instant firstAction = state.equals("escalated") ? at.plus(Duration.ofMinutes(20 + r.nextInt(120))) : null;
                if (firstAction != null && firstAction.isAfter(now)) firstAction = now;
                h.createUpdate("INSERT INTO abuse_reports (id, case_id, category, severity, state, unresolved, description, account_id, "
                                + "key_id, reporter_kind, reporter_contact, reporter_detector, reporter_operator, received_at, due_at, "
                                + "target_at, first_action_at, assignee, claimed_at, escalated_to, escalated_by) VALUES (:id, :case, "
                                + ":cat, :sev, :state, :unresolved, :desc, :acct, :key, :rk, :contact, :detector, :rop, :at, :due, "
                                + ":target, :first, :assignee, :claimed, :escTo, :escBy)")
                        .bind("id", id).bind("case", caseId).bind("cat", c.wire()).bind("sev", severity.wire())
                        .bind("state", resolved ? "open" : state).bind("unresolved", true).bind("desc", description(c))
                        .bind("acct", s.accountId()).bind("key", reportKey).bind("rk", reporterKind)
                        .bind("contact", reporterKind.equals("external") ? CONTACTS[r.nextInt(CONTACTS.length)] : null)
                        .bind("detector", reporterKind.equals("automated") ? DETECTORS[r.nextInt(DETECTORS.length)] : null)
                        .bind("rop", reporterKind.equals("internal") ? "op_support" : null).bind("at", at)
                        .bind("due", ReportSla.dueAt(at)).bind("target", ReportSla.targetAt(at, severity)).bind("first", firstAction)
                        .bind("assignee", assignee).bind("claimed", claimedAt)
                        .bind("escTo", escalatedBy == null ? null : "lead").bind("escBy", escalatedBy).execute();
                if (reportKey != null || key != null) {
                    List<String> cited = RequestLogStore.recentIds(h, s.accountId(), reportKey, at.minus(Duration.ofDays(7)), 50);
                    cite(h, id, cited, c == ReportCategory.CSAM);
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("case_id", caseId);
                after.put("category", c.wire());
                after.put("severity", severity.wire());
                after.put("account_id", s.accountId());
                after.put("key_id", reportKey);
                audit.add(new AuditLog.Draft(at, reporterKind.equals("internal") ? "op_support" : "op_trust", "abuse_report.file", id,
                        null, null, after));
                ids.add(id);
                received.add(at);
                reports++;
            }
            if (assignee != null) {
                audit.add(new AuditLog.Draft(claimedAt, assignee, "abuse_report.claim", ids.get(0), null, null, Map.of("assignee", assignee)));
                if (r.nextBoolean()) comment(h, ids.get(0), assignee, claimedAt.plus(Duration.ofMinutes(3)));
            }
            if (escalatedBy != null) {
                comment(h, ids.get(0), escalatedBy, received.get(0).plus(Duration.ofMinutes(20)), "Escalated to lead: "
                        + ESCALATIONS[r.nextInt(ESCALATIONS.length)]);
            }
            if (resolved) {
                // the CSAM rules follow the gravest report of the case (as gateway/abuse/CaseResolution does)
                resolve(h, s, caseId, ids, received.get(0), csam ? ReportCategory.CSAM : category);
            }
        }

        /** A decision through the enforcement path, at a past instant; a step the account's state refuses falls back to dismissal. */
        void resolve(Handle h, Subject s, String caseId, List<String> ids, Instant received, ReportCategory category) {
            int roll = r.nextInt(100);
            // mostly answered in time; a few late ones keep the compliance honest
            Instant at = received.plus(Duration.ofMinutes(roll < 8 ? 24 * 60 + 30 + r.nextInt(600) : 10 + r.nextInt(20 * 60)));
            String reportKey = h.createQuery("SELECT key_id FROM abuse_reports WHERE id = :id").bind("id", ids.get(0))
                    .mapTo(String.class).findOne().orElse(null);
            ReportDecision decision = decision(category, reportKey != null);
            String decider = REVIEWERS[r.nextInt(3)];
            Integer hours = decision == ReportDecision.SUSPEND_ACCOUNT && r.nextBoolean() ? 72 : null;
            String facts = FACTS[r.nextInt(FACTS.length)];
            String enforcementId = null;
            if (decision != ReportDecision.DISMISS) {
                try {
                    StatusChanges.Request req = new StatusChanges.Request(decider, facts, hours, at);
                    if (decision.accountAction().isPresent()) {
                        Account a = AccountStore.lock(h, s.accountId()).orElseThrow();
                        StatusChanges.changeAccount(h, a, decision.accountAction().get(), req);
                    } else {
                        ApiKey k = KeyStore.lock(h, reportKey).orElseThrow();
                        StatusChanges.changeKey(h, k, decision.keyAction().get(), req);
                    }
                    enforcementId = h.createQuery("SELECT id FROM enforcement_actions WHERE account_id = :a AND actor = :d AND at = :at "
                                    + "ORDER BY id DESC LIMIT 1")
                            .bind("a", s.accountId()).bind("d", decider).bind("at", at).mapTo(String.class).one();
                } catch (ApiException refused) {
                    decision = ReportDecision.DISMISS;
                    hours = null;
                }
            }
            String clause = category.clause();
            StatementOfReasons sor = new StatementOfReasons(decision, facts, clause, hours, StatementOfReasons.HOW_TO_APPEAL);
            String decisionId = PrefixedIds.next("dec_", at, r);
            String le = category == ReportCategory.CSAM ? "NCMEC-" + (10_000_000 + r.nextInt(89_999_999)) : null;
            h.createUpdate("INSERT INTO abuse_decisions (id, case_id, report_id, account_id, key_id, decision, facts, policy_clause, "
                            + "duration_hours, how_to_appeal, statement, law_enforcement_ref, enforcement_id, decided_by, decided_at) "
                            + "VALUES (:id, :case, :report, :acct, :key, :decision, :facts, :clause, :hours, :appeal, :statement, :le, "
                            + ":enf, :by, :at)")
                    .bind("id", decisionId).bind("case", caseId).bind("report", ids.get(0)).bind("acct", s.accountId())
                    .bind("key", reportKey).bind("decision", decision.wire()).bind("facts", facts).bind("clause", clause)
                    .bind("hours", hours).bind("appeal", StatementOfReasons.HOW_TO_APPEAL).bind("statement", sor.text()).bind("le", le)
                    .bind("enf", enforcementId).bind("by", decider).bind("at", at).execute();
            h.createUpdate("UPDATE abuse_reports SET state = 'resolved', unresolved = FALSE, resolved_at = :at, decision_id = :d, "
                            + "first_action_at = :at, assignee = :by, claimed_at = received_at WHERE id IN (<ids>)")
                    .bind("at", at).bind("d", decisionId).bind("by", decider).bindList("ids", ids).execute();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("decision", decision.wire());
            after.put("decision_id", decisionId);
            after.put("reports", ids);
            audit.add(new AuditLog.Draft(at, decider, "abuse_report.resolve", ids.get(0), facts, null, after));
            decisions++;
            if (enforcementId != null) {
                appealable.add(new String[] {enforcementId, decisionId, decision.wire(), decider, s.accountId(), reportKey});
            }
        }

        ReportDecision decision(ReportCategory category, boolean hasKey) {
            int roll = r.nextInt(100);
            if (category == ReportCategory.CSAM) {
                return ReportDecision.TERMINATE_ACCOUNT;
            }
            if (roll < 38) return ReportDecision.DISMISS;
            if (roll < 62) return ReportDecision.WARN;
            if (roll < 76) return hasKey ? ReportDecision.SUSPEND_KEY : ReportDecision.WARN;
            if (roll < 86) return ReportDecision.SUSPEND_ACCOUNT;
            if (roll < 95) return hasKey ? ReportDecision.REVOKE_KEY : ReportDecision.SUSPEND_ACCOUNT;
            return category.severe() ? ReportDecision.TERMINATE_ACCOUNT : ReportDecision.SUSPEND_ACCOUNT;
        }

        /** A handful of appeals against recent enforcement: most still open, two decided. */
        void appeals(Handle h) {
            int n = Math.min(7, appealable.size());
            for (int i = 0; i < n; i++) {
                String[] e = appealable.get(appealable.size() - 1 - i);
                Instant filed = now.minus(Duration.ofHours(2 + r.nextInt(70)));
                String id = PrefixedIds.next("apl_", filed, r);
                boolean decided = i >= n - 2;
                String decidedBy = decided ? (e[3].equals("op_lead") ? "op_ts_priya" : "op_lead") : null;
                h.createUpdate("INSERT INTO appeals (id, enforcement_id, decision_id, account_id, key_id, original_decision, "
                                + "original_decider, statement, state, outcome, reason, outcome_text, filed_by, filed_at, decided_by, "
                                + "decided_at) VALUES (:id, :enf, :dec, :acct, :key, :orig, :decider, :statement, :state, :outcome, "
                                + ":reason, :text, 'op_support', :filed, :by, :at)")
                        .bind("id", id).bind("enf", e[0]).bind("dec", e[1]).bind("acct", e[4]).bind("key", e[5]).bind("orig", e[2])
                        .bind("decider", e[3]).bind("statement", APPEALS[i % APPEALS.length]).bind("state", decided ? "decided" : "open")
                        .bind("outcome", decided ? "upheld" : null)
                        .bind("reason", decided ? "The request log shows the reported prompts came from this key." : null)
                        .bind("text", decided ? "The decision stands." : null).bind("filed", filed).bind("by", decidedBy)
                        .bind("at", decided ? filed.plus(Duration.ofHours(1)) : null).execute();
                audit.add(new AuditLog.Draft(filed, "op_support", "appeal.file", id, null, null, Map.of("enforcement_id", e[0])));
                appeals++;
            }
        }

        void comment(Handle h, String reportId, String author, Instant at) {
            comment(h, reportId, author, at, COMMENTS[r.nextInt(COMMENTS.length)]);
        }

        void comment(Handle h, String reportId, String author, Instant at, String body) {
            if (at.isAfter(now)) at = now;
            h.createUpdate("INSERT INTO abuse_comments (id, report_id, author, body, at) VALUES (:id, :r, :a, :b, :at)")
                    .bind("id", PrefixedIds.next("cmt_", at, r)).bind("r", reportId).bind("a", author).bind("b", body).bind("at", at)
                    .execute();
        }

        void cite(Handle h, String reportId, List<String> requests, boolean preserved) {
            if (requests.isEmpty()) return;
            var batch = h.prepareBatch("INSERT INTO abuse_evidence (report_id, request_id, preserved) VALUES (:r, :q, :p)");
            requests.forEach(q -> batch.bind("r", reportId).bind("q", q).bind("p", preserved).add());
            batch.execute();
        }

        /** The last 7 days of a key: a few requests an hour while it is busy, with the prompts the reports are about. */
        void requestLog(String key, String account, boolean reported) {
            if (!loggedKeys.add(key)) return;
            int perDay = reported ? 6 + r.nextInt(14) : 2 + r.nextInt(6);
            for (int d = 0; d < 7; d++) {
                for (int i = 0; i < perDay; i++) {
                    Instant at = now.minus(Duration.ofSeconds(d * 86_400L + r.nextInt(86_400)));
                    String model = models.get(r.nextInt(models.size()));
                    boolean image = model.contains("image") || model.contains("flux") || model.contains("dall") || model.contains("sd");
                    boolean video = model.contains("veo") || model.contains("video") || model.contains("sora") || model.contains("kling");
                    BigDecimal units = video ? BigDecimal.valueOf(4 + r.nextInt(8)) : image ? BigDecimal.ONE : BigDecimal.valueOf(200 + r.nextInt(4000));
                    String unit = video ? "seconds" : image ? "images" : "tokens";
                    BigDecimal cost = (video ? units.multiply(new BigDecimal("0.120000")) : image ? new BigDecimal("0.040000")
                            : units.multiply(new BigDecimal("0.000010"))).setScale(6, RoundingMode.HALF_UP);
                    int status = r.nextInt(100) < 6 ? (r.nextBoolean() ? 429 : 400) : 200;
                    log.add(new RequestLogStore.Row(PrefixedIds.next("req_", at, r), key, account, model, at, status, 120 + r.nextInt(9000),
                            units, unit, status == 200 ? cost : BigDecimal.ZERO.setScale(6), PROMPTS[r.nextInt(PROMPTS.length)]));
                }
            }
        }

        /** Keys nobody reported, so the log is not only evidence. */
        void requestLogSample(Handle h, List<Subject> subjects) {
            List<Map.Entry<String, String>> others = h.createQuery("SELECT id, account_id FROM api_keys WHERE status = 'active' "
                            + "ORDER BY id LIMIT 300")
                    .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("account_id"))).list();
            for (var k : others) {
                if (r.nextInt(3) == 0) requestLog(k.getKey(), k.getValue(), false);
            }
        }

        void flushLog(Handle h) {
            RequestLogStore.insert(h, log);
            logRows += log.size();
            log.clear();
        }

        ReportCategory category() {
            int roll = r.nextInt(100);
            ReportCategory[] all = ReportCategory.values();
            // the critical ones are rare; spam, fraud and circumvention are the bulk of a real queue
            if (roll < 3) return ReportCategory.CSAM;
            if (roll < 7) return ReportCategory.NON_CONSENSUAL_IMAGERY;
            if (roll < 10) return ReportCategory.TERRORISM_VIOLENCE;
            return all[3 + r.nextInt(all.length - 3)];
        }

        String description(ReportCategory c) {
            return switch (c) {
                case CSAM -> "Classifier flagged generated images as sexualising minors; hashes matched a known list.";
                case NON_CONSENSUAL_IMAGERY -> "A person reports deepfake intimate images of them generated through this key.";
                case TERRORISM_VIOLENCE -> "Prompts asking for recruitment posters for a banned organisation.";
                case HATE_HARASSMENT -> "Generated images used to harass a named streamer; reporter sent links.";
                case FRAUD_DECEPTION -> "Fake invoices and phishing pages generated in bulk, branded as a bank.";
                case MALWARE_ATTACK -> "The key sends bursts of malformed requests probing the gateway.";
                case IP_INFRINGEMENT -> "Rights holder reports generated merchandise copying their characters.";
                case KEY_SHARING_RESALE -> "The key appears in a reseller's Telegram channel offering cheap API access.";
                case RATE_LIMIT_CIRCUMVENTION -> "Persistent 429s on one key, then the same traffic spread over new keys.";
                case MULTI_ACCOUNT -> "Same card and device fingerprint as three other free-tier accounts.";
                case SPAM -> "Bulk generated marketing text posted to forums; reporter forwarded samples.";
                case OTHER -> "Reporter says the output was used to impersonate a government office.";
            };
        }
    }

    private static final String[] CONTACTS = {"abuse@hostingco.example", "trust@socialapp.example", "legal@studio.example",
            "reports@cert.example", "someone@mail.example"};
    private static final String[] DETECTORS = {"image-safety-classifier v3", "rate-limit-watch", "phishing-url-scanner",
            "hash-match (industry list)", "key-leak-scanner"};
    private static final String[] ESCALATIONS = {"repeat offender, needs a termination call", "press enquiry attached",
            "legal asked to review before we act", "possible law-enforcement request"};
    private static final String[] COMMENTS = {"Checked the request log: the flagged prompts all come from this key.",
            "Customer is a reseller; their end user may be the source.", "Asked the reporter for the original URLs.",
            "Same pattern as last month's case on this account.", "Evidence reviewed; drafting the statement."};
    private static final String[] FACTS = {"Between 02:00 and 04:00 UTC the key generated 140 images matching the report; the request log shows the prompts.",
            "The account generated phishing pages branded as a bank and linked them in spam sent to the reporter.",
            "Requests from this key matched the reported content; the customer did not answer our notice.",
            "The key was offered for resale in a public channel and used from 40 networks in a day.",
            "Reviewed the reported outputs and the request log; no breach of the terms was found."};
    private static final String[] APPEALS = {"We were testing our own moderation filters; the prompts were test cases.",
            "A contractor misused our key; we have rotated it and removed their access.",
            "The flagged images are satire of a public figure and clearly labelled.",
            "We never resold access; the key was leaked from a public repository.",
            "Our end user has been banned; please restore access for our other customers.",
            "The report came from a competitor and is false.", "We did not receive the warning before the suspension."};
    private static final String[] PROMPTS = {"A watercolour of a lighthouse at dawn, soft light",
            "Write a product description for noise-cancelling headphones",
            "Generate an invoice from First National Bank, account 4111 1111 1111 1111, due today",
            "Login page identical to the bank's, ask for password: hunter2 password=Winter2024!",
            "Poster in the style of a banned group's propaganda, recruitment slogan",
            "Summarise this support thread; my key is sk-live-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c if you need it",
            "Photorealistic image of a named actress, explicit, without consent",
            "10 variations of our mascot for merchandise, same character as the famous cartoon mouse",
            "Translate this marketing email into Spanish and German", "Video: drone shot over a snowy mountain village, 8 seconds",
            "Flagged by the image-safety classifier; prompt text held for law enforcement"};

    /** The large scale's 100,000 older reports: mostly resolved dismissals, a few thousand still in the queue. */
    private static final class LargeQueue {
        static int seed(Database db, Random r, Instant now, List<String> accounts, int count) {
            List<String> pool = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE status IN ('active', 'warned') "
                    + "ORDER BY id LIMIT 50000").mapTo(String.class).list());
            if (pool.isEmpty()) pool = accounts;
            ReportCategory[] cats = ReportCategory.values();
            List<String> finalPool = pool;
            db.jdbi().useTransaction(h -> {
                try (PreparedStatement rep = h.getConnection().prepareStatement("INSERT INTO abuse_reports (id, case_id, category, severity, "
                        + "state, unresolved, description, account_id, reporter_kind, reporter_detector, received_at, due_at, target_at, "
                        + "first_action_at, resolved_at, decision_id, assignee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'automated', ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement dec = h.getConnection().prepareStatement("INSERT INTO abuse_decisions (id, case_id, report_id, "
                             + "account_id, decision, facts, policy_clause, how_to_appeal, statement, decided_by, decided_at) VALUES "
                             + "(?, ?, ?, ?, 'dismiss', ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < count; i++) {
                        boolean open = r.nextInt(100) < 4;
                        Instant at = open ? now.minus(Duration.ofMinutes(r.nextInt(26 * 60)))
                                : now.minus(Duration.ofMinutes(27 * 60 + r.nextInt(89 * 24 * 60)));
                        ReportCategory c = cats[3 + r.nextInt(cats.length - 3)];
                        String id = PrefixedIds.next("rpt_", at, r);
                        String caseId = PrefixedIds.next("case_", at, r);
                        String acct = finalPool.get(r.nextInt(finalPool.size()));
                        Instant acted = open ? null : at.plus(Duration.ofMinutes(10 + r.nextInt(r.nextInt(10) == 0 ? 40 * 60 : 20 * 60)));
                        String decider = REVIEWERS[r.nextInt(REVIEWERS.length)];
                        String decisionId = open ? null : PrefixedIds.next("dec_", acted, r);
                        rep.setString(1, id);
                        rep.setString(2, caseId);
                        rep.setString(3, c.wire());
                        rep.setString(4, c.defaultSeverity().wire());
                        rep.setString(5, open ? "open" : "resolved");
                        rep.setBoolean(6, open);
                        rep.setString(7, "Automated detection: " + c.label().toLowerCase(java.util.Locale.ROOT) + " pattern in recent traffic.");
                        rep.setString(8, acct);
                        rep.setString(9, DETECTORS[r.nextInt(DETECTORS.length)]);
                        setInstant(rep, 10, at);
                        setInstant(rep, 11, ReportSla.dueAt(at));
                        setInstant(rep, 12, ReportSla.targetAt(at, c.defaultSeverity()));
                        setInstant(rep, 13, acted);
                        setInstant(rep, 14, acted);
                        rep.setString(15, decisionId);
                        rep.setString(16, open ? null : decider);
                        rep.addBatch();
                        if (!open) {
                            String facts = "Automated detection reviewed; no breach found.";
                            dec.setString(1, decisionId);
                            dec.setString(2, caseId);
                            dec.setString(3, id);
                            dec.setString(4, acct);
                            dec.setString(5, facts);
                            dec.setString(6, c.clause());
                            dec.setString(7, StatementOfReasons.HOW_TO_APPEAL);
                            dec.setString(8, new StatementOfReasons(ReportDecision.DISMISS, facts, c.clause(), null,
                                    StatementOfReasons.HOW_TO_APPEAL).text());
                            dec.setString(9, decider);
                            setInstant(dec, 10, acted);
                            dec.addBatch();
                        }
                        if (i % 5_000 == 4_999) {
                            rep.executeBatch();
                            dec.executeBatch();
                        }
                    }
                    rep.executeBatch();
                    dec.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("seeding the large abuse queue failed", e);
                }
            });
            if (db.isPostgres()) {
                db.jdbi().useHandle(h -> h.execute("ANALYZE abuse_reports"));
            }
            return count;
        }

        private static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
            if (at == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i, at.atOffset(java.time.ZoneOffset.UTC));
            }
        }
    }
}
