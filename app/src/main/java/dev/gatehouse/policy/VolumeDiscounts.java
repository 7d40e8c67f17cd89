package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Volume discounts by monthly spend, as tiers ops edit (DESIGN §4 "API price"; apimart §6: "Volume discounts are
 * automatically applied where applicable"). The seed names no thresholds, so the default schedule is {@link #NONE}:
 * no discount until ops configure one.
 * <p>
 * A charge gets the discount of the highest tier whose threshold the account's spend this month, before the charge,
 * has reached (a threshold is inclusive). A charge that crosses a threshold is discounted at the tier it started in;
 * the next charge gets the new one.
 */
public record VolumeDiscounts(List<Step> steps) {
    public static final VolumeDiscounts NONE = new VolumeDiscounts(List.of());
    /** Product choice: a discount below 100 %, at most two decimals; ten tiers are plenty. */
    public static final BigDecimal MAX_DISCOUNT_PERCENT = new BigDecimal("99.99");
    public static final int MAX_STEPS = 10;

    /** From {@code monthlySpendFrom} (inclusive) on, charges are {@code percentOff} % cheaper. */
    public record Step(BigDecimal monthlySpendFrom, BigDecimal percentOff) {}

    /** A tier as ops typed it, both decimal strings. */
    public record Draft(String monthlySpendFrom, String percentOff) {}

    public VolumeDiscounts {
        steps = List.copyOf(steps);
    }

    /** A schedule as ops typed it, field paths are {@code steps[i].monthly_spend_from|percent_off}. */
    public static Validated<VolumeDiscounts> of(List<Draft> typed) {
        if (typed.size() > MAX_STEPS) {
            return Validated.invalid("steps", "at most " + MAX_STEPS + " tiers");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String at = "steps[" + i + "].";
            Validated<BigDecimal> from = Pricing.decimal(at + "monthly_spend_from", typed.get(i).monthlySpendFrom());
            Validated<BigDecimal> off = Pricing.decimal(at + "percent_off", typed.get(i).percentOff());
            errors.addAll(from.errors());
            errors.addAll(off.errors());
            if (!from.isValid() || !off.isValid()) {
                continue;
            }
            BigDecimal f = from.value();
            BigDecimal p = off.value();
            if (f.signum() < 0 || Math.max(0, f.stripTrailingZeros().scale()) > Money.SCALE || f.compareTo(new BigDecimal("10000000000")) > 0) {
                errors.add(new FieldError(at + "monthly_spend_from", "must be an amount from 0 to 10,000,000,000 with at most 6 decimals"));
                continue;
            }
            if (p.signum() <= 0 || p.compareTo(MAX_DISCOUNT_PERCENT) > 0 || Math.max(0, p.stripTrailingZeros().scale()) > 2) {
                errors.add(new FieldError(at + "percent_off", "must be above 0 and at most 99.99 percent, with at most 2 decimals"));
                continue;
            }
            if (!steps.isEmpty()) {
                Step prev = steps.get(steps.size() - 1);
                if (f.compareTo(prev.monthlySpendFrom()) <= 0) {
                    errors.add(new FieldError(at + "monthly_spend_from", "must be above the previous tier's " + prev.monthlySpendFrom().toPlainString()));
                    continue;
                }
                if (p.compareTo(prev.percentOff()) <= 0) {
                    errors.add(new FieldError(at + "percent_off", "must be above the previous tier's " + prev.percentOff().toPlainString()
                            + " %: more spend never earns a smaller discount"));
                    continue;
                }
            }
            steps.add(new Step(Money.normalize(f), p));
        }
        return errors.isEmpty() ? Validated.valid(new VolumeDiscounts(steps)) : Validated.invalid(errors);
    }

    /** The discount, in percent, for an account that has spent {@code spentThisMonth} so far this month. */
    public BigDecimal percentOff(BigDecimal spentThisMonth) {
        BigDecimal off = BigDecimal.ZERO;
        for (Step s : steps) {
            if (spentThisMonth.compareTo(s.monthlySpendFrom()) >= 0) {
                off = s.percentOff();
            }
        }
        return off;
    }

    /** {@code charge} after the discount earned by {@code spentThisMonth}, six decimals, half-even. */
    public BigDecimal apply(BigDecimal charge, BigDecimal spentThisMonth) {
        BigDecimal off = percentOff(spentThisMonth);
        return Money.normalize(charge.multiply(BigDecimal.valueOf(100).subtract(off)).movePointLeft(2));
    }
    /**
     * Which way a new schedule moves what customers pay: less discount at any spend is a raise (TIGHTENING, so the
     * 30-day notice applies, ai-visual-studio §18), more discount a decrease (EASING), both MIXED. The discount is a
     * step function changing only at thresholds, so comparing at 0 and at every threshold of either schedule is exact.
     */
    public static ChangeKind classify(VolumeDiscounts before, VolumeDiscounts after) {
        List<BigDecimal> points = new ArrayList<>();
        points.add(BigDecimal.ZERO);
        before.steps().forEach(s -> points.add(s.monthlySpendFrom()));
        after.steps().forEach(s -> points.add(s.monthlySpendFrom()));
        boolean raise = false;
        boolean decrease = false;
        for (BigDecimal at : points) {
            int c = after.percentOff(at).compareTo(before.percentOff(at));
            raise |= c < 0;
            decrease |= c > 0;
        }
        return ChangeKind.of(raise, decrease);
    }

    /**
     * The start of the billing month {@code at} falls in: the first of the month, 00:00 UTC (product choice: one
     * month for every account, whatever its zone). Spend "this month" is what was charged from then until {@code at}.
     */
    public static Instant monthStart(Instant at) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    /** The schedule as drafts, for a form to start from. */
    public List<Draft> drafts() {
        return steps.stream().map(s -> new Draft(s.monthlySpendFrom().stripTrailingZeros().toPlainString(),
                s.percentOff().stripTrailingZeros().toPlainString())).toList();
    }
}
