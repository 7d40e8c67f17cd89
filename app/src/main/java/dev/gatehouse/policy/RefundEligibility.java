package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a refund request on one credit lot is owed, and how much (DESIGN §4 "refunds", issue 10 §3). The gateway
 * enforces this verdict and the console previews it with the same code; every reason names the preset and clause.
 *
 * <p>Amounts with more than six decimals are refused, not rounded: a refund is money a person typed, and rounding
 * it silently would pay something nobody asked for ({@link #amountProblem}).
 */
public final class RefundEligibility {
    private RefundEligibility() {}

    public enum Verdict {
        ELIGIBLE("eligible"), PARTIALLY_ELIGIBLE("partially_eligible"), INELIGIBLE("ineligible");

        private final String wire;

        Verdict(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * The lot a refund names, as the ledger knows it at decision time.
     *
     * @param creditsUsed     consumed by usage
     * @param creditsRefunded removed from the lot by earlier approved refunds
     * @param creditsHeld     held by other pending refund requests on this lot
     * @param refundedBefore  money already refunded on this lot
     * @param expiresAt       null when the lot never expires
     */
    public record Lot(String id, LotKind kind, Instant boughtAt, Instant expiresAt, BigDecimal creditsBought,
                      BigDecimal creditsUsed, BigDecimal creditsRefunded, BigDecimal creditsHeld,
                      BigDecimal pricePaid, BigDecimal refundedBefore) {
        public Lot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(boughtAt, "boughtAt");
            creditsBought = Money.normalize(creditsBought);
            creditsUsed = Money.normalize(creditsUsed);
            creditsRefunded = Money.normalize(creditsRefunded);
            creditsHeld = Money.normalize(creditsHeld);
            pricePaid = Money.normalize(pricePaid);
            refundedBefore = Money.normalize(refundedBefore);
            if (creditsBought.signum() <= 0) {
                throw new IllegalArgumentException("lot " + id + " must hold a positive number of credits");
            }
            for (BigDecimal part : List.of(creditsUsed, creditsRefunded, creditsHeld, pricePaid, refundedBefore)) {
                if (part.signum() < 0) {
                    throw new IllegalArgumentException("lot " + id + " has a negative amount " + part.toPlainString());
                }
            }
            if (creditsUsed.add(creditsRefunded).add(creditsHeld).compareTo(creditsBought) > 0) {
                throw new IllegalArgumentException("lot " + id + ": used + refunded + held exceeds the credits bought");
            }
        }

        /** Credits still in the lot and not held by another request (zero once the lot has expired). */
        public BigDecimal creditsAvailable(Instant now) {
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                return Money.zero();
            }
            return creditsBought.subtract(creditsUsed).subtract(creditsRefunded).subtract(creditsHeld);
        }
    }

    /** A line a person can read, with the rule that produced it (null source for plain arithmetic). */
    public record Reason(String text, String rule, String source) {}

    /**
     * @param refundable    owed by right under the preset: unused credits × price per credit, capped at paid − refunded
     * @param exceptionCap  the most any approval may pay, even a lead's exception: the same arithmetic, whatever the
     *                      preset says (consumed credits are never refunded, nothing is refunded twice)
     * @param creditsToHold the credits the requested amount stands for, held from request to decision
     * @param reasons       the deciding rule first
     */
    public record Result(Verdict verdict, BigDecimal requested, BigDecimal refundable, BigDecimal exceptionCap,
                         BigDecimal creditsToHold, String presetName, List<Reason> reasons) {
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    /** Why an amount someone typed cannot be a refund amount, if it cannot: not positive, over six decimals or too large. */
    public static Optional<String> amountProblem(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("amount is required");
        }
        if (amount.signum() <= 0) {
            return Optional.of("amount must be positive, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            return Optional.of("amount " + amount.toPlainString() + " has more than " + Money.SCALE + " decimals");
        }
        try {
            Money.normalize(amount);
        } catch (ArithmeticException tooLarge) {
            return Optional.of("amount " + amount.toPlainString() + " is too large");
        }
        return Optional.empty();
    }

    public static Result evaluate(Lot lot, BigDecimal requested, PolicySettings settings, Instant now) {
        amountProblem(requested).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        BigDecimal amount = Money.normalize(requested);
        List<Reason> refusals = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();

        // decart §5.2: "All Credit purchases are final, non-refundable, and non-transferable, except as required by applicable law."
        if (settings.purchasesFinal().value()) {
            refusals.add(reason("credit purchases are final and non-refundable; only a lead may refund where applicable law requires it",
                    settings.purchasesFinal(), settings));
        }
        // apibox §3: "Top-up payments are non-refundable as a general policy. If you have exceptional circumstances, …"
        if (settings.refundsExceptionOnly().value()) {
            refusals.add(reason("payments are non-refundable as a general policy; only a lead may refund as an exception, with a reason",
                    settings.refundsExceptionOnly(), settings));
        }
        // pixapi §8: refunds are for unused credits of a purchase; promotional and granted credits never (DESIGN §4)
        if (refusals.isEmpty() && !settings.refundableKinds().value().contains(lot.kind())) {
            refusals.add(reason(lot.kind().adjective() + " credits are not refundable", settings.refundableKinds(), settings));
        }
        // pixapi §8: "For unused credits, we support refund requests within 7 days of purchase." Elapsed time, not
        // calendar days: exactly N × 24 h after purchase is still inside, one second later is not (DST plays no part).
        Duration age = Duration.between(lot.boughtAt(), now);
        int window = settings.refundWindowDays().value();
        if (refusals.isEmpty() && age.compareTo(Duration.ofDays(window)) > 0) {
            refusals.add(reason("bought " + ago(age) + ", outside the " + window + "-day window",
                    settings.refundWindowDays(), settings));
        }

        boolean expired = lot.expiresAt() != null && !lot.expiresAt().isAfter(now);
        if (expired) {
            // decart §5.3: "Any unused Credits after this period will automatically expire without refund or compensation."
            notes.add(new Reason("the lot expired at " + lot.expiresAt() + "; expired credits lapse without refund",
                    "credit expiry", "decart §5.3"));
        }
        if (lot.creditsUsed().signum() > 0) {
            // pixapi §8: "Due to the nature of digital assets, consumed API credits are non-refundable."
            notes.add(new Reason(credits(lot.creditsUsed()) + " of " + credits(lot.creditsBought())
                    + " credits consumed; consumed credits are never refunded", "consumed credits", "pixapi §8"));
        }
        if (lot.creditsHeld().signum() > 0) {
            notes.add(new Reason(credits(lot.creditsHeld()) + " credits are held by other pending refunds",
                    "hold", "product choice: held from request to decision"));
        }
        BigDecimal available = lot.creditsAvailable(now);
        BigDecimal value = available.multiply(lot.pricePaid())
                .divide(lot.creditsBought(), Money.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal paidLeft = Money.normalize(lot.pricePaid().subtract(lot.refundedBefore()).max(BigDecimal.ZERO));
        BigDecimal cap = value.min(paidLeft);
        if (lot.refundedBefore().signum() > 0 && paidLeft.compareTo(value) < 0) {
            notes.add(new Reason("capped at " + money(paidLeft) + ": paid " + money(lot.pricePaid())
                    + " minus " + money(lot.refundedBefore()) + " refunded before", "refund cap", "pixapi §8"));
        }
        if (cap.signum() == 0 && refusals.isEmpty()) {
            refusals.add(new Reason(expired ? "nothing left to refund: the lot has expired"
                    : "nothing left to refund: no unused credits of value remain", "refund cap", "pixapi §8"));
        }

        BigDecimal refundable = refusals.isEmpty() ? cap : Money.zero();
        Verdict verdict;
        List<Reason> reasons = new ArrayList<>(refusals);
        if (refundable.signum() == 0) {
            verdict = Verdict.INELIGIBLE;
        } else {
            if (amount.compareTo(refundable) <= 0) {
                verdict = Verdict.ELIGIBLE;
            } else {
                verdict = Verdict.PARTIALLY_ELIGIBLE;
                reasons.add(new Reason("only " + money(refundable) + " of the requested " + money(amount)
                        + " is refundable: unused credits × price paid per credit", "refund cap", "pixapi §8"));
            }
            reasons.add(reason("unused " + lot.kind().adjective() + " credits bought " + ago(age) + ", inside the "
                    + window + "-day window", settings.refundWindowDays(), settings));
        }
        reasons.addAll(notes);
        BigDecimal creditsToHold = lot.pricePaid().signum() == 0 ? Money.zero()
                : amount.multiply(lot.creditsBought()).divide(lot.pricePaid(), Money.SCALE, RoundingMode.HALF_EVEN)
                        .min(available).max(Money.zero());
        return new Result(verdict, amount, refundable, cap, Money.normalize(creditsToHold), settings.presetName(), reasons);
    }

    /** Reasons are read by people: money in the platform's currency, credits without trailing zeros. */
    private static String money(BigDecimal amount) {
        return Money.display(amount, Money.DEFAULT_CURRENCY);
    }

    private static String credits(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }

    private static Reason reason(String text, Rule<?> rule, PolicySettings settings) {
        return new Reason(text + " (" + settings.cite(rule) + ")", rule.name(), settings.cite(rule));
    }

    /** "9 days ago", "7 days 00:00:01 ago": whole days, then the rest only when there is one. */
    static String ago(Duration age) {
        if (age.isNegative()) {
            return "in the future (" + age.negated().toSeconds() + " s ahead of the clock)";
        }
        long days = age.toDays();
        Duration rest = age.minusDays(days);
        String d = days + (days == 1 ? " day" : " days");
        if (rest.isZero()) {
            return d + " ago";
        }
        return String.format("%s %02d:%02d:%02d ago", d, rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
    }
}
