package dev.gatehouse.gateway.refunds;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.api.RefundIntake;
import dev.gatehouse.api.RefundReason;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.settings.PolicyStore;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.PolicySettings;
import dev.gatehouse.policy.RefundApproval;
import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * /admin/v1/refunds (issue 10 §3): intake (the requested credits are held), the queue, a refund with its eligibility and
 * its lot's history, approve (with four-eyes above the threshold and a lead's exception beyond the refundable amount),
 * deny (the hold is released), and retrying a failed payout. Approving takes the credits out of the lot, writes the
 * ledger line and pays out, in one transaction; a payout that fails puts the credits back. Every payout of a refund
 * carries one key, so no retry, concurrent approval or replay ever pays twice.
 */
public final class RefundRoutes implements Feature {
    static final Set<String> STATES = Arrays.stream(RefundState.values()).map(RefundState::wire).collect(Collectors.toSet());
    static final Set<String> VERDICTS = Arrays.stream(RefundEligibility.Verdict.values())
            .map(RefundEligibility.Verdict::wire).collect(Collectors.toSet());
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,20}(\\.[0-9]{1,20})?$");
    private static final int HISTORY = 50;

    private static final Routes.Body<RefundIntake> INTAKE = new Routes.Body<>(RefundIntake.class,
            Set.of(Permission.REQUEST_REFUND), b -> List.of());
    private static final Routes.Body<RefundApprovalRequest> APPROVE = new Routes.Body<>(RefundApprovalRequest.class,
            Set.of(Permission.DECIDE_REFUNDS, Permission.REFUND_EXCEPTION),
            b -> List.of(Boolean.TRUE.equals(b.exception()) ? Permission.REFUND_EXCEPTION : Permission.DECIDE_REFUNDS));
    private static final Routes.Body<RefundReason> DECIDE = new Routes.Body<>(RefundReason.class,
            Set.of(Permission.DECIDE_REFUNDS), b -> List.of());

    private final Jdbi jdbi;
    private final Clock clock;
    private final PayoutProvider payouts;

    public RefundRoutes(Jdbi jdbi, Clock clock, PayoutProvider payouts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.payouts = payouts;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/refunds", Permission.READ, this::list);
        routes.read("/admin/v1/refunds/{id}", Permission.READ, this::detail);
        routes.create("/admin/v1/refunds", INTAKE, this::intake);
        routes.action("/admin/v1/refunds/{id}/approve", APPROVE, this::approve);
        routes.action("/admin/v1/refunds/{id}/deny", DECIDE, this::deny);
        routes.action("/admin/v1/refunds/{id}/retry-payout", DECIDE, this::retryPayout);
    }

    private void list(Context ctx) {
        RefundStore.Filter f = new RefundStore.Filter(QueryParams.oneOf(ctx, "state", STATES).orElse(null),
                QueryParams.oneOf(ctx, "verdict", VERDICTS).orElse(null), QueryParams.text(ctx, "account_id", 40).orElse(null));
        int limit = QueryParams.limit(ctx);
        String before = Cursor.decode(ctx, "refunds", 1).map(k -> k.get(0)).orElse(null);
        List<Refund> rows = jdbi.withHandle(h -> RefundStore.list(h, f, before, limit + 1));
        ctx.json(Pages.of(rows, limit, r -> Cursor.encode("refunds", r.id())));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        RefundDetail detail = jdbi.withHandle(h -> {
            Refund r = RefundStore.find(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
            return detail(h, r, now);
        });
        ETags.set(ctx, detail.refund().version());
        ctx.json(detail);
    }

    static RefundDetail detail(Handle h, Refund r, Instant now) {
        PolicySettings settings = PolicyStore.settings(h);
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, r.accountId(), r.lotId(), r.id(), now).orElseThrow();
        RefundEligibility.Result e = RefundEligibility.evaluate(facts.lot(), r.requestedAmount(), settings, r.requestedAt());
        CreditHolds.Summary credits = CreditHolds.summary(h, r.accountId(), now);
        RefundDetail.Credits account = h.createQuery("SELECT name, status, currency FROM accounts WHERE id = :id")
                .bind("id", r.accountId())
                .map((rs, c) -> new RefundDetail.Credits(r.accountId(), rs.getString("name"), rs.getString("status"),
                        credits.balance(), credits.held(), credits.spendable(), rs.getString("currency").trim()))
                .one();
        return new RefundDetail(r, view(e, settings, r), facts.shown(), RefundStore.lotHistory(h, r.accountId(), r.lotId(), HISTORY),
                account);
    }

    static RefundEligibilityView view(RefundEligibility.Result e, PolicySettings settings, Refund r) {
        List<RefundEligibilityView.Line> lines = e.reasons().stream()
                .map(x -> new RefundEligibilityView.Line(x.text(), x.rule(), x.source())).toList();
        RefundEligibility.Reason deciding = e.reasons().isEmpty() ? null : e.reasons().get(0);
        BigDecimal amount = r.firstAmount() != null ? r.firstAmount() : r.requestedAmount();
        BigDecimal threshold = settings.fourEyesThreshold().value();
        return new RefundEligibilityView(e.verdict().wire(), e.requested(), e.refundable(), e.exceptionCap(), e.creditsToHold(),
                e.presetName(), deciding == null ? null : deciding.rule(), deciding == null ? null : deciding.source(), lines,
                r.requestedAt(), Money.normalize(threshold), amount.compareTo(threshold) > 0);
    }

    private Audited<RefundDetail> intake(RouteRequest<RefundIntake> request) {
        RefundIntake body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String accountId = required("account_id", body.accountId(), errors);
        String lotId = required("lot_id", body.lotId(), errors);
        BigDecimal amount = amount(body.amount(), errors);
        reason(body.reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        Instant now = request.now();
        if (CreditStore.lockBalance(h, accountId).isEmpty()) {
            throw ApiException.validation(List.of(new Problem.FieldError("account_id", "no account '" + accountId + "'")));
        }
        CreditStore.expireLapsed(h, accountId, now, "system");
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, accountId, lotId, null, now).orElseThrow(() -> ApiException.validation(
                List.of(new Problem.FieldError("lot_id", "'" + lotId + "' is not a credit lot of account " + accountId))));
        PolicySettings settings = PolicyStore.settings(h);
        RefundEligibility.Result e = RefundEligibility.evaluate(facts.lot(), amount, settings, now);
        String id = PrefixedIds.next("rfd_", now);
        String actor = request.operator().id();
        RefundStore.insert(h, id, accountId, lotId, amount, e, facts.shown().currency(), body.reason().trim(), actor, now);
        if (e.creditsToHold().signum() > 0) {
            // issue 10 §3 "Hold": from request to decision the requested credits cannot be spent
            Optional<String> problem = CreditHolds.hold(h, accountId, lotId, id, e.creditsToHold(), now);
            if (problem.isPresent()) {
                throw ApiException.conflict("The requested credits cannot be held: " + problem.get() + ".");
            }
        }
        Refund created = RefundStore.find(h, id).orElseThrow();
        RefundDetail detail = detail(h, created, now);
        return new Audited<>(new AuditLog.Draft(now, actor, "refund.request", id, body.reason().trim(), null, snapshot(created)),
                entry -> detail);
    }

    private Audited<RefundActionResult> approve(RouteRequest<RefundApprovalRequest> request) {
        RefundApprovalRequest body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        BigDecimal amount = amount(body.amount(), errors);
        reason(body.reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        request.checkVersion("refund", before.version());
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
        String actor = request.operator().id();
        String reason = body.reason().trim();
        RefundApproval.Decision d = RefundApproval.approve(state, first,
                new RefundApproval.Approver(actor, Boolean.TRUE.equals(body.exception())), amount, reason, e, settings);
        if (!d.allowed()) {
            throw switch (d.refusalKind()) {
                case OVER_CAP, INVALID -> ApiException.validation(List.of(new Problem.FieldError("amount", d.refusal())));
                case NOT_PERMITTED -> ApiException.forbidden(capitalized(d.refusal()) + ".");
                case WRONG_STATE -> state.isFinal() ? ApiException.finalState(capitalized(d.refusal()) + ".")
                        : ApiException.conflict(capitalized(d.refusal()) + ".");
            };
        }
        String action;
        if (d.next() == RefundState.AWAITING_SECOND_APPROVAL) {
            // DESIGN §4 "refund approval": above the threshold a second operator, not the first, must approve
            RefundStore.firstApproval(h, id, actor, Money.normalize(amount), reason, d.exception(), request.now());
            action = "refund.approve_first";
        } else {
            BigDecimal available = facts.lot().creditsAvailable(before.requestedAt());
            BigDecimal credits = RefundStore.creditsFor(amount, facts.lot(), available);
            CreditHolds.release(h, id);
            takeCredits(h, before, credits, request.now(), actor);
            RefundStore.approved(h, id, actor, Money.normalize(amount), credits, reason, d.exception(), request.now());
            payout(h, before, Money.normalize(amount), credits, request.now(), actor);
            action = "refund.approve";
        }
        Refund after = RefundStore.find(h, id).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), actor, action, id, reason, snapshot(before), snapshot(after)),
                entry -> new RefundActionResult(action.substring("refund.".length()), after, entry.id()));
    }

    private Audited<RefundActionResult> deny(RouteRequest<RefundReason> request) {
        String id = request.pathParam("id");
        Handle h = request.handle();
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        request.checkVersion("refund", before.version());
        RefundState state = RefundStore.state(before);
        Optional<String> problem = RefundApproval.denyProblem(state, request.body().reason());
        if (problem.isPresent()) {
            if (!state.canMoveTo(RefundState.DENIED)) {
                throw state.isFinal() ? ApiException.finalState(capitalized(problem.get()) + ".")
                        : ApiException.conflict(capitalized(problem.get()) + ".");
            }
            throw ApiException.validation(List.of(new Problem.FieldError("reason", problem.get())));
        }
        String actor = request.operator().id();
        String reason = request.body().reason().trim();
        CreditStore.lockBalance(h, before.accountId());
        CreditHolds.release(h, id);
        RefundStore.denied(h, id, actor, reason, request.now());
        Refund after = RefundStore.find(h, id).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), actor, "refund.deny", id, reason, snapshot(before), snapshot(after)),
                entry -> new RefundActionResult("deny", after, entry.id()));
    }

    private Audited<RefundActionResult> retryPayout(RouteRequest<RefundReason> request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        reason(request.body().reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        Refund before = RefundStore.lock(h, id).orElseThrow(() -> ApiException.notFound("refund", id));
        request.checkVersion("refund", before.version());
        if (RefundStore.state(before) != RefundState.FAILED) {
            throw ApiException.conflict("Only a refund whose payout failed can be retried; this one is " + before.state() + ".");
        }
        String actor = request.operator().id();
        CreditStore.lockBalance(h, before.accountId());
        CreditStore.expireLapsed(h, before.accountId(), request.now(), "system");
        RefundStore.LotFacts facts = RefundStore.lotFacts(h, before.accountId(), before.lotId(), id, request.now()).orElseThrow();
        BigDecimal available = facts.lot().creditsAvailable(request.now());
        BigDecimal wanted = RefundStore.creditsFor(before.approvedAmount(), facts.lot(), facts.lot().creditsBought());
        if (wanted.compareTo(available) > 0) {
            throw ApiException.conflict("The lot now has " + available.toPlainString() + " unused, unheld credits and the refund needs "
                    + wanted.toPlainString() + ": they were spent or expired after the payout failed. Nothing was paid.");
        }
        takeCredits(h, before, wanted, request.now(), actor);
        RefundStore.reapproved(h, id, wanted);
        payout(h, before, before.approvedAmount(), wanted, request.now(), actor);
        Refund after = RefundStore.find(h, id).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), actor, "refund.retry_payout", id, request.body().reason().trim(),
                snapshot(before), snapshot(after)), entry -> new RefundActionResult("retry_payout", after, entry.id()));
    }

    /** Takes the refunded credits out of the lot with their 'refund' ledger line (the account row is locked). */
    private static void takeCredits(Handle h, Refund r, BigDecimal credits, Instant now, String actor) {
        if (!CreditStore.refund(h, r.accountId(), r.lotId(), credits, now, "refund " + r.id(), actor)) {
            throw ApiException.conflict("Lot " + r.lotId() + " no longer holds " + credits.toPlainString()
                    + " unused credits (it expired, or is not a purchase); nothing was refunded.");
        }
    }

    /** Pays out; on failure the credits go back into the lot, and a retry pays with the same key. */
    private void payout(Handle h, Refund r, BigDecimal amount, BigDecimal credits, Instant now, String actor) {
        PayoutProvider.Result result = payouts.send(h, new PayoutProvider.Payout(RefundApproval.payoutKey(r.id()), r.id(),
                r.accountId(), amount, r.currency(), now));
        if (result.paid()) {
            RefundStore.paid(h, r.id(), result.reference());
        } else {
            CreditHolds.restore(h, r.accountId(), r.lotId(), credits, now, "refund " + r.id() + " payout failed: credits returned", actor);
            RefundStore.failed(h, r.id(), result.failure());
        }
    }

    /** Re-evaluates the requests still open when the policy changes, so the queue's verdicts follow the policy in force. */
    public static void reevaluateOpen(Handle h, PolicySettings settings, Instant now) {
        for (String id : RefundStore.open(h)) {
            Refund r = RefundStore.find(h, id).orElseThrow();
            RefundStore.reevaluated(h, id, RefundStore.evaluate(h, r, settings));
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

    private static String required(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (value.length() > 40) {
            errors.add(new Problem.FieldError(field, "must be at most 40 characters"));
            return null;
        }
        return value.trim();
    }

    /** A money amount typed as an exact decimal string: positive, at most six decimals (never rounded). */
    static BigDecimal amount(String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError("amount", "is required, as a decimal string such as \"12.50\""));
            return null;
        }
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            errors.add(new Problem.FieldError("amount", "must be a positive decimal such as \"12.50\" (digits, one dot), got \""
                    + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\""));
            return null;
        }
        BigDecimal d = new BigDecimal(t);
        Optional<String> problem = RefundEligibility.amountProblem(d);
        if (problem.isPresent()) {
            errors.add(new Problem.FieldError("amount", problem.get()));
            return null;
        }
        return Money.normalize(d);
    }

    private static void reason(String reason, List<Problem.FieldError> errors) {
        Enforcement.reasonProblem(reason).ifPresent(p -> errors.add(new Problem.FieldError("reason", p)));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
