package dev.gatehouse.gateway.refunds;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.Refund;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.settings.PolicyStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.PolicySettings;
import dev.gatehouse.policy.RefundApproval;
import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What happens to a refund, in the caller's transaction (issue 10 §3): the routes run it behind the rails, the demo
 * seed runs it to make its history. Each step locks the refund row, then the account's balance; a refusal is an
 * {@link ApiException} and writes nothing. Each step answers the change with the audit entry it owes.
 */
public final class RefundWorkflow {
    private RefundWorkflow() {}

    /** The refund before and after one step, and the audit entry for it. */
    public record Change(String action, Refund before, Refund after, AuditLog.Draft audit) {}

    /**
     * A refund request: evaluates eligibility under the policy in force and holds the credits the amount stands for,
     * so they cannot be spent until a decision (issue 10 §3 "Hold"). {@code random} draws the id (null: the shared one).
     */
    public static Change request(Handle h, String accountId, String lotId, BigDecimal amount, String reason, String actor,
                                 Instant now, Random random) {
        if (CreditStore.lockBalance(h, accountId).isEmpty()) {
            throw ApiException.validation(List.of(new Problem.FieldError("account_id", "no account '" + accountId + "'")));
        }
        CreditStore.expireLapsed(h, accountId, now, "system");
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, accountId, lotId, null, now).orElseThrow(() -> ApiException.validation(
                List.of(new Problem.FieldError("lot_id", "'" + lotId + "' is not a credit lot of account " + accountId))));
        PolicySettings settings = PolicyStore.settings(h);
        RefundEligibility.Result e = RefundEligibility.evaluate(facts.lot(), amount, settings, now);
        String id = random == null ? PrefixedIds.next("rfd_", now) : PrefixedIds.next("rfd_", now, random);
        RefundStore.insert(h, id, accountId, lotId, amount, e, facts.shown().currency(), reason, actor, now);
        if (e.creditsToHold().signum() > 0) {
            // issue 10 §3 "Hold": from request to decision the requested credits cannot be spent
            Optional<String> problem = CreditHolds.hold(h, accountId, lotId, id, e.creditsToHold(), now);
            if (problem.isPresent()) {
                throw ApiException.conflict("The requested credits cannot be held: " + problem.get() + ".");
            }
        }
        Refund created = RefundStore.find(h, id).orElseThrow();
        return new Change("request", null, created, new AuditLog.Draft(now, actor, "refund.request", id, reason, null, snapshot(created)));
    }

    /**
     * An approval: the first of two above the four-eyes threshold, or the one that takes the credits out of the lot,
     * writes the ledger line and pays out. {@code exception} is a lead's approval beyond the refundable amount.
     *
     * @param checkVersion called with the locked refund's version (the rails' If-Match)
     */
    public static Change approve(Handle h, String id, BigDecimal amount, String reason, String actor, boolean exception,
                                 Instant now, PayoutProvider payouts, java.util.function.LongConsumer checkVersion) {
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        checkVersion.accept(before.version());
        if (amount.compareTo(before.requestedAmount()) > 0) {
            throw ApiException.validation(List.of(new Problem.FieldError("amount", "amount " + amount.toPlainString()
                    + " exceeds the " + before.requestedAmount().toPlainString() + " the customer asked for")));
        }
        CreditStore.lockBalance(h, before.accountId());
        PolicySettings settings = PolicyStore.settings(h);
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, before.accountId(), before.lotId(), id, before.requestedAt()).orElseThrow();
        RefundEligibility.Result e = RefundEligibility.evaluate(facts.lot(), before.requestedAmount(), settings, before.requestedAt());
        RefundState state = RefundStore.state(before);
        RefundApproval.FirstApproval first = state == RefundState.AWAITING_SECOND_APPROVAL
                ? new RefundApproval.FirstApproval(before.firstApprover(), before.firstAmount()) : null;
        RefundApproval.Decision d = RefundApproval.approve(state, first, new RefundApproval.Approver(actor, exception), amount,
                reason, e, settings);
        if (!d.allowed()) {
            throw switch (d.refusalKind()) {
                case OVER_CAP, INVALID -> ApiException.validation(List.of(new Problem.FieldError("amount", d.refusal())));
                case NOT_PERMITTED -> ApiException.forbidden(capitalized(d.refusal()) + ".");
                case WRONG_STATE -> state.isFinal() ? ApiException.finalState(capitalized(d.refusal()) + ".")
                        : ApiException.conflict(capitalized(d.refusal()) + ".");
            };
        }
        BigDecimal value = Money.normalize(amount);
        String action;
        if (d.next() == RefundState.AWAITING_SECOND_APPROVAL) {
            // DESIGN §4 "refund approval": above the threshold a second operator, not the first, must approve
            RefundStore.firstApproval(h, id, actor, value, reason, d.exception(), now);
            action = "approve_first";
        } else {
            BigDecimal available = facts.lot().creditsAvailable(before.requestedAt());
            BigDecimal credits = RefundStore.creditsFor(value, facts.lot(), available);
            CreditHolds.release(h, id);
            takeCredits(h, before, credits, now, actor);
            RefundStore.approved(h, id, actor, value, credits, reason, d.exception(), now);
            payout(h, before, value, credits, now, actor, payouts);
            action = "approve";
        }
        return change(h, action, before, actor, reason, now);
    }

    /** A denial, with a reason: the held credits are released. */
    public static Change deny(Handle h, String id, String reason, String actor, Instant now, java.util.function.LongConsumer checkVersion) {
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        checkVersion.accept(before.version());
        RefundState state = RefundStore.state(before);
        Optional<String> problem = RefundApproval.denyProblem(state, reason);
        if (problem.isPresent()) {
            if (!state.canMoveTo(RefundState.DENIED)) {
                throw state.isFinal() ? ApiException.finalState(capitalized(problem.get()) + ".")
                        : ApiException.conflict(capitalized(problem.get()) + ".");
            }
            throw ApiException.validation(List.of(new Problem.FieldError("reason", problem.get())));
        }
        CreditStore.lockBalance(h, before.accountId());
        CreditHolds.release(h, id);
        RefundStore.denied(h, id, actor, reason.trim(), now);
        return change(h, "deny", before, actor, reason.trim(), now);
    }

    /** Retries a failed payout: the credits come out of the lot again and the payout goes with the same key. */
    public static Change retryPayout(Handle h, String id, String reason, String actor, Instant now, PayoutProvider payouts,
                                     java.util.function.LongConsumer checkVersion) {
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        checkVersion.accept(before.version());
        if (RefundStore.state(before) != RefundState.FAILED) {
            throw ApiException.conflict("Only a refund whose payout failed can be retried; this one is " + before.state() + ".");
        }
        CreditStore.lockBalance(h, before.accountId());
        CreditStore.expireLapsed(h, before.accountId(), now, "system");
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, before.accountId(), before.lotId(), id, now).orElseThrow();
        BigDecimal available = facts.lot().creditsAvailable(now);
        BigDecimal wanted = RefundStore.creditsFor(before.approvedAmount(), facts.lot(), facts.lot().creditsBought());
        if (wanted.compareTo(available) > 0) {
            throw ApiException.conflict("The lot now has " + available.toPlainString() + " unused, unheld credits and the refund needs "
                    + wanted.toPlainString() + ": they were spent or expired after the payout failed. Nothing was paid.");
        }
        takeCredits(h, before, wanted, now, actor);
        RefundStore.reapproved(h, id, wanted);
        payout(h, before, before.approvedAmount(), wanted, now, actor, payouts);
        return change(h, "retry_payout", before, actor, reason, now);
    }

    /** Re-evaluates the requests still open when the policy changes, so the queue's verdicts follow the policy in force. */
    public static void reevaluateOpen(Handle h, PolicySettings settings, Instant now) {
        for (String id : RefundStore.open(h)) {
            Refund r = RefundStore.find(h, id).orElseThrow();
            RefundStore.reevaluated(h, id, RefundStore.evaluate(h, r, settings));
        }
    }

    private static Change change(Handle h, String action, Refund before, String actor, String reason, Instant now) {
        Refund after = RefundStore.find(h, before.id()).orElseThrow();
        return new Change(action, before, after,
                new AuditLog.Draft(now, actor, "refund." + action, before.id(), reason, snapshot(before), snapshot(after)));
    }

    /** Takes the refunded credits out of the lot with their 'refund' ledger line (the account row is locked). */
    private static void takeCredits(Handle h, Refund r, BigDecimal credits, Instant now, String actor) {
        if (!CreditStore.refund(h, r.accountId(), r.lotId(), credits, now, "refund " + r.id(), actor)) {
            throw ApiException.conflict("Lot " + r.lotId() + " no longer holds " + credits.toPlainString()
                    + " unused credits (it expired, or is not a purchase); nothing was refunded.");
        }
    }

    /** Pays out with the refund's one payout key; on failure the credits go back into the lot. */
    private static void payout(Handle h, Refund r, BigDecimal amount, BigDecimal credits, Instant now, String actor,
                               PayoutProvider payouts) {
        PayoutProvider.Result result = payouts.send(h, new PayoutProvider.Payout(RefundApproval.payoutKey(r.id()), r.id(),
                r.accountId(), amount, r.currency(), now));
        if (result.paid()) {
            RefundStore.paid(h, r.id(), result.reference());
        } else {
            CreditHolds.restore(h, r.accountId(), r.lotId(), credits, now, "refund " + r.id() + " payout failed: credits returned", actor);
            RefundStore.failed(h, r.id(), result.failure());
        }
    }

    private static Map<String, Object> snapshot(Refund r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state());
        m.put("verdict", r.verdict());
        m.put("requested_amount", r.requestedAmount().toPlainString());
        m.put("credits_held", r.creditsHeld().toPlainString());
        if (r.firstApprover() != null) {
            m.put("first_approver", r.firstApprover());
            m.put("first_amount", r.firstAmount().toPlainString());
        }
        if (r.approvedAmount() != null) {
            m.put("approved_amount", r.approvedAmount().toPlainString());
            m.put("credits_refunded", r.creditsRefunded().toPlainString());
        }
        if (r.exception()) {
            m.put("exception", true);
        }
        if (r.payoutReference() != null) {
            m.put("payout_reference", r.payoutReference());
        }
        if (r.payoutFailure() != null) {
            m.put("payout_failure", r.payoutFailure());
        }
        return m;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
