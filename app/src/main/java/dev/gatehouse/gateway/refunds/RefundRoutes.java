package dev.gatehouse.gateway.refunds;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.api.RefundIntake;
import dev.gatehouse.api.RefundReason;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.settings.PolicyStore;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.PolicySettings;
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
import java.util.List;
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
        RefundWorkflow.Change c = RefundWorkflow.request(request.handle(), accountId, lotId, amount, body.reason().trim(),
                request.operator().id(), request.now(), null);
        RefundDetail detail = detail(request.handle(), c.after(), request.now());
        return new Audited<>(c.audit(), entry -> detail);
    }

    private Audited<RefundActionResult> approve(RouteRequest<RefundApprovalRequest> request) {
        RefundApprovalRequest body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        BigDecimal amount = amount(body.amount(), errors);
        reason(body.reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        // the rails checked that exception: true comes from a role holding REFUND_EXCEPTION (a lead)
        RefundWorkflow.Change c = RefundWorkflow.approve(request.handle(), request.pathParam("id"), amount, body.reason().trim(),
                request.operator().id(), Boolean.TRUE.equals(body.exception()), request.now(), payouts,
                v -> request.checkVersion("refund", v));
        return result(c);
    }

    private Audited<RefundActionResult> deny(RouteRequest<RefundReason> request) {
        RefundWorkflow.Change c = RefundWorkflow.deny(request.handle(), request.pathParam("id"), request.body().reason(),
                request.operator().id(), request.now(), v -> request.checkVersion("refund", v));
        return result(c);
    }

    private Audited<RefundActionResult> retryPayout(RouteRequest<RefundReason> request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        reason(request.body().reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        RefundWorkflow.Change c = RefundWorkflow.retryPayout(request.handle(), request.pathParam("id"), request.body().reason().trim(),
                request.operator().id(), request.now(), payouts, v -> request.checkVersion("refund", v));
        return result(c);
    }

    private static Audited<RefundActionResult> result(RefundWorkflow.Change c) {
        return new Audited<>(c.audit(), entry -> new RefundActionResult(c.action(), c.after(), entry.id()));
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
}
