package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.policy.CreditLots;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Demo accounts, keys, credit lots, 90 days of ledger and enforcement history, deterministic from the seed.
 * The ledger is produced by replaying grants, usage and expiries through {@link CreditLots}, the same arithmetic
 * the gateway uses, so sum(ledger) == balance == sum(remaining of unexpired lots) holds for every account.
 * Rows are written with plain JDBC batches, committed every 20,000 rows; the large seed goes through {@link BulkLoad}.
 */
public final class AccountSeed {
    private static final Logger log = LoggerFactory.getLogger(AccountSeed.class);
    private static final long SALT = 0x5EED_ACC7_0000_0003L;
    private static final int CHUNK = 4_000;

    private AccountSeed() {}

    public record Result(int accounts, int keys, int lots, int ledgerEntries, int auditEntries, long millis) {}

    public static Result seed(Database db, long seed, DemoScale scale) {
        return seed(db, seed, scale, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static Result seed(Database db, long seed, DemoScale scale, Instant now) {
        long started = System.nanoTime();
        Random r = new Random(seed ^ SALT);
        boolean large = scale == DemoScale.LARGE;
        int accounts = large ? 200_000 : 2_000;
        int[] totals = new int[4];
        List<AuditLog.Draft> audit = new ArrayList<>();
        // accounts are generated oldest first, so their time-ordered ids arrive in primary-key order
        long[] createdOffsets = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            createdOffsets[i] = 1 + (long) (r.nextDouble() * 730L * 86_400);
        }
        java.util.Arrays.sort(createdOffsets);
        long g0 = System.nanoTime();
        // at large scale each half of the accounts draws from its own random stream, on its own core
        int parts = large ? 2 : 1;
        List<Chunk> chunks = new ArrayList<>();
        List<List<AuditLog.Draft>> audits = new ArrayList<>();
        List<Runnable> generate = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            Random pr = p == 0 ? r : new Random(seed ^ SALT ^ (0x9E37_79B9_7F4A_7C15L * p));
            Chunk chunk = new Chunk(p);
            List<AuditLog.Draft> partAudit = new ArrayList<>();
            chunks.add(chunk);
            audits.add(partAudit);
            int from = accounts * p / parts;
            int to = accounts * (p + 1) / parts;
            generate.add(() -> {
                for (int i = from; i < to; i++) {
                    generateAccount(pr, now.minusSeconds(createdOffsets[accounts - 1 - i]), now, large, chunk, partAudit);
                }
            });
        }
        Parallel.run(generate, "generating demo data");
        Chunk all = Chunk.concat(chunks);
        audits.forEach(audit::addAll);
        long generating = System.nanoTime() - g0;
        totals[0] = all.accounts.size();
        totals[1] = all.keys.size();
        totals[2] = all.lots.size();
        totals[3] = all.ledger.size();
        int auditEntries = audit.size();
        long w0 = System.nanoTime();
        boolean bulk = large && !db.isPostgres();
        if (bulk) {
            audit.sort(Comparator.comparing(AuditLog.Draft::at));
            // the million keys are the long pole, so they load first (see BulkLoad)
            BulkLoad.withoutIndexes(db.jdbi(), List.of(
                    new BulkLoad.Load(List.of("api_keys"), h -> {
                        all.sortKeys();
                        all.write(h, List.of("api_keys"));
                    }),
                    new BulkLoad.Load(List.of("accounts", "credit_lots", "ledger_entries", "enforcement_actions", "audit_entries"), h -> {
                        all.sortLotsAndEnforcement();
                        all.write(h, List.of("accounts", "credit_lots", "ledger_entries", "enforcement_actions"));
                        h.useTransaction(t -> AuditLog.appendAll(t, audit, r));
                        audit.clear();
                    })));
        } else {
            all.sortKeys();
            all.sortLotsAndEnforcement();
            db.jdbi().useHandle(h -> all.write(h, Chunk.TABLES));
        }
        // ledger lines carry their seq, so the next real line must draw max + 1
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE ledger_entries ALTER COLUMN seq RESTART WITH "
                + (h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM ledger_entries").mapTo(Long.class).one() + 1)));
        long writing = System.nanoTime() - w0;
        if (!bulk) {
            audit.sort(Comparator.comparing(AuditLog.Draft::at));
            db.jdbi().useTransaction(h -> AuditLog.appendAll(h, audit, r));
        }
        if (large && db.isPostgres()) {
            // fresh statistics for the planner, and a visibility map so index-only scans skip the heap
            db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        }
        Result result = new Result(totals[0], totals[1], totals[2], totals[3], auditEntries, (System.nanoTime() - started) / 1_000_000);
        log.info("seeded {} accounts, {} keys, {} credit lots, {} ledger entries, {} audit entries in {} ms ({} ms generating, {} ms writing)",
                result.accounts(), result.keys(), result.lots(), result.ledgerEntries(), result.auditEntries(), result.millis(),
                generating / 1_000_000, writing / 1_000_000);
        return result;
    }

    // ---------------------------------------------------------------- generation

    private static final String[] COMPANY_A = {"North", "Blue", "Silver", "Iron", "Bright", "Quiet", "Red", "Cedar", "Harbor",
            "Summit", "Lumen", "Nova", "Pixel", "Vector", "Atlas", "Orbit", "Echo", "Granite", "Maple", "Coral", "Falcon",
            "Juniper", "Kestrel", "Meridian", "Onyx", "Prism", "Quantum", "Sable", "Tidal", "Umber", "Willow", "Zephyr",
            "Acme", "Beacon", "Copper", "Delta", "Ember", "Fjord", "Helix", "Indigo"};
    private static final String[] COMPANY_B = {"wind", "fin", "leaf", "stone", "path", "forge", "field", "light", "wave",
            "bridge", "works", "point", "line", "gate", "craft", "mind", "scale", "spark", "loop", "grid"};
    private static final String[] COMPANY_C = {"Labs", "AI", "Robotics", "Studio", "Analytics", "Systems", "Health",
            "Media", "Games", "Software", "Logistics", "Bio", "Security", "Learning", "Commerce", "Inc", "GmbH", "Ltd"};
    private static final String[] FIRST = {"Ava", "Liam", "Mia", "Noah", "Emma", "Mateo", "Sofia", "Lucas", "Amara", "Kenji",
            "Priya", "Omar", "Chloe", "Ethan", "Yuki", "Leila", "Diego", "Hana", "Jonas", "Fatima", "Arjun", "Ingrid",
            "Tomasz", "Aisha", "Wei", "Elena", "Kwame", "Nora", "Rafael", "Sana", "Mikhail", "Zoe", "Ibrahim", "Greta",
            "Tariq", "Lucia", "Daniel", "Mei", "Oscar", "Freya"};
    private static final String[] LAST = {"Nguyen", "Smith", "Garcia", "Müller", "Rossi", "Kowalski", "Tanaka", "Okafor",
            "Haddad", "Johansson", "Patel", "Kim", "Silva", "Dubois", "Novak", "Cohen", "Ivanova", "Moreau", "Chen",
            "Andersen", "Mensah", "Rahman", "O'Brien", "Schmidt", "Yilmaz", "Costa", "Lindqvist", "Sato", "Reyes", "Fischer"};
    private static final String[] MAIL = {"gmail.com", "outlook.com", "proton.me", "icloud.com", "fastmail.com", "yahoo.com"};
    private static final String[] KEY_NAMES = {"production", "staging", "dev laptop", "ci-runner", "batch jobs",
            "mobile app", "backend", "zapier", "eval harness", "image pipeline", "support bot", "default"};
    private static final String[] MODELS = {"openai/gpt-4.1", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4",
            "anthropic/claude-haiku-3.5", "google/gemini-2.5-pro", "google/gemini-2.5-flash", "deepseek/deepseek-v3",
            "qwen/qwen3-235b", "xai/grok-3", "bfl/flux-1.1-pro", "bytedance/seedream-3", "kuaishou/kling-2.1",
            "alibaba/wan-2.2", "openai/gpt-image-1", "google/veo-3"};
    private static final String[] TIERS = {"free", "starter", "pro", "enterprise"};
    private static final String[] WARN_REASONS = {
            "Repeated 429s from several keys: rate-limit circumvention warning (ai-visual-studio §4).",
            "Generated content flagged for impersonation; notice given, 14 days to cure (ai-visual-studio §15).",
            "Payment dispute opened; account warned pending resolution (ai-visual-studio §15)."};
    private static final String[] SUSPEND_REASONS = {
            "Payment overdue for more than 7 days (ai-visual-studio §15).",
            "Spam generation at scale through several keys (apimart §10).",
            "Credit abuse: signup rewards farmed across linked accounts (pixapi §13).",
            "Security risk: credentials posted publicly, access suspended pending rotation (pixapi §13)."};
    private static final String[] TERMINATE_REASONS = {
            "Severe breach: non-consensual imagery generation; terminated at once (ai-visual-studio §15).",
            "Fraudulent payments confirmed by the processor (apimart §10).",
            "Uncured breach after 14-day notice (ai-visual-studio §15)."};
    private static final String[] KEY_REASONS = {
            "Key exposed in a public repository; suspended until rotated (ai-visual-studio §3).",
            "Key used from a botnet pattern; suspended pending review (ai-visual-studio §15).",
            "Key compromise reported by the owner (ai-visual-studio §3)."};
    private static final String[] OPERATORS = {"op_trust", "op_lead", "op_support"};

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String weighted(Random r, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) return values[i];
        }
        return values[values.length - 1];
    }

    private static Instant before(Instant t, Random r, long maxSeconds) {
        return t.minusSeconds(1 + (long) (r.nextDouble() * maxSeconds));
    }

    private static void generateAccount(Random r, Instant created, Instant now, boolean large, Chunk chunk, List<AuditLog.Draft> audit) {
        String id = PrefixedIds.next("acct_", created, r);
        String name;
        String email;
        String first = pick(r, FIRST);
        String last = pick(r, LAST);
        String localPart = ascii(first) + "." + ascii(last);
        if (r.nextInt(100) < 65) {
            String brand = pick(r, COMPANY_A) + pick(r, COMPANY_B);
            name = brand + " " + pick(r, COMPANY_C);
            email = (r.nextBoolean() ? localPart : pick(r, new String[] {"billing", "dev", "ops", "admin", "team"}))
                    + "@" + brand.toLowerCase(Locale.ROOT) + pick(r, new String[] {".com", ".io", ".ai", ".dev", ".co"});
        } else {
            name = first + " " + last;
            email = localPart + (r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100)) : "") + "@" + pick(r, MAIL);
        }
        String tier = weighted(r, TIERS, new int[] {50, 25, 18, 7});
        String status = weighted(r, new String[] {"active", "warned", "suspended", "terminated"}, new int[] {84, 6, 7, 3});
        Instant suspendedUntil = null;

        // enforcement history of the account, oldest first
        if (!status.equals("active")) {
            Instant warnedAt = before(now, r, 60L * 86_400);
            if (warnedAt.isBefore(created)) warnedAt = created.plusSeconds(3600);
            enforce(chunk, audit, r, id, null, "account", "warn", pick(r, WARN_REASONS), warnedAt, null, null, "active", "warned");
            if (status.equals("suspended") || status.equals("terminated")) {
                Instant at = warnedAt.plusSeconds(3600 + r.nextInt(20 * 86_400));
                if (at.isAfter(now)) at = now.minusSeconds(60);
                Integer hours = status.equals("suspended") && r.nextInt(10) < 4 ? 24 * (1 + r.nextInt(30)) : null;
                Instant until = hours == null ? null : at.plus(Duration.ofHours(hours));
                if (until != null && !until.isAfter(now)) {
                    until = now.plus(Duration.ofHours(1 + r.nextInt(72)));
                }
                if (status.equals("suspended")) suspendedUntil = until;
                enforce(chunk, audit, r, id, null, "account", "suspend", pick(r, SUSPEND_REASONS), at, hours, until, "warned", "suspended");
                if (status.equals("terminated")) {
                    Instant tAt = at.plusSeconds(3600 + r.nextInt(5 * 86_400));
                    if (tAt.isAfter(now)) tAt = now.minusSeconds(30);
                    enforce(chunk, audit, r, id, null, "account", "terminate", pick(r, TERMINATE_REASONS), tAt, null, null,
                            "suspended", "terminated");
                }
            }
        }

        // keys
        int keyCount = 1 + r.nextInt(large ? 9 : 5);
        for (int k = 0; k < keyCount; k++) {
            Instant kCreated = created.plusSeconds((long) (r.nextDouble() * Duration.between(created, now).getSeconds()));
            String mode = r.nextInt(10) < 7 ? "live" : "test";
            KeySecrets.Secret secret = KeySecrets.newSecret(mode, r);
            String keyId = PrefixedIds.next("key_", kCreated, r);
            String kStatus = status.equals("terminated") ? "revoked"
                    : weighted(r, new String[] {"active", "suspended", "revoked", "expired"}, new int[] {88, 4, 5, 3});
            Instant expires = null;
            if (kStatus.equals("expired")) {
                expires = kCreated.plusSeconds((long) (r.nextDouble() * Duration.between(kCreated, now).getSeconds()));
            } else if (r.nextInt(10) == 0) {
                expires = now.plus(Duration.ofDays(1 + r.nextInt(365)));
            }
            Instant lastUsed = r.nextInt(5) == 0 ? null
                    : kCreated.plusSeconds((long) (r.nextDouble() * Duration.between(kCreated, expires != null && expires.isBefore(now) ? expires : now).getSeconds()));
            chunk.keys.add(new Object[] {keyId, id, pick(r, KEY_NAMES), mode, secret.hash(), secret.prefix(), secret.last4(), kStatus,
                    kCreated, expires, lastUsed});
            Instant actAt = lastUsed == null ? kCreated.plusSeconds(60) : lastUsed.plusSeconds(60);
            if (actAt.isAfter(now)) actAt = now.minusSeconds(5);
            if (kStatus.equals("suspended")) {
                enforce(chunk, audit, r, id, keyId, "key", "suspend", pick(r, KEY_REASONS), actAt, null, null, "active", "suspended");
            } else if (kStatus.equals("revoked") && !status.equals("terminated") && r.nextInt(10) < 4) {
                enforce(chunk, audit, r, id, keyId, "key", "revoke", pick(r, KEY_REASONS), actAt, null, null, "active", "revoked");
            }
        }

        // credit: lots and the events that move them, replayed in time order
        List<Event> events = new ArrayList<>();
        if (!large || created.isAfter(now.minus(Duration.ofDays(30)))) {
            // at large scale only the rewards still running are seeded, to keep the ledger light
            events.add(Event.lot(created, "signup_reward", Money.of("5"), Money.zero(), created.plus(Duration.ofDays(30))));
        }
        int purchases = large ? (tier.equals("free") ? 0 : 1) : switch (tier) {
            case "free" -> r.nextInt(3);
            case "starter" -> 1 + r.nextInt(3);
            case "pro" -> 2 + r.nextInt(4);
            default -> 3 + r.nextInt(5);
        };
        for (int p = 0; p < purchases; p++) {
            Instant at = created.plusSeconds((long) (r.nextDouble() * Duration.between(created, now).getSeconds()));
            BigDecimal paid = Money.of(pick(r, tier.equals("enterprise") ? new String[] {"500", "1000", "2500"}
                    : new String[] {"10", "25", "50", "100"}));
            BigDecimal credit = r.nextInt(4) == 0 ? Money.normalize(paid.multiply(new BigDecimal("1.10"))) : paid;
            events.add(Event.lot(at, "purchase", credit, paid, at.plus(Duration.ofDays(365))));
        }
        if (r.nextInt(large ? 20 : 5) == 0) {
            Instant at = created.plusSeconds((long) (r.nextDouble() * Duration.between(created, now).getSeconds()));
            events.add(Event.lot(at, "promotion", Money.of(pick(r, new String[] {"2", "5", "10"})), Money.zero(), at.plus(Duration.ofDays(60))));
        }
        if (r.nextInt(large ? 40 : 12) == 0) {
            Instant at = created.plusSeconds((long) (r.nextDouble() * Duration.between(created, now).getSeconds()));
            events.add(Event.lot(at, "manual_grant", Money.of(pick(r, new String[] {"20", "50"})), Money.zero(),
                    r.nextBoolean() ? null : at.plus(Duration.ofDays(90))));
        }
        Instant historyStart = now.minus(Duration.ofDays(90));
        if (historyStart.isBefore(created)) historyStart = created;
        BigDecimal scaleOfUse = switch (tier) {
            case "free" -> new BigDecimal("0.05");
            case "starter" -> new BigDecimal("0.40");
            case "pro" -> new BigDecimal("1.50");
            default -> new BigDecimal("9.00");
        };
        int usageEvents = large ? r.nextInt(3) : 4 + r.nextInt(24);
        long span = Duration.between(historyStart, status.equals("terminated") || status.equals("suspended") ? now.minus(Duration.ofDays(1)) : now).getSeconds();
        for (int u = 0; u < usageEvents && span > 0; u++) {
            Instant at = historyStart.plusSeconds((long) (r.nextDouble() * span));
            BigDecimal amount = Money.normalize(scaleOfUse.multiply(BigDecimal.valueOf(1 + r.nextInt(2_000_000), 6)));
            if (amount.signum() > 0) events.add(Event.usage(at, amount, pick(r, MODELS)));
        }
        events.sort(Comparator.comparing(Event::at));
        replay(r, id, events, now, chunk);

        chunk.accounts.add(new Object[] {id, name, name.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT),
                email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT), status, tier, chunk.lastBalance, created,
                suspendedUntil, 1L + chunk.lastVersionBumps});
        chunk.lastVersionBumps = 0;
    }

    private static final Map<String, String> ASCII = new java.util.concurrent.ConcurrentHashMap<>();

    /** "Müller" → "muller", for e-mail local parts; the names come from two short lists, so each is worked out once. */
    private static String ascii(String s) {
        return ASCII.computeIfAbsent(s, n -> java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
    }

    private static void enforce(Chunk chunk, List<AuditLog.Draft> audit, Random r, String accountId, String keyId, String type,
                                String action, String reason, Instant at, Integer hours, Instant until, String from, String to) {
        String actor = keyId != null && action.equals("suspend") ? pick(r, OPERATORS) : OPERATORS[r.nextInt(2)];
        at = at.truncatedTo(ChronoUnit.MILLIS);
        chunk.enforcement.add(new Object[] {PrefixedIds.next("enf_", at, r), accountId, keyId, type, action, reason, actor, at, hours, until});
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", from);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        if (until != null) after.put("suspended_until", until);
        audit.add(new AuditLog.Draft(at, actor, type + "." + action, keyId != null ? keyId : accountId, reason, before, after));
        if (keyId == null) chunk.lastVersionBumps++;
    }

    /** A grant or a usage at a point in time. */
    private record Event(Instant at, String lotKind, BigDecimal amount, BigDecimal paid, Instant expires, String model) {
        static Event lot(Instant at, String kind, BigDecimal amount, BigDecimal paid, Instant expires) {
            return new Event(at, kind, amount, paid, expires, null);
        }

        static Event usage(Instant at, BigDecimal amount, String model) {
            return new Event(at, null, amount, null, null, model);
        }
    }

    /** Replays the account's credit events through {@link CreditLots}, producing lots and ledger lines. */
    private static void replay(Random r, String accountId, List<Event> events, Instant now, Chunk chunk) {
        List<CreditLots.Lot> lots = new ArrayList<>();
        Map<String, Object[]> lotRows = new HashMap<>();
        BigDecimal balance = Money.zero();
        for (Event e : events) {
            balance = expire(accountId, lots, lotRows, e.at(), balance, chunk);
            if (e.lotKind() != null) {
                String lotId = PrefixedIds.next("lot_", e.at(), r);
                lots.add(new CreditLots.Lot(lotId, e.amount(), e.at(), e.expires()));
                Object[] row = {lotId, accountId, e.lotKind(), e.amount(), e.amount(), e.paid(), e.at(), e.expires()};
                lotRows.put(lotId, row);
                chunk.lots.add(row);
                balance = balance.add(e.amount());
                chunk.ledger(r, accountId, e.at(), e.lotKind().equals("purchase") ? "purchase" : "grant", e.amount(), lotId, balance,
                        e.lotKind().replace('_', ' '), e.lotKind().equals("manual_grant") ? "op_support" : "system");
            } else {
                CreditLots.Draw d = CreditLots.draw(lots, e.amount(), e.at());
                if (!d.covered()) {
                    continue; // the API refused this request with 402: nothing is debited
                }
                for (CreditLots.Portion p : d.portions()) {
                    take(lots, lotRows, p.lotId(), p.amount());
                    balance = balance.subtract(p.amount());
                    chunk.ledger(r, accountId, e.at(), "usage", p.amount().negate(), p.lotId(), balance, e.model(), "system");
                }
            }
        }
        chunk.lastBalance = expire(accountId, lots, lotRows, now, balance, chunk);
    }

    private static BigDecimal expire(String accountId, List<CreditLots.Lot> lots, Map<String, Object[]> rows, Instant at,
                                     BigDecimal balance, Chunk chunk) {
        for (CreditLots.Portion p : CreditLots.expiries(lots, at)) {
            CreditLots.Lot lot = lots.stream().filter(l -> l.id().equals(p.lotId())).findFirst().orElseThrow();
            take(lots, rows, p.lotId(), p.amount());
            balance = balance.subtract(p.amount());
            chunk.ledger(null, accountId, lot.expiresAt(), "expiry", p.amount().negate(), p.lotId(), balance, "credit lot expired", "system");
        }
        return balance;
    }

    private static void take(List<CreditLots.Lot> lots, Map<String, Object[]> rows, String lotId, BigDecimal amount) {
        for (int i = 0; i < lots.size(); i++) {
            CreditLots.Lot l = lots.get(i);
            if (l.id().equals(lotId)) {
                CreditLots.Lot after = new CreditLots.Lot(l.id(), Money.normalize(l.remaining().subtract(amount)), l.purchasedAt(), l.expiresAt());
                lots.set(i, after);
                rows.get(lotId)[4] = after.remaining();
                return;
            }
        }
        throw new IllegalStateException("no lot " + lotId);
    }

    // ---------------------------------------------------------------- writing

    private static final class Chunk {
        final List<Object[]> accounts = new ArrayList<>();
        final List<Object[]> keys = new ArrayList<>();
        final List<Object[]> lots = new ArrayList<>();
        final List<Object[]> ledger = new ArrayList<>();
        final List<Object[]> enforcement = new ArrayList<>();
        BigDecimal lastBalance;
        long lastVersionBumps;
        private final Random ids;

        Chunk(int part) {
            ids = new Random(part);
        }

        void ledger(Random r, String accountId, Instant at, String kind, BigDecimal amount, String lotId, BigDecimal balance,
                    String description, String actor) {
            ledger.add(new Object[] {PrefixedIds.next("led_", at, r == null ? ids : r), accountId, at, kind, Money.normalize(amount),
                    lotId, Money.normalize(balance), description, actor, (long) ledger.size() + 1});
        }

        /** The parts one after the other, ledger lines renumbered in that order. */
        static Chunk concat(List<Chunk> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            Chunk all = new Chunk(0);
            for (Chunk part : parts) {
                all.accounts.addAll(part.accounts);
                all.keys.addAll(part.keys);
                all.lots.addAll(part.lots);
                all.enforcement.addAll(part.enforcement);
                for (Object[] line : part.ledger) {
                    line[9] = (long) all.ledger.size() + 1;
                    all.ledger.add(line);
                }
            }
            return all;
        }

        /** Rows sorted by primary key all land at one end of H2's copy-on-write B-trees, which is the cheap place. */
        void sortKeys() {
            RowOrder.byId(keys, 0);
            secretsInHashOrder();
        }

        void sortLotsAndEnforcement() {
            RowOrder.byId(lots, 0);
            RowOrder.byId(enforcement, 0);
        }

        /**
         * Hands the keys' random secrets out again so the newest key gets the highest hash: which random secret a
         * demo key gets is arbitrary, and with the hash in the table's own order H2 builds the unique hash index
         * without sorting a million rows (about 5 s of the large seed). Nothing outside sees the hash; the prefix,
         * last four and mode travel with their secret, so each key still has a consistent random secret.
         */
        private void secretsInHashOrder() {
            List<Object[]> bySecret = new ArrayList<>(keys);
            RowOrder.byHex(bySecret, 4);
            Object[][] secrets = new Object[bySecret.size()][];
            for (int i = 0; i < secrets.length; i++) {
                Object[] row = bySecret.get(i);
                secrets[i] = new Object[] {row[3], row[4], row[5], row[6]};
            }
            for (int i = 0; i < secrets.length; i++) {
                System.arraycopy(secrets[i], 0, keys.get(i), 3, 4);
            }
        }

        /** Writes the tables in the order given, each in primary-key order, committing every {@value #COMMIT_EVERY} rows. */
        static final List<String> TABLES = List.of("accounts", "api_keys", "credit_lots", "ledger_entries", "enforcement_actions");

        void write(Handle h, List<String> tables) {
            try {
                java.sql.Connection c = h.getConnection();
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    writeTables(h, tables);
                    c.commit();
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("seeding failed", e);
            }
        }

        private static final int COMMIT_EVERY = 20_000;

        private void writeTables(Handle h, List<String> tables) {
            for (String table : tables) {
                writeTable(h, table);
            }
        }

        private void writeTable(Handle h, String table) {
            if (table.equals("accounts")) batch(h, "INSERT INTO accounts (id, name, name_lower, email, email_domain, status, tier, balance, created_at, suspended_until, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", accounts);
            if (table.equals("api_keys")) batch(h, "INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at, expires_at, last_used_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", keys);
            if (table.equals("credit_lots")) batch(h, "INSERT INTO credit_lots (id, account_id, kind, amount, remaining, price_paid, purchased_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lots);
            if (table.equals("ledger_entries")) batch(h, "INSERT INTO ledger_entries (id, account_id, at, kind, amount, lot_id, balance_after, description, actor, seq) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ledger);
            if (table.equals("enforcement_actions")) batch(h, "INSERT INTO enforcement_actions (id, account_id, key_id, target_type, action, reason, actor, at, duration_hours, until_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", enforcement);
        }

        /**
         * Plain JDBC batches on the JDBI handle's connection (inside its transaction): JDBI's per-argument type
         * resolution costs more than H2's insert itself at a million rows.
         */
        private static void batch(Handle h, String sql, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            String[] columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(",");
            try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                int pending = 0;
                long written = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        Object v = row[i];
                        int p = i + 1;
                        if (v == null) {
                            String col = columns[i].trim();
                            ps.setNull(p, col.equals("duration_hours") ? java.sql.Types.INTEGER
                                    : col.endsWith("_at") || col.equals("at") || col.equals("suspended_until")
                                    ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE : java.sql.Types.VARCHAR);
                        } else if (v instanceof Instant t) {
                            ps.setObject(p, t.atOffset(java.time.ZoneOffset.UTC));
                        } else if (v instanceof BigDecimal d) {
                            ps.setBigDecimal(p, d);
                        } else if (v instanceof Long l) {
                            ps.setLong(p, l);
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
                        ps.getConnection().commit();
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("seeding failed on: " + sql, e);
            }
            int written = rows.size();
            rows.clear(); // written rows are garbage now: a smaller live heap keeps GC out of the index builds
            log.debug("{} rows in {} ms: {}", written, (System.nanoTime() - started) / 1_000_000, sql.substring(0, 40));
        }
    }
}
