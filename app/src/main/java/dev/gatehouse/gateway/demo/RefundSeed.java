package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.refunds.PayoutProvider;
import dev.gatehouse.gateway.refunds.RefundWorkflow;
import dev.gatehouse.gateway.refunds.SimulatedPayouts;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Demo refund requests (issue 10 §6): about 150 covering every eligibility case (inside and outside the window, on
 * the 7-day edge, partly or wholly used, expired, promotional, signup-reward and granted credits, refunded before)
 * and every way a request ends (open, awaiting a second approval above the threshold, paid, denied, a failed payout,
 * a lead's exception), with times relative to {@code now}; {@link DemoScale#LARGE} adds 20,000. Each request is
 * made on an account with no other spendable credit, through the same {@link RefundWorkflow} the routes run, so the
 * ledger, the holds and the audit trail are exactly what real requests leave.
 */
public final class RefundSeed {
    private static final Logger log = LoggerFactory.getLogger(RefundSeed.class);
    private static final long SALT = 0x5EED_0F0F_0000_0010L;
    private static final int SMALL = 150;
    private static final int LARGE_EXTRA = 20_000;
    private static final int CHUNK = 250;

    private RefundSeed() {}

    public record Result(int refunds, long millis) {}

    /** What a case sets up and how it ends. */
    enum Case {
        ELIGIBLE_OPEN, ABOVE_THRESHOLD_OPEN, AWAITING_SECOND, PARTLY_USED_OPEN, OUTSIDE_WINDOW_OPEN, ON_THE_EDGE_OPEN,
        JUST_PAST_EDGE_OPEN, PROMOTION_OPEN, SIGNUP_REWARD_OPEN, MANUAL_GRANT_OPEN, EXPIRED_OPEN, USED_UP_OPEN,
        REFUNDED_BEFORE_OPEN, PAID, PAID_AFTER_TWO_APPROVALS, DENIED, PAYOUT_FAILED, LEAD_EXCEPTION_PAID
    }

    private static final String[] REASONS = {
            "Bought the wrong pack; asks for the unused credits back",
            "Project cancelled the week after purchase",
            "Duplicate purchase by two team members",
            "Switched to an annual contract, wants the pack refunded",
            "Card charged twice per the customer's bank statement",
            "Model they needed was deprecated after purchase",
            "Customer says the credits were bought by a former employee",
            "Unhappy with video quality, requests refund of the rest",
            "Budget freeze at the customer's company",
            "Asked within the week, per the terms they read"};
    private static final String[] DENIALS = {
            "Outside the 7-day window (pixapi §8); customer informed",
            "Promotional credits are not refundable (pixapi §8)",
            "Credits were consumed; consumed credits are never refunded (pixapi §8)"};

    public static Result seed(Database db, long seed, DemoScale scale, Instant now) {
        long t0 = System.nanoTime();
        Random r = new Random(seed ^ SALT);
        int total = SMALL + (scale == DemoScale.LARGE ? LARGE_EXTRA : 0);
        // accounts with no spendable credit: usage seeded here then draws from the lot the refund names
        List<String> accounts = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE balance = 0 "
                + "AND status <> 'terminated' ORDER BY id").mapTo(String.class).list());
        if (accounts.isEmpty()) {
            log.warn("no account without credit to seed refunds on; none seeded");
            return new Result(0, 0);
        }
        List<AuditLog.Draft> audit = new ArrayList<>();
        PayoutProvider paying = new SimulatedPayouts();
        PayoutProvider declining = (h, p) -> PayoutProvider.Result.failed("declined by the simulated payout provider (demo)");
        Case[] cases = Case.values();
        for (int from = 0; from < total; from += CHUNK) {
            int start = from;
            int end = Math.min(total, from + CHUNK);
            db.jdbi().useTransaction(h -> {
                for (int i = start; i < end; i++) {
                    Case c = cases[i % cases.length];
                    String account = accounts.get(i % accounts.size());
                    audit.addAll(make(h, c, account, r, now, i >= SMALL, paying, declining));
                }
            });
        }
        audit.sort(Comparator.comparing(AuditLog.Draft::at));
        db.jdbi().useTransaction(h -> AuditLog.appendAll(h, audit, r));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("seeded {} refund requests in {} ms", total, ms);
        return new Result(total, ms);
    }

    private static List<AuditLog.Draft> make(Handle h, Case c, String account, Random r, Instant now, boolean large,
                                             PayoutProvider paying, PayoutProvider declining) {
        boolean open = c.name().endsWith("_OPEN") || c == Case.AWAITING_SECOND;
        // open requests arrived in the last three days; decided ones up to three weeks ago (large: up to a year)
        long back = open ? 3_600 + r.nextInt(3 * 86_400) : 2 * 86_400 + r.nextInt((large ? 360 : 20) * 86_400);
        Instant requested = now.minusSeconds(back);
        Instant decided = requested.plusSeconds(1_800 + r.nextInt(30 * 3_600));
        if (decided.isAfter(now)) {
            decided = now.minusSeconds(60);
        }
        Duration age = switch (c) {
            case OUTSIDE_WINDOW_OPEN, DENIED, LEAD_EXCEPTION_PAID -> Duration.ofDays(8 + r.nextInt(30));
            case ON_THE_EDGE_OPEN -> Duration.ofDays(7);
            case JUST_PAST_EDGE_OPEN -> Duration.ofDays(7).plusMinutes(1 + r.nextInt(600));
            default -> Duration.ofHours(2 + r.nextInt(6 * 24));
        };
        Instant bought = requested.minus(age);
        String kind = switch (c) {
            case PROMOTION_OPEN -> "promotion";
            case SIGNUP_REWARD_OPEN -> "signup_reward";
            case MANUAL_GRANT_OPEN -> "manual_grant";
            default -> "purchase";
        };
        boolean big = c == Case.ABOVE_THRESHOLD_OPEN || c == Case.AWAITING_SECOND || c == Case.PAID_AFTER_TWO_APPROVALS;
        BigDecimal credits = switch (kind) {
            case "purchase" -> big ? Money.of(String.valueOf(600 + 100 * r.nextInt(15))) : Money.of(String.valueOf(20 + 10 * r.nextInt(40)));
            case "signup_reward" -> Money.of("5");
            case "manual_grant" -> Money.of(r.nextBoolean() ? "20" : "50");
            default -> Money.of(r.nextBoolean() ? "5" : "10");
        };
        // packs are sold at a discount per credit now and then, so money and credits are not always one to one
        BigDecimal paid = kind.equals("purchase")
                ? Money.normalize(credits.multiply(r.nextInt(4) == 0 ? new BigDecimal("0.90") : BigDecimal.ONE)) : Money.zero();
        Instant expires = c == Case.EXPIRED_OPEN ? requested.minusSeconds(3_600 + r.nextInt(2 * 86_400)) : bought.plus(Duration.ofDays(365));
        if (c == Case.EXPIRED_OPEN) {
            bought = expires.minus(Duration.ofDays(3));
        }
        String lot = CreditStore.addLot(h, account, kind, credits, paid, expires, bought, "system",
                kind.equals("purchase") ? "credit pack" : kind.replace('_', ' '));
        Instant usedAt = bought.plus(Duration.between(bought, requested).dividedBy(2));
        BigDecimal used = switch (c) {
            case PARTLY_USED_OPEN -> credits.multiply(BigDecimal.valueOf(20 + r.nextInt(60))).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_EVEN);
            case USED_UP_OPEN -> credits;
            case EXPIRED_OPEN -> credits.divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN);
            default -> r.nextInt(3) == 0 && !big ? credits.divide(BigDecimal.TEN, 6, RoundingMode.HALF_EVEN) : Money.zero();
        };
        if (used.signum() > 0) {
            CreditStore.use(h, account, used, c == Case.EXPIRED_OPEN ? bought.plusSeconds(3_600) : usedAt, "openai/gpt-4.1", "system");
        }
        List<AuditLog.Draft> audit = new ArrayList<>();
        if (c == Case.REFUNDED_BEFORE_OPEN) {
            // an earlier partial refund of this lot, paid: the new request is capped at what was paid less it
            Instant earlier = requested.minusSeconds(3_600 * (2 + r.nextInt(20)));
            BigDecimal part = Money.normalize(paid.divide(BigDecimal.valueOf(4), 6, RoundingMode.HALF_EVEN));
            var first = RefundWorkflow.request(h, account, lot, part, pick(r, REASONS), "op_support", earlier, r);
            audit.add(first.audit());
            audit.add(RefundWorkflow.approve(h, first.after().id(), part, "unused credits within 7 days (pixapi §8)", "op_support",
                    false, earlier.plusSeconds(600), paying, v -> {}).audit());
        }
        BigDecimal remainingValue = paid.subtract(used.multiply(paid).divide(credits, 6, RoundingMode.HALF_EVEN));
        BigDecimal amount = switch (c) {
            case PARTLY_USED_OPEN, USED_UP_OPEN, REFUNDED_BEFORE_OPEN -> paid;
            case PROMOTION_OPEN, SIGNUP_REWARD_OPEN, MANUAL_GRANT_OPEN -> credits;
            default -> Money.normalize(remainingValue.max(Money.of("1")));
        };
        var request = RefundWorkflow.request(h, account, lot, amount, pick(r, REASONS), r.nextInt(4) == 0 ? "op_lead" : "op_support",
                requested, r);
        audit.add(request.audit());
        String id = request.after().id();
        BigDecimal refundable = request.after().refundable().min(amount);
        switch (c) {
            case AWAITING_SECOND -> audit.add(RefundWorkflow.approve(h, id, amount, "unused pack within 7 days (pixapi §8)",
                    "op_support", false, requested.plusSeconds(900), paying, v -> {}).audit());
            case PAID -> audit.add(RefundWorkflow.approve(h, id, refundable, "unused credits within 7 days (pixapi §8)", "op_support",
                    false, decided, paying, v -> {}).audit());
            case PAID_AFTER_TWO_APPROVALS -> {
                audit.add(RefundWorkflow.approve(h, id, refundable, "unused pack within 7 days (pixapi §8)", "op_support", false,
                        decided, paying, v -> {}).audit());
                audit.add(RefundWorkflow.approve(h, id, refundable, "second approval: amount and lot checked", "op_lead", false,
                        decided.plusSeconds(1_200), paying, v -> {}).audit());
            }
            case DENIED -> audit.add(RefundWorkflow.deny(h, id, pick(r, DENIALS), "op_support", decided, v -> {}).audit());
            case PAYOUT_FAILED -> audit.add(RefundWorkflow.approve(h, id, refundable, "unused credits within 7 days (pixapi §8)",
                    "op_support", false, decided, declining, v -> {}).audit());
            case LEAD_EXCEPTION_PAID -> audit.add(RefundWorkflow.approve(h, id, amount.min(Money.of("40")),
                    "Exception: outage during the customer's launch week, credits unusable (apibox §3 exceptional circumstances)",
                    "op_lead", true, decided, paying, v -> {}).audit());
            default -> { }
        }
        return audit;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
