package dev.gatehouse.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Appeals against a decision (issue 9 item 5, EU DSA art. 20 practice: complaints are decided "not solely on the
 * basis of automated means" and by someone able to reconsider; here, never the original decider).
 */
public final class Appeals {
    private Appeals() {}

    /** Only a decision that enforced something can be appealed; a dismissal restricted nothing. */
    public static Ruling appealable(ReportDecision decision) {
        return decision == ReportDecision.DISMISS
                ? Ruling.refuse("The report was dismissed and nothing was enforced; there is nothing to appeal.")
                : Ruling.allow();
    }

    /** Issue 9 item 5: "The operator who made the original decision may not decide its appeal." */
    public static Ruling mayDecide(String originalDeciderId, String appealDeciderId, Role role) {
        if (role != Role.TRUST_SAFETY && role != Role.LEAD) {
            return Ruling.refuse("Your role (" + role.label() + ") may not decide appeals; trust & safety or a lead can.");
        }
        if (Objects.equals(originalDeciderId, appealDeciderId)) {
            return Ruling.refuse("You made the original decision, so you may not decide its appeal (issue 9, EU DSA "
                    + "art. 20 practice); another reviewer must.");
        }
        return Ruling.allow();
    }

    /**
     * What overturning changes: the ladder step that lifts the decision, if it is still in force, and for final
     * decisions what the customer is offered instead.
     *
     * @param accountAction the step to apply to the account (reinstate), if any
     * @param keyAction     the step to apply to the key (reinstate), if any
     * @param outcome       the sentence recorded on the appeal and in the audit trail
     * @param offer         for a revocation or termination, which stay final: what the customer is offered
     */
    public record Overturn(Optional<AccountAction> accountAction, Optional<KeyAction> keyAction, String outcome,
                           Optional<String> offer) {}

    /**
     * Overturning lifts what can be lifted (a warning withdrawn, a suspension lifted) and leaves revocation and
     * termination final (DESIGN §4: "revoke and terminate are final"). It lifts only a state the decision still
     * holds: a suspension that has lapsed, or an account since suspended by another decision, is left alone.
     *
     * @param keyNow the subject key's status now; null when the decision did not act on a key
     */
    public static Overturn overturn(ReportDecision decision, AccountStatus accountNow, KeyStatus keyNow) {
        return switch (decision) {
            case DISMISS -> throw new IllegalArgumentException(appealable(decision).refusal());
            case WARN -> accountNow == AccountStatus.WARNED
                    ? lift(AccountAction.REINSTATE, "The warning is withdrawn and the account is active again.")
                    : record("The warning is withdrawn; the account's status (" + accountNow.wire()
                            + ") comes from another decision and stays.");
            case SUSPEND_ACCOUNT -> accountNow == AccountStatus.SUSPENDED
                    ? lift(AccountAction.REINSTATE, "The account suspension is lifted.")
                    : record("The account suspension is no longer in force (" + accountNow.wire() + "); nothing to lift.");
            case SUSPEND_KEY -> keyNow == KeyStatus.SUSPENDED
                    ? new Overturn(Optional.empty(), Optional.of(KeyAction.REINSTATE), "The key suspension is lifted.", Optional.empty())
                    : record("The key suspension is no longer in force (" + (keyNow == null ? "no key" : keyNow.wire())
                            + "); nothing to lift.");
            case REVOKE_KEY -> accountNow.isFinal()
                    ? record("The revocation was overturned but stays final; the account is terminated, so no new key is offered.")
                    : new Overturn(Optional.empty(), Optional.empty(),
                            "The revocation was overturned; revocation is final, so the key stays revoked.",
                            Optional.of("a new key on the same account"));
            case TERMINATE_ACCOUNT -> new Overturn(Optional.empty(), Optional.empty(),
                    "The termination was overturned; termination is final, so the account stays closed.",
                    Optional.of("a new account with a new key"));
        };
    }

    private static Overturn lift(AccountAction action, String outcome) {
        return new Overturn(Optional.of(action), Optional.empty(), outcome, Optional.empty());
    }

    private static Overturn record(String outcome) {
        return new Overturn(Optional.empty(), Optional.empty(), outcome, Optional.empty());
    }
}
