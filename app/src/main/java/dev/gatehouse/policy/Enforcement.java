package dev.gatehouse.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The enforcement ladder as pure transitions (DESIGN §4): warn → suspend key → revoke key → suspend account
 * → terminate account. Suspensions may be timed and are reversible; revoke and terminate are final
 * (ai-visual-studio §15, pixapi §13, apimart §10); terminating revokes every key at once
 * (ai-visual-studio §15 "Effect of Termination: your API keys will be immediately revoked").
 */
public final class Enforcement {
    /** A timed suspension lasts at most a year; longer ones are indefinite suspensions reinstated by hand. */
    public static final int MAX_SUSPENSION_HOURS = 24 * 365;

    private Enforcement() {}

    /** The result of applying an action to a current state: the next state, or why it is refused (409). */
    public record Decision<S>(S next, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }

        static <S> Decision<S> to(S next) {
            return new Decision<>(next, null);
        }

        static <S> Decision<S> refuse(String why) {
            return new Decision<>(null, why);
        }
    }

    public static Decision<AccountStatus> account(AccountStatus current, AccountAction action) {
        if (current.isFinal()) {
            return Decision.refuse("The account is terminated; termination is final and cannot be changed.");
        }
        return switch (action) {
            case WARN -> current == AccountStatus.SUSPENDED
                    ? Decision.refuse("The account is suspended; a warning adds nothing. Reinstate it first or terminate it.")
                    : Decision.to(AccountStatus.WARNED);
            case SUSPEND -> current == AccountStatus.SUSPENDED
                    ? Decision.refuse("The account is already suspended.")
                    : Decision.to(AccountStatus.SUSPENDED);
            case REINSTATE -> current == AccountStatus.ACTIVE
                    ? Decision.refuse("The account is active; there is nothing to reinstate.")
                    : Decision.to(AccountStatus.ACTIVE);
            case TERMINATE -> Decision.to(AccountStatus.TERMINATED);
        };
    }

    /** Whether the action revokes every live key of the account in the same step. */
    public static boolean revokesAllKeys(AccountAction action) {
        return action == AccountAction.TERMINATE;
    }

    public static Decision<KeyStatus> key(KeyStatus current, KeyAction action) {
        if (current.isFinal()) {
            return Decision.refuse("The key is revoked; revocation is final and cannot be changed.");
        }
        return switch (action) {
            case SUSPEND -> switch (current) {
                case ACTIVE -> Decision.to(KeyStatus.SUSPENDED);
                case SUSPENDED -> Decision.refuse("The key is already suspended.");
                default -> Decision.refuse("The key has expired; it can only be revoked.");
            };
            case REINSTATE -> switch (current) {
                case SUSPENDED -> Decision.to(KeyStatus.ACTIVE);
                case ACTIVE -> Decision.refuse("The key is active; there is nothing to reinstate.");
                default -> Decision.refuse("The key has expired; it can only be revoked. The customer creates a new key.");
            };
            case REVOKE -> Decision.to(KeyStatus.REVOKED);
        };
    }

    /** Whether an action accepts a duration. Only suspensions can be timed. */
    public static boolean acceptsDuration(AccountAction action) {
        return action == AccountAction.SUSPEND;
    }

    /** Key suspensions last until reinstated: a compromised key stays off until its owner has rotated it. */
    public static boolean acceptsDuration(KeyAction action) {
        return false;
    }

    /** Why a duration is invalid, if it is: it must be a whole number of hours in 1..{@value #MAX_SUSPENSION_HOURS}. */
    public static Optional<String> durationProblem(Integer hours) {
        if (hours == null) {
            return Optional.empty();
        }
        if (hours < 1 || hours > MAX_SUSPENSION_HOURS) {
            return Optional.of("must be between 1 and " + MAX_SUSPENSION_HOURS
                    + " hours; leave it out for a suspension until reinstated");
        }
        return Optional.empty();
    }

    /** When a suspension of {@code hours} starting at {@code now} ends; null for an indefinite one. */
    public static Instant suspendedUntil(Instant now, Integer hours) {
        return hours == null ? null : now.plus(Duration.ofHours(hours));
    }

    /** Whether a timed suspension has run out at {@code now}, so the account goes back to active by itself. */
    public static boolean suspensionLapsed(AccountStatus status, Instant until, Instant now) {
        return status == AccountStatus.SUSPENDED && until != null && !until.isAfter(now);
    }

    /** Maximum length of an enforcement reason, in characters. */
    public static final int MAX_REASON_LENGTH = 2000;

    /** Why a reason is unacceptable, if it is: every enforcement records one (DESIGN §4 "statement of reasons"). */
    public static Optional<String> reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("is required: say why, citing the policy clause; it goes into the audit trail");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
