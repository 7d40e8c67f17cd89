package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limits of a rate-limit tier or of one Enterprise account (DESIGN §4 "rate-limit tiers"; ai-visual-studio §4
 * "Current Rate Limits": Requests/Minute, Requests/Day, Concurrent Jobs; "Rate limits apply per API key and per account").
 */
public record TierLimits(int rpm, int rpd, int concurrent) {
    /** Product choice: bounds far above any plan, so a slipped digit is caught. */
    public static final int MAX_RPM = 100_000;
    public static final int MAX_RPD = 100_000_000;
    public static final int MAX_CONCURRENT = 10_000;

    public TierLimits {
        if (!problems(rpm, rpd, concurrent).isEmpty()) {
            throw new IllegalArgumentException("invalid limits " + rpm + "/" + rpd + "/" + concurrent + "; use validate()");
        }
    }

    /**
     * The seeded plans. ai-visual-studio §4's table and DESIGN §4 agree: Free 10 / 100 / 2, Starter 60 / 1,000 / 5,
     * Pro 120 / 10,000 / 20, Enterprise "Custom | Custom | Custom", so Enterprise has no default: it is set per account.
     */
    public static Optional<TierLimits> defaults(Tier tier) {
        return switch (tier) {
            case FREE -> Optional.of(new TierLimits(10, 100, 2));
            case STARTER -> Optional.of(new TierLimits(60, 1_000, 5));
            case PRO -> Optional.of(new TierLimits(120, 10_000, 20));
            case ENTERPRISE -> Optional.empty();
        };
    }

    /**
     * Limits as a request gave them (JSON numbers arrive as Long, or null when absent): each a positive whole number
     * within its bound, rpd ≥ rpm (a day holds at least a minute), concurrent ≤ rpm (more jobs in flight than may start
     * in a minute can never be reached). Every broken rule is its own field error.
     */
    public static Validated<TierLimits> validate(Long rpm, Long rpd, Long concurrent) {
        List<FieldError> errors = new ArrayList<>();
        bound("rpm", rpm, MAX_RPM, errors);
        bound("rpd", rpd, MAX_RPD, errors);
        bound("concurrent", concurrent, MAX_CONCURRENT, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        errors.addAll(relations(rpm, rpd, concurrent));
        return errors.isEmpty()
                ? Validated.valid(new TierLimits(rpm.intValue(), rpd.intValue(), concurrent.intValue()))
                : Validated.invalid(errors);
    }

    private static List<FieldError> problems(long rpm, long rpd, long concurrent) {
        List<FieldError> errors = new ArrayList<>();
        bound("rpm", rpm, MAX_RPM, errors);
        bound("rpd", rpd, MAX_RPD, errors);
        bound("concurrent", concurrent, MAX_CONCURRENT, errors);
        if (errors.isEmpty()) {
            errors.addAll(relations(rpm, rpd, concurrent));
        }
        return errors;
    }

    private static void bound(String field, Long value, int max, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: a whole number from 1 to " + max));
        } else if (value < 1 || value > max) {
            errors.add(new FieldError(field, "must be a whole number from 1 to " + max + ", not " + value));
        }
    }

    private static List<FieldError> relations(long rpm, long rpd, long concurrent) {
        List<FieldError> errors = new ArrayList<>();
        if (rpd < rpm) {
            errors.add(new FieldError("rpd", "must be at least rpm (" + rpm + "): a day allows at least what a minute does"));
        }
        if (concurrent > rpm) {
            errors.add(new FieldError("concurrent", "must be at most rpm (" + rpm + "): more jobs in flight than may start in a minute is unreachable"));
        }
        return errors;
    }
}
