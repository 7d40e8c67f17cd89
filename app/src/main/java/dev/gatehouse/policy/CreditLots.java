package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credit arithmetic over prepaid lots (DESIGN §4 "credits"): usage draws the soonest-expiring lot first
 * (pixapi §8, decart §5.3), expired credit is gone without refund (decart §5.3), and the balance never goes
 * below zero: a draw larger than the balance is refused whole (decart §5.4 "access suspended until
 * additional Credits are purchased"). Pure: callers persist the result.
 */
public final class CreditLots {
    private CreditLots() {}

    /** The part of a lot this arithmetic needs. expiresAt null means the lot never expires. */
    public record Lot(String id, BigDecimal remaining, Instant purchasedAt, Instant expiresAt) {
        public Lot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(purchasedAt, "purchasedAt");
            if (remaining.signum() < 0) {
                throw new IllegalArgumentException("lot " + id + " has negative remaining " + remaining);
            }
        }

        public boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** An amount taken from one lot. */
    public record Portion(String lotId, BigDecimal amount) {}

    /** The outcome of a draw: the portions taken (empty when refused) and whether the balance covered it. */
    public record Draw(boolean covered, List<Portion> portions, BigDecimal balanceBefore, BigDecimal balanceAfter) {
        public Draw {
            portions = List.copyOf(portions);
        }
    }

    /** Soonest expiry first, never-expiring last; then oldest purchase; then id, so the order is total. */
    public static final Comparator<Lot> DRAW_ORDER = Comparator
            .comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::purchasedAt)
            .thenComparing(Lot::id);

    /** The spendable balance: the remaining amounts of lots not expired at {@code now}. */
    public static BigDecimal balance(List<Lot> lots, Instant now) {
        BigDecimal sum = Money.zero();
        for (Lot lot : lots) {
            if (!lot.expiredAt(now)) {
                sum = sum.add(lot.remaining());
            }
        }
        return Money.normalize(sum);
    }

    /**
     * Takes {@code amount} (positive) from the unexpired lots in {@link #DRAW_ORDER}. If the balance cannot
     * cover it nothing is taken and {@code covered} is false.
     */
    public static Draw draw(List<Lot> lots, BigDecimal amount, Instant now) {
        BigDecimal wanted = Money.normalize(amount);
        if (wanted.signum() <= 0) {
            throw new IllegalArgumentException("a draw must be positive, got " + amount.toPlainString());
        }
        BigDecimal before = balance(lots, now);
        if (before.compareTo(wanted) < 0) {
            return new Draw(false, List.of(), before, before);
        }
        List<Lot> order = lots.stream().filter(l -> !l.expiredAt(now) && l.remaining().signum() > 0)
                .sorted(DRAW_ORDER).toList();
        List<Portion> portions = new ArrayList<>();
        BigDecimal left = wanted;
        for (Lot lot : order) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = lot.remaining().min(left);
            portions.add(new Portion(lot.id(), Money.normalize(take)));
            left = left.subtract(take);
        }
        return new Draw(true, portions, before, Money.normalize(before.subtract(wanted)));
    }

    /** The lots that have expired at {@code now} but still hold credit: each portion is the credit that lapses. */
    public static List<Portion> expiries(List<Lot> lots, Instant now) {
        return lots.stream()
                .filter(l -> l.expiredAt(now) && l.remaining().signum() > 0)
                .sorted(DRAW_ORDER)
                .map(l -> new Portion(l.id(), Money.normalize(l.remaining())))
                .toList();
    }

    // Holds (issue 10 §3 "Hold"): from refund request to decision the requested credits stay in their lot but cannot
    // be spent, which closes the spend-then-refund exploit. The methods above ignore holds; these honour them.

    /** Credits of one lot held by a pending refund request. */
    public record Hold(String lotId, BigDecimal amount) {
        public Hold {
            Objects.requireNonNull(lotId, "lotId");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a hold must be positive, got " + amount.toPlainString());
            }
        }
    }

    /** The credits held on unexpired lots (expired credit is gone, held or not). */
    public static BigDecimal held(List<Lot> lots, List<Hold> holds, Instant now) {
        return Money.normalize(balance(lots, now).subtract(spendable(lots, holds, now)));
    }

    /** What usage may draw: the balance less the holds on unexpired lots. Never negative. */
    public static BigDecimal spendable(List<Lot> lots, List<Hold> holds, Instant now) {
        return balance(unheld(lots, holds), now);
    }

    /** Why {@code amount} cannot be held on {@code lotId}, if it cannot: unknown or expired lot, or not enough unheld credit. */
    public static Optional<String> holdProblem(List<Lot> lots, List<Hold> holds, String lotId,
                                                         BigDecimal amount, Instant now) {
        Lot lot = lots.stream().filter(l -> l.id().equals(lotId)).findFirst().orElse(null);
        if (lot == null) {
            return Optional.of("no lot " + lotId);
        }
        if (lot.expiredAt(now)) {
            return Optional.of("lot " + lotId + " expired at " + lot.expiresAt());
        }
        BigDecimal free = unheld(List.of(lot), holds).get(0).remaining();
        if (amount.signum() <= 0 || Money.normalize(amount).compareTo(free) > 0) {
            return Optional.of("lot " + lotId + " has " + free.toPlainString() + " unheld credits, cannot hold "
                    + amount.toPlainString());
        }
        return Optional.empty();
    }

    /** {@link #draw(List, BigDecimal, Instant)} that never takes held credit: the balance it checks is the spendable one. */
    public static Draw draw(List<Lot> lots, List<Hold> holds, BigDecimal amount, Instant now) {
        return draw(unheld(lots, holds), amount, now);
    }

    /** Each lot with its held credits taken out (not below zero). */
    private static List<Lot> unheld(List<Lot> lots, List<Hold> holds) {
        Map<String, BigDecimal> heldByLot = new HashMap<>();
        for (Hold h : holds) {
            heldByLot.merge(h.lotId(), h.amount(), BigDecimal::add);
        }
        return lots.stream().map(l -> {
            BigDecimal h = heldByLot.get(l.id());
            return h == null ? l : new Lot(l.id(), l.remaining().subtract(h).max(BigDecimal.ZERO), l.purchasedAt(), l.expiresAt());
        }).toList();
    }
}
