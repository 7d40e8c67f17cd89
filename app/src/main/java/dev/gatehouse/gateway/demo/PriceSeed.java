package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceChangeLine;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.api.VolumeDiscountStep;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.pricing.PriceStore;
import dev.gatehouse.gateway.pricing.VolumeDiscountStore;
import dev.gatehouse.gateway.tiers.TierStore;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.PriceDiff;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.TierLimits;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Demo prices, usage and limits (issue 11), deterministic from the seed and relative to the shared {@code now}:
 * <ul>
 *   <li>a price history for the 20 most-used models: each had an older change 45–102 days ago; the most used got a
 *       decrease applied last week, the third an emergency raise three days ago (a lead, notice waived, marked), and the
 *       second has a raise scheduled exactly 30 days after it was announced, with its customer notices;</li>
 *   <li>usage records that agree with the ledger: every {@code usage} debit of the last 32 days that AccountSeed wrote
 *       (one per account and time, naming a model) becomes requests whose costs sum to exactly that debit. Most of it is
 *       whole requests of the named model (tokens, images or seconds) priced at the card in force at the time; the
 *       remainder below one unit's price is an input-token request to the cheapest mini model the account also uses
 *       (GPT-4o mini, 0.225 per 1M tokens, so any amount to the micro-dollar is reachable). Nothing is debited that the
 *       ledger did not debit, and no balance changes;</li>
 *   <li>bursts: some requests of free accounts come ten or more to the minute, so the tier preview has something to count;</li>
 *   <li>two Enterprise accounts with custom limits, one with a tightening scheduled under notice;</li>
 *   <li>volume discounts by monthly spend (apimart §6): a first schedule 60 days ago, a more generous one 12 days ago.</li>
 * </ul>
 */
public final class PriceSeed {
    private static final Logger log = LoggerFactory.getLogger(PriceSeed.class);
    private static final long SALT = 0x5EED_0011_0000_0011L;
    /** Usage is seeded for the ledger's last 32 days: the 30-day impact window and the 7-day tier window with room. */
    static final Duration USAGE_WINDOW = Duration.ofDays(32);
    /** Bursts are seeded where the tier preview looks: the last 7 days, and a day to spare. */
    static final Duration BURST_WINDOW = Duration.ofDays(8);
    static final int HISTORY_MODELS = 20;
    static final String FILLER = "openai/gpt-4o-mini";
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    /** The ledger names models as the platform's data plane once did; these are their catalog slugs. */
    static final Map<String, String> SLUGS = Map.ofEntries(
            Map.entry("openai/gpt-4.1", "openai/gpt-4.1"),
            Map.entry("openai/gpt-4o-mini", "openai/gpt-4o-mini"),
            Map.entry("anthropic/claude-sonnet-4", "anthropic/claude-sonnet-4"),
            Map.entry("anthropic/claude-haiku-3.5", "anthropic/claude-3.5-haiku"),
            Map.entry("google/gemini-2.5-pro", "google/gemini-2.5-pro"),
            Map.entry("google/gemini-2.5-flash", "google/gemini-2.5-flash"),
            Map.entry("deepseek/deepseek-v3", "deepseek/deepseek-v3"),
            Map.entry("qwen/qwen3-235b", "qwen/qwen3-235b-a22b"),
            Map.entry("xai/grok-3", "x-ai/grok-3"),
            Map.entry("bfl/flux-1.1-pro", "black-forest-labs/flux-1.1-pro"),
            Map.entry("bytedance/seedream-3", "bytedance/seedream-3.0"),
            Map.entry("kuaishou/kling-2.1", "kuaishou/kling-v2.1-standard"),
            Map.entry("alibaba/wan-2.2", "qwen/wan2.2-t2v-a14b"),
            Map.entry("openai/gpt-image-1", "openai/gpt-image-1"),
            Map.entry("google/veo-3", "google/veo-3.0-generate"));

    private PriceSeed() {}

    public record Result(int usageRecords, int requests, int priceChanges, int notices, int customLimits, long millis) {}

    /** A usage debit of the ledger: what one account was charged at one instant for one model. */
    private record Debit(String accountId, Instant at, String model, BigDecimal amount) {}

    /** A card in force from {@code from} (null: since listing), and the change that made it, if any. */
    private record Version(Instant from, List<PriceLine> card, BigDecimal markup) {}

    public static Result seed(Database db, long seed, DemoScale scale, Instant now) {
        long started = System.nanoTime();
        Random r = new Random(seed ^ SALT);
        Map<String, Model> bySlug = new HashMap<>();
        db.jdbi().useHandle(h -> CatalogStore.select(h, new CatalogStore.Selection(null, null, null, List.of()), 1_000_000)
                .forEach(m -> bySlug.put(m.slug(), m)));
        Model filler = bySlug.get(FILLER);
        if (filler == null) {
            log.info("no catalog to price: prices and usage not seeded");
            return new Result(0, 0, 0, 0, 0, 0);
        }
        Instant from = now.minus(USAGE_WINDOW);
        List<Debit> debits = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT account_id, at, description, SUM(-amount) AS amount FROM ledger_entries
                        WHERE kind = 'usage' AND at >= :from GROUP BY account_id, at, description ORDER BY at, account_id, description""")
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .map((rs, c) -> new Debit(rs.getString("account_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("description"), rs.getBigDecimal("amount")))
                .list());
        Map<String, String> tiers = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        db.jdbi().useHandle(h -> {
            h.createQuery("SELECT id, tier FROM accounts").map((rs, c) -> tiers.put(rs.getString("id"), rs.getString("tier"))).list();
            // keys that can call: active first, in id order
            h.createQuery("SELECT id, account_id, status FROM api_keys ORDER BY account_id, CASE WHEN status = 'active' THEN 0 ELSE 1 END, id")
                    .map((rs, c) -> keys.computeIfAbsent(rs.getString("account_id"), k -> new ArrayList<>()).add(rs.getString("id")))
                    .list();
        });

        // the 20 most-used models over the window get a price history
        Map<String, Integer> uses = new TreeMap<>();
        debits.forEach(d -> uses.merge(model(bySlug, d.model(), filler).slug(), 1, Integer::sum));
        List<Model> top = uses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> bySlug.get(e.getKey())).toList();
        List<Model> historied = new ArrayList<>(top.subList(0, Math.min(HISTORY_MODELS, top.size())));
        bySlug.values().stream().filter(m -> m.status().equals("active")).sorted(Comparator.comparing(Model::slug))
                .filter(m -> !historied.contains(m)).limit(HISTORY_MODELS - historied.size()).forEach(historied::add);

        Map<String, List<Version>> history = new HashMap<>(); // newest first
        List<Consumer<Handle>> writes = new ArrayList<>();
        int[] changes = {0};
        List<PendingNotice> notices = new ArrayList<>();
        for (int i = 0; i < historied.size(); i++) {
            history.put(historied.get(i).id(), plan(historied.get(i), i, now, r, writes, changes, notices));
        }

        // usage records, request by request, summing to each debit
        List<Object[]> rows = new ArrayList<>();
        Map<String, Map<String, Instant>> usersByModel = new HashMap<>();
        int requests = 0;
        for (Debit d : debits) {
            List<String> accountKeys = keys.get(d.accountId());
            if (accountKeys == null || accountKeys.isEmpty()) {
                continue;
            }
            boolean burst = "free".equals(tiers.get(d.accountId())) && d.at().isAfter(now.minus(BURST_WINDOW)) && r.nextInt(8) == 0;
            requests += requests(r, d, model(bySlug, d.model(), filler), filler, history, accountKeys, burst, rows, usersByModel);
        }
        int noticeCount = 0;
        for (PendingNotice n : notices) {
            noticeCount += n.accounts(usersByModel).size();
        }
        long generated = System.nanoTime();
        db.jdbi().useTransaction(h -> writes.forEach(w -> w.accept(h)));
        db.jdbi().useTransaction(h -> {
            for (PendingNotice n : notices) {
                List<PriceStore.NewNotice> rowsOut = new ArrayList<>();
                for (String account : n.accounts(usersByModel)) {
                    rowsOut.add(new PriceStore.NewNotice(PrefixedIds.next("pn_", n.scheduledAt(), r), n.changeId(), account, n.modelId(),
                            n.scheduledAt(), n.effectiveAt(), n.summary(), n.reason(), n.emergency()));
                }
                PriceStore.insertNotices(h, rowsOut);
            }
        });
        long w0 = System.nanoTime();
        writeUsage(db, rows);
        long writing = System.nanoTime() - w0;
        int limits = db.jdbi().inTransaction(h -> enterpriseLimits(h, now, r));
        db.jdbi().useTransaction(h -> volumeDiscounts(h, now, r));
        Result result = new Result(rows.size(), requests, changes[0], noticeCount, limits, (System.nanoTime() - started) / 1_000_000);
        log.info("seeded {} usage records ({} requests), {} price changes, {} notices, {} custom limits in {} ms ({} ms reading and "
                        + "generating, {} ms writing usage)", result.usageRecords(), result.requests(), result.priceChanges(), result.notices(),
                result.customLimits(), result.millis(), (generated - started) / 1_000_000, writing / 1_000_000);
        return result;
    }

    private static Model model(Map<String, Model> bySlug, String ledgerName, Model filler) {
        String slug = SLUGS.get(ledgerName);
        Model m = slug == null ? null : bySlug.get(slug);
        return m == null ? filler : m;
    }

    // ---------------------------------------------------------------- price history

    /** A notice to write once usage is known: to every account that used the model in the 90 days before it was scheduled. */
    private record PendingNotice(String changeId, String modelId, Instant scheduledAt, Instant effectiveAt, String summary,
                                 String reason, boolean emergency) {
        List<String> accounts(Map<String, Map<String, Instant>> usersByModel) {
            Instant from = scheduledAt.minus(dev.gatehouse.gateway.pricing.PriceChanges.NOTICE_LOOKBACK);
            return usersByModel.getOrDefault(modelId, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue().isBefore(scheduledAt) && !e.getValue().isBefore(from))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }

    /** A past change to write: the card before and after, when and why. */
    private record Past(String id, Instant effectiveAt, Instant scheduledAt, List<PriceLine> before, List<PriceLine> after, String reason,
                        String author, boolean emergency) {}

    /**
     * Works out model {@code i}'s history backwards from its current card and queues its rows. Returns its versions,
     * newest first, which price the usage records.
     */
    private static List<Version> plan(Model m, int i, Instant now, Random r, List<Consumer<Handle>> writes, int[] changes,
                                      List<PendingNotice> notices) {
        BigDecimal markup = m.markup();
        List<Past> past = new ArrayList<>(); // newest first
        List<PriceLine> card = m.priceCard();
        if (i == 2) {
            List<PriceLine> before = scale(card, BigDecimal.ONE.divide(new BigDecimal("1.20"), 12, RoundingMode.HALF_EVEN), markup);
            Instant at = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
            past.add(new Past(PrefixedIds.next("pc_", at, r), at, at, before, card, "Emergency: the provider added a 20% surcharge overnight after a capacity "
                    + "shortage; selling below cost until notice runs out is not sustainable. Notice waived by a lead (ai-visual-studio §18).",
                    "op_lead", true));
            card = before;
        }
        if (i == 0) {
            List<PriceLine> before = scale(card, new BigDecimal("1.10"), markup);
            Instant at = now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
            past.add(new Past(PrefixedIds.next("pc_", at, r), at, at, before, card, "Provider cut its list price; decreases are passed on at once (ai-visual-studio §5).",
                    "op_ops", false));
            card = before;
        }
        boolean raise = i % 2 == 1;
        BigDecimal factor = raise ? BigDecimal.ONE.divide(new BigDecimal("1.06"), 12, RoundingMode.HALF_EVEN) : new BigDecimal("1.05");
        List<PriceLine> oldest = scale(card, factor, markup);
        Instant older = now.minus(Duration.ofDays(45 + 3L * i)).truncatedTo(ChronoUnit.HOURS);
        past.add(new Past(PrefixedIds.next("pc_", older, r), older, raise ? older.minus(Duration.ofDays(31)) : older, oldest, card, raise
                ? "Provider list price up 6%; announced 31 days ahead (ai-visual-studio §18, apibox §3)."
                : "Provider list price down about 5%; passed on at once.", i % 3 == 0 ? "op_lead" : "op_ops", false));

        List<Version> versions = new ArrayList<>();
        for (Past p : past) {
            versions.add(new Version(p.effectiveAt(), p.after(), markup));
        }
        versions.add(new Version(null, oldest, markup));

        Instant firstFrom = past.get(past.size() - 1).effectiveAt();
        // rows are written through the stores on one handle, oldest first
        writes.add(new HistoryWrite(m, markup, oldest, firstFrom, past, r, changes));
        if (i == 1) {
            Instant scheduled = now.minus(Duration.ofHours(2));
            Instant effective = scheduled.plus(NoticeRule.NOTICE);
            List<PriceLine> raised = scale(m.priceCard(), new BigDecimal("1.12"), markup);
            String id = PrefixedIds.next("pc_", scheduled, r);
            String reason = "Provider raises its list price by 12%; customers get the 30 days' notice the terms promise "
                    + "(ai-visual-studio §18, apibox §3).";
            writes.add(new ScheduledWrite(m, id, markup, m.priceCard(), raised, scheduled, effective, reason));
            changes[0]++;
            notices.add(new PendingNotice(id, m.id(), scheduled, effective, summary(m, m.priceCard(), raised, effective, false), reason, false));
        }
        if (i == 2) {
            Past e = past.get(0);
            notices.add(new PendingNotice(e.id(), m.id(), e.scheduledAt(), e.effectiveAt(),
                    summary(m, e.before(), e.after(), e.effectiveAt(), true), e.reason(), true));
        }
        return versions;
    }

    private static List<PriceLine> scale(List<PriceLine> card, BigDecimal factor, BigDecimal markup) {
        return card.stream().map(l -> {
            BigDecimal base = Money.normalize(l.base().multiply(factor));
            return new PriceLine(l.unit(), l.variant(), base, Pricing.apiPrice(base, markup));
        }).toList();
    }

    private static String summary(Model m, List<PriceLine> before, List<PriceLine> after, Instant effective, boolean emergency) {
        StringBuilder sb = new StringBuilder(emergency ? "Emergency price change" : "Price change").append(" for ").append(m.name())
                .append(" (").append(m.slug()).append(") from ").append(effective).append(':');
        for (PriceDiff.LineChange l : PriceDiff.of(before, after).lines()) {
            sb.append(' ').append(l.unit()).append(l.variant() == null ? "" : " " + l.variant()).append(' ')
                    .append(l.before().api().stripTrailingZeros().toPlainString()).append(" → ")
                    .append(l.after().api().stripTrailingZeros().toPlainString()).append(' ').append(m.currency());
            if (l.percent() != null) {
                sb.append(" (").append(l.percent().signum() > 0 ? "+" : "").append(l.percent().toPlainString()).append(" %)");
            }
            sb.append(';');
        }
        return sb.toString();
    }

    private static List<PriceChangeLine> lines(List<PriceLine> before, List<PriceLine> after) {
        List<PriceChangeLine> out = new ArrayList<>();
        for (int k = 0; k < after.size(); k++) {
            PriceLine b = before.get(k);
            PriceLine a = after.get(k);
            out.add(new PriceChangeLine(a.unit(), a.variant(), b.base(), b.api(), a.base(), a.api(), Pricing.percentChange(b.api(), a.api()),
                    a.api().compareTo(b.api()) > 0 ? "raised" : a.api().compareTo(b.api()) < 0 ? "lowered" : "same"));
        }
        return out;
    }

    /** The applied changes of one model and its versions. */
    private record HistoryWrite(Model m, BigDecimal markup, List<PriceLine> oldest, Instant firstFrom, List<Past> past, Random r,
                                int[] changes) implements Consumer<Handle> {
        @Override
        public void accept(Handle h) {
            PriceStore.insertVersion(h, PrefixedIds.next("pv_", firstFrom, r), m.id(), null, firstFrom, markup, null, false, oldest);
            for (int k = past.size() - 1; k >= 0; k--) {
                Past p = past.get(k);
                Instant to = k == 0 ? null : past.get(k - 1).effectiveAt();
                String id = p.id();
                ChangeKind kind = PriceDiff.of(p.before(), p.after()).kind();
                Instant earliest = NoticeRule.earliestAllowed(kind, p.scheduledAt());
                PriceStore.insertChange(h, new PriceStore.NewChange(id, m.id(), null, kind.priceWord(), markup, p.effectiveAt(),
                        p.scheduledAt(), earliest, p.reason(), p.author(), p.emergency()), lines(p.before(), p.after()));
                PriceStore.markApplied(h, id, p.effectiveAt());
                PriceStore.insertVersion(h, PrefixedIds.next("pv_", p.effectiveAt(), r), m.id(), p.effectiveAt(), to, markup, id,
                        p.emergency(), p.after());
                changes[0]++;
            }
        }
    }

    /** The raise scheduled 30 days out. */
    private record ScheduledWrite(Model m, String id, BigDecimal markup, List<PriceLine> before, List<PriceLine> after,
                                  Instant scheduledAt, Instant effectiveAt, String reason) implements Consumer<Handle> {
        @Override
        public void accept(Handle h) {
            PriceStore.insertChange(h, new PriceStore.NewChange(id, m.id(), null, "raise", markup, effectiveAt, scheduledAt,
                    effectiveAt, reason, "op_ops", false), lines(before, after));
        }
    }

    // ---------------------------------------------------------------- usage

    private static List<PriceLine> cardAt(Model m, Map<String, List<Version>> history, Instant at) {
        List<Version> versions = history.get(m.id());
        if (versions == null) {
            return m.priceCard();
        }
        for (Version v : versions) {
            if (v.from() == null || !v.from().isAfter(at)) {
                return v.card();
            }
        }
        return versions.get(versions.size() - 1).card();
    }

    /** Requests of {@code d}'s model, then one filler request, whose costs sum to exactly d's amount. Returns the request count. */
    private static int requests(Random r, Debit d, Model m, Model filler, Map<String, List<Version>> history, List<String> keys,
                                boolean burst, List<Object[]> rows, Map<String, Map<String, Instant>> usersByModel) {
        List<PriceLine> card = cardAt(m, history, d.at());
        BigDecimal amount = Money.normalize(d.amount());
        // one request per debit keeps the demo's start quick; a burst is 9 to 14 requests in one minute (free allows 10)
        int n = burst ? 9 + r.nextInt(6) : 1;
        BigDecimal share = amount.multiply(BigDecimal.valueOf(70 + r.nextInt(26))).movePointLeft(2)
                .divide(BigDecimal.valueOf(n), 12, RoundingMode.DOWN);
        Instant minute = d.at().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        List<Object[]> out = new ArrayList<>();
        BigDecimal spent = BigDecimal.ZERO;
        int made = 0;
        String key = keys.get(r.nextInt(Math.min(2, keys.size())));
        for (int k = 0; k < n; k++) {
            Instant at = burst ? minute.plusSeconds(3L * k) : d.at().minusSeconds(60 + r.nextInt(3_540));
            String req = PrefixedIds.next("req_", at, r);
            List<Object[]> request = new ArrayList<>();
            BigDecimal cost = BigDecimal.ZERO;
            if (m.modality().equals("chat") || m.modality().equals("audio") || m.modality().equals("embedding")) {
                for (PriceLine l : card) {
                    BigDecimal part = share.multiply(l.unit().equals("input_mtok") ? new BigDecimal("0.4") : new BigDecimal("0.6"));
                    if (card.size() == 1) {
                        part = share;
                    }
                    BigDecimal q = l.api().signum() == 0 ? BigDecimal.ZERO : part.multiply(MILLION).divide(l.api(), 0, RoundingMode.DOWN);
                    if (q.signum() > 0) {
                        BigDecimal c = Money.normalize(Pricing.cost(l.unit(), q, l.api()));
                        request.add(row(req, d, key, m.id(), at, request.isEmpty(), l, q, c));
                        cost = cost.add(c);
                    }
                }
            } else {
                PriceLine l = card.get(r.nextInt(card.size()));
                BigDecimal q = l.api().signum() == 0 ? BigDecimal.ZERO : share.divide(l.api(), 0, RoundingMode.DOWN);
                if (q.signum() > 0) {
                    BigDecimal c = Money.normalize(Pricing.cost(l.unit(), q, l.api()));
                    request.add(row(req, d, key, m.id(), at, true, l, q, c));
                    cost = cost.add(c);
                }
            }
            if (!request.isEmpty() && spent.add(cost).compareTo(amount) <= 0) {
                out.addAll(request);
                spent = spent.add(cost);
                made++;
                usersByModel.computeIfAbsent(m.id(), x -> new HashMap<>()).merge(d.accountId(), at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        BigDecimal rest = amount.subtract(spent);
        if (rest.signum() > 0) {
            PriceLine in = cardAt(filler, history, d.at()).stream().filter(l -> l.unit().equals("input_mtok")).findFirst().orElseThrow();
            BigDecimal q = exactTokens(rest, in.api());
            String req = PrefixedIds.next("req_", d.at(), r);
            out.add(row(req, d, key, filler.id(), d.at(), true, in, q, rest));
            made++;
            usersByModel.computeIfAbsent(filler.id(), x -> new HashMap<>()).merge(d.accountId(), d.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        rows.addAll(out);
        return made;
    }

    /** Tokens whose cost at {@code price} per 1M rounds (half-even, six places) to exactly {@code amount}; price ≤ 1 per 1M. */
    static BigDecimal exactTokens(BigDecimal amount, BigDecimal price) {
        BigDecimal guess = amount.multiply(MILLION).divide(price, 0, RoundingMode.HALF_EVEN);
        for (int delta = 0; delta <= 4; delta++) {
            for (int sign : new int[] {1, -1}) {
                BigDecimal q = guess.add(BigDecimal.valueOf((long) sign * delta));
                if (q.signum() > 0 && Money.normalize(Pricing.cost("input_mtok", q, price)).compareTo(amount) == 0) {
                    return q;
                }
            }
        }
        throw new IllegalStateException("no token count costs exactly " + amount + " at " + price + " per 1M");
    }

    private static Object[] row(String req, Debit d, String key, String modelId, Instant at, boolean first, PriceLine l, BigDecimal q,
                                BigDecimal cost) {
        return new Object[] {req, d.accountId(), key, modelId, at, UsageStore.minuteBucket(at), first, l.unit(), l.variant(),
                Money.normalize(q), l.api(), cost};
    }

    private static void writeUsage(Database db, List<Object[]> rows) {
        rows.sort(Comparator.comparing(a -> (Instant) a[4]));
        db.jdbi().useHandle(h -> {
            try {
                Connection c = h.getConnection();
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO usage_records (request_id, account_id, key_id, model_id, at, minute_bucket, first_line, unit,
                            variant, quantity, unit_price, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    int pending = 0;
                    for (Object[] row : rows) {
                        ps.setString(1, (String) row[0]);
                        ps.setString(2, (String) row[1]);
                        ps.setString(3, (String) row[2]);
                        ps.setString(4, (String) row[3]);
                        ps.setObject(5, ((Instant) row[4]).atOffset(ZoneOffset.UTC));
                        ps.setLong(6, (Long) row[5]);
                        ps.setBoolean(7, (Boolean) row[6]);
                        ps.setString(8, (String) row[7]);
                        if (row[8] == null) {
                            ps.setNull(9, java.sql.Types.VARCHAR);
                        } else {
                            ps.setString(9, (String) row[8]);
                        }
                        ps.setBigDecimal(10, (BigDecimal) row[9]);
                        ps.setBigDecimal(11, (BigDecimal) row[10]);
                        ps.setBigDecimal(12, (BigDecimal) row[11]);
                        ps.addBatch();
                        if (++pending == 1_000) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                    c.commit();
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("seeding usage records failed", e);
            }
        });
    }

    // ---------------------------------------------------------------- Enterprise limits

    private static int enterpriseLimits(Handle h, Instant now, Random r) {
        List<String> accounts = h.createQuery("SELECT id FROM accounts WHERE tier = 'enterprise' AND status = 'active' ORDER BY id LIMIT 2")
                .mapTo(String.class).list();
        TierLimits pro = TierLimits.defaults(dev.gatehouse.policy.Tier.PRO).orElseThrow();
        int n = 0;
        for (int i = 0; i < accounts.size(); i++) {
            String id = accounts.get(i);
            TierLimits custom = i == 0 ? new TierLimits(600, 500_000, 50) : new TierLimits(1_000, 1_000_000, 80);
            Instant set = now.minus(Duration.ofDays(i == 0 ? 20 : 50)).truncatedTo(ChronoUnit.HOURS);
            TierStore.setCustom(h, id, custom, "op_ops", set);
            TierStore.insertChange(h, new TierStore.NewChange(PrefixedIds.next("lim_", set, r), "account", id, "applied", "loosening",
                    pro, custom, set, set, set, "Enterprise contract: negotiated limits (ai-visual-studio §4 \"Enterprise: Custom\").",
                    "op_ops", false, set));
            if (i == 1) {
                Instant scheduled = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
                TierLimits lower = new TierLimits(800, 800_000, 80);
                TierStore.insertChange(h, new TierStore.NewChange(PrefixedIds.next("lim_", scheduled, r), "account", id, "scheduled",
                        "tightening", custom, lower, scheduled.plus(NoticeRule.NOTICE), scheduled, scheduled.plus(NoticeRule.NOTICE),
                        "Contract renewal lowers the daily cap; 30 days' notice given (ai-visual-studio §18).", "op_ops", false, null));
                TierStore.touchCustom(h, id, custom, "op_ops", scheduled);
            }
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- volume discounts

    private static void volumeDiscounts(Handle h, Instant now, Random r) {
        Instant first = now.minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);
        Instant second = now.minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.HOURS);
        List<VolumeDiscountStep> before = List.of(step("1000", "2"), step("10000", "5"));
        List<VolumeDiscountStep> after = List.of(step("1000", "3"), step("10000", "7.5"), step("50000", "10"));
        VolumeDiscountStore.insert(h, new VolumeDiscountChange(PrefixedIds.next("vdc_", first, r), "applied", "decrease", before, first,
                first, first, false, "Volume discounts for high-spend accounts (apimart §6 \"Volume discounts are automatically applied\").",
                "op_ops", first));
        VolumeDiscountStore.insert(h, new VolumeDiscountChange(PrefixedIds.next("vdc_", second, r), "applied", "decrease", after, second,
                second, second, false, "Quarterly review: a deeper discount and a top tier from 50,000 a month.", "op_ops", second));
        VolumeDiscountStore.touch(h, "op_ops", first);
        VolumeDiscountStore.touch(h, "op_ops", second);
    }

    private static VolumeDiscountStep step(String from, String off) {
        return new VolumeDiscountStep(Money.of(from), new BigDecimal(off));
    }
}
