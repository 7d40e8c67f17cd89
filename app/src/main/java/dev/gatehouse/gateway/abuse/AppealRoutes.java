package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.Appeal;
import dev.gatehouse.api.AppealDecision;
import dev.gatehouse.api.AppealIntake;
import dev.gatehouse.api.AppealResult;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.AppealOutcome;
import dev.gatehouse.policy.Appeals;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.Ruling;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * /admin/v1/appeals (issue 9 item 5, EU DSA art. 20 practice): file an appeal against an enforcement, list them, and
 * decide one. Never by the original decider (policy/Appeals). Overturning lifts what can be lifted, through
 * enforcement/StatusChanges; revocation and termination stay final and the offer made instead is recorded.
 */
public final class AppealRoutes implements Feature {
    static final int MAX_STATEMENT = 4000;
    private static final Routes.Body<AppealIntake> INTAKE = new Routes.Body<>(AppealIntake.class, Set.of(Permission.FILE_APPEAL),
            b -> List.of(Permission.FILE_APPEAL));
    private static final Routes.Body<AppealDecision> DECIDE = new Routes.Body<>(AppealDecision.class,
            Set.of(Permission.DECIDE_APPEALS), b -> List.of(Permission.DECIDE_APPEALS));

    private final Jdbi jdbi;

    public AppealRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/appeals", Permission.READ, this::list);
        routes.create("/admin/v1/appeals", INTAKE, AppealRoutes::file);
        routes.action("/admin/v1/appeals/{id}/decide", DECIDE, AppealRoutes::decide);
    }

    private void list(Context ctx) {
        String state = QueryParams.oneOf(ctx, "state", Set.of("open", "decided")).orElse(null);
        String account = QueryParams.text(ctx, "account_id", 40).orElse(null);
        int limit = QueryParams.limit(ctx);
        List<String> after = Cursor.decodeTimed(ctx, "appeals", 2).orElse(null);
        List<Appeal> rows = jdbi.withHandle(h -> AppealStore.list(h, state, account, after, limit + 1));
        ctx.json(Pages.of(rows, limit, a -> Cursor.encode("appeals", a.filedAt().toString(), a.id())));
    }

    /** The ladder step an enforcement record took, as the decision it stands for; reinstatements restrict nothing. */
    static Optional<ReportDecision> decisionOf(EnforcementAction e) {
        return switch (e.targetType() + ":" + e.action()) {
            case "account:warn" -> Optional.of(ReportDecision.WARN);
            case "account:suspend" -> Optional.of(ReportDecision.SUSPEND_ACCOUNT);
            case "account:terminate" -> Optional.of(ReportDecision.TERMINATE_ACCOUNT);
            case "key:suspend" -> Optional.of(ReportDecision.SUSPEND_KEY);
            case "key:revoke" -> Optional.of(ReportDecision.REVOKE_KEY);
            default -> Optional.empty();
        };
    }

    static Audited<Appeal> file(RouteRequest<AppealIntake> request) {
        Handle h = request.handle();
        AppealIntake body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String enfId = ReportText.required(errors, "enforcement_id", body.enforcementId(), 40,
                "the id of the enforcement appealed (enf_…)").orElse(null);
        String statement = ReportText.required(errors, "statement", body.statement(), MAX_STATEMENT,
                "the customer's reasons why the decision is wrong").orElse(null);
        EnforcementAction e = enfId == null ? null : AppealStore.enforcement(h, enfId).orElse(null);
        if (enfId != null && e == null) {
            errors.add(new Problem.FieldError("enforcement_id", "no enforcement with id '" + enfId + "'"));
        }
        ReportDecision decision = e == null ? null : decisionOf(e).orElse(null);
        if (e != null && decision == null) {
            errors.add(new Problem.FieldError("enforcement_id", "a " + e.action() + " restricts nothing; there is nothing to appeal"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Ruling appealable = Appeals.appealable(decision);
        if (!appealable.allowed()) {
            throw ApiException.conflict(appealable.refusal());
        }
        // several appeals against one enforcement may be open (a customer writing twice): each is decided on its own,
        // and overturning lifts only what is still in force (policy/Appeals.overturn)
        String decisionId = DecisionStore.byEnforcement(h, e.id()).map(d -> d.id()).orElse(null);
        String id = PrefixedIds.next("apl_", request.now());
        AppealStore.insert(h, id, e, decisionId, decision.wire(), statement, request.operator().id(), request.now());
        Appeal appeal = AppealStore.find(h, id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enforcement_id", e.id());
        after.put("original_decision", decision.wire());
        after.put("original_decider", e.actor());
        after.put("state", "open");
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "appeal.file", id, null, null, after),
                entry -> appeal);
    }

    static Audited<AppealResult> decide(RouteRequest<AppealDecision> request) {
        Handle h = request.handle();
        AppealDecision body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        AppealOutcome outcome = body.outcome() == null ? null : AppealOutcome.fromWire(body.outcome()).orElse(null);
        if (outcome == null) {
            errors.add(new Problem.FieldError("outcome", (body.outcome() == null ? "is required" : "unknown outcome '"
                    + body.outcome() + "'") + "; use upheld or overturned"));
        }
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new Problem.FieldError("reason", m)));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String reason = body.reason().strip();
        String id = request.pathParam("id");
        Appeal before = AppealStore.lock(h, id).orElseThrow(() -> ApiException.notFound("appeal", id));
        request.checkVersion("appeal", before.version());
        if (!before.state().equals("open")) {
            throw ApiException.finalState("Appeal " + id + " was decided (" + before.outcome() + ") at " + before.decidedAt()
                    + "; an appeal is decided once.");
        }
        Ruling may = Appeals.mayDecide(before.originalDecider(), request.operator().id(), request.operator().role());
        if (!may.allowed()) {
            throw ApiException.forbidden(may.refusal());
        }
        ReportDecision decision = ReportDecision.fromWire(before.originalDecision()).orElseThrow();
        List<String> changes = new ArrayList<>();
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        b.put("state", "open");
        a.put("state", "decided");
        a.put("outcome", outcome.wire());
        String outcomeText;
        String offer = null;
        if (outcome == AppealOutcome.UPHELD) {
            outcomeText = "The decision stands.";
            changes.add("appeal upheld; the " + decision.wire().replace('_', ' ') + " stays in force");
        } else {
            Account account = AccountStore.lock(h, before.accountId()).orElseThrow();
            ApiKey key = before.keyId() == null ? null : KeyStore.lock(h, before.keyId()).orElse(null);
            Appeals.Overturn overturn = Appeals.overturn(decision, AccountStatus.fromWire(account.status()).orElseThrow(),
                    key == null ? null : KeyStatus.fromWire(key.status()).orElseThrow());
            // the enforcement history names the appeal; the whole reason is on the appeal and in its audit entry
            String lifted = "Appeal " + id + " overturned: " + reason;
            if (lifted.length() > Enforcement.MAX_REASON_LENGTH) {
                lifted = lifted.substring(0, Enforcement.MAX_REASON_LENGTH - 1) + "…";
            }
            StatusChanges.Request lift = new StatusChanges.Request(request.operator().id(), lifted, null, request.now());
            if (overturn.accountAction().isPresent()) {
                var c = StatusChanges.changeAccount(h, account, overturn.accountAction().get(), lift);
                changes.addAll(c.changes());
                b.put("subject", Map.of("target", c.audit().target(), "snapshot", c.audit().before()));
                a.put("subject", Map.of("action", c.audit().action(), "target", c.audit().target(), "snapshot", c.audit().after()));
            } else if (overturn.keyAction().isPresent() && key != null) {
                var c = StatusChanges.changeKey(h, key, overturn.keyAction().get(), lift);
                changes.addAll(c.changes());
                b.put("subject", Map.of("target", c.audit().target(), "snapshot", c.audit().before()));
                a.put("subject", Map.of("action", c.audit().action(), "target", c.audit().target(), "snapshot", c.audit().after()));
            }
            if (decision == ReportDecision.WARN) {
                changes.add("warning " + before.enforcementId() + " withdrawn: it no longer counts as notice for the cure period");
            }
            outcomeText = overturn.outcome();
            offer = overturn.offer().orElse(null);
            changes.add(outcomeText);
            if (offer != null) {
                changes.add("offered: " + offer);
                a.put("offer", offer);
            }
        }
        a.put("outcome_text", outcomeText);
        AppealStore.decide(h, id, outcome.wire(), reason, outcomeText, offer, request.operator().id(), request.now());
        Appeal after = AppealStore.find(h, id).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "appeal.decide", id, reason, b, a),
                entry -> new AppealResult(after, changes, entry.id(), entry));
    }
}
