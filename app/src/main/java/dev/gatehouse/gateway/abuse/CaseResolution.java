package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseDecisionRecord;
import dev.gatehouse.api.AbuseDismissalProposal;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.api.AbuseResolveResult;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.enforcement.EnforcementStore;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.ReportResolution;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Ruling;
import dev.gatehouse.policy.StatementOfReasons;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * POST /admin/v1/abuse-reports/{id}/resolve: one decision resolves every unresolved report of the case (issue 9
 * item 2), checked by policy/ReportResolution, enforced through enforcement/StatusChanges in the same transaction,
 * and recorded with its statement of reasons on each report.
 *
 * <p>Audit: the rails append one entry per request. Like an account termination, which revokes every key and records
 * that in its one entry, the resolution's entry carries every change it made: each report's state before and after,
 * and the enforcement's own before/after snapshot (the draft StatusChanges made for it) with its action and target.
 */
final class CaseResolution {
    static final int MAX_OVERRIDE = Enforcement.MAX_REASON_LENGTH;
    private static final String DECISIONS = Arrays.stream(ReportDecision.values()).map(ReportDecision::wire)
            .collect(Collectors.joining(", "));

    private CaseResolution() {}

    record Valid(ReportDecision decision, StatementOfReasons statement, String lawEnforcementRef, String curePeriodOverride) {}

    static Audited<AbuseResolveResult> resolve(RouteRequest<AbuseResolution> request) {
        return decide(request, validate(request.body()), null, null);
    }

    /**
     * Resolves the case of the request's report with {@code v}. {@code approved} is the CSAM dismissal a lead
     * approves (POST …/dismissal/approve): its proposer is the decider and the operator of the request the second
     * person; {@code note} is the approver's. Otherwise a pending proposal of the case is closed as superseded.
     */
    static Audited<AbuseResolveResult> decide(RouteRequest<?> request, Valid v, AbuseDismissalProposal approved, String note) {
        Handle h = request.handle();
        String me = request.operator().id();
        Role role = request.operator().role();
        Instant now = request.now();
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        for (ReportStore.Row r : lock.rows()) {
            if (r.assignee() != null && !r.assignee().equals(me) && role != Role.LEAD) {
                throw CaseLock.heldBy(h, r, r.assignee());
            }
            if ("escalated".equals(r.state()) && "lead".equals(r.escalatedTo()) && role != Role.LEAD) {
                throw ApiException.forbidden("Report " + r.id() + " is escalated to a lead; a lead decides this case.");
            }
        }
        ReportCategory category = gravest(lock.rows(), target);
        // CSAM four-eyes (DESIGN §4): a dismissal proposed by escalating to a lead is decided by another person, a lead
        String proposer = approved != null ? approved.proposedBy()
                : "escalated".equals(target.state()) && "lead".equals(target.escalatedTo()) ? target.escalatedBy() : null;
        String deciderId = proposer != null ? proposer : me;
        Role deciderRole = proposer != null ? ReportStore.operatorRole(h, proposer).orElse(Role.VIEWER) : role;
        String approverId = proposer != null ? me : null;
        Role approverRole = proposer != null ? role : null;

        Account account = AccountStore.lock(h, target.accountId()).orElseThrow();
        List<Instant> warnings = DecisionStore.warningsInForce(h, account.id());
        refuse(ReportResolution.role(v.decision(), role), Kind.FORBIDDEN, null);
        refuse(ReportResolution.subjectKey(v.decision(), target.keyId() != null), Kind.FIELD, "decision");
        if (v.decision() == ReportDecision.DISMISS) {
            refuse(ReportResolution.csamDismissal(category, v.decision(), deciderId, approverId, approverRole), Kind.CONFLICT, null);
        }
        refuse(ReportResolution.lawEnforcementReference(category, v.lawEnforcementRef()), Kind.FIELD, "law_enforcement_ref");
        refuse(ReportResolution.curePeriod(category, v.decision(), warnings, role, v.curePeriodOverride(), now), Kind.CONFLICT, null);
        // the whole rule set once more, as the console previews it, so the gateway never accepts what the policy refuses
        Ruling all = ReportResolution.check(new ReportResolution.Request(category, v.decision(), deciderId,
                v.decision() == ReportDecision.DISMISS ? deciderRole : role, approverId, approverRole, v.lawEnforcementRef(),
                target.keyId() != null, warnings, v.curePeriodOverride(), now));
        refuse(all, Kind.CONFLICT, null);

        String facts = v.statement().facts().strip();
        StatusChanges.Request change = new StatusChanges.Request(me, facts, v.statement().durationHours(), now);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        EnforcementAction enforcement = null;
        if (v.decision().accountAction().isPresent()) {
            var c = StatusChanges.changeAccount(h, account, v.decision().accountAction().get(), change);
            enforcement = recorded(h, account.id(), null, me, now);
            changes.addAll(c.changes());
            subject(before, after, c.audit(), enforcement);
        } else if (v.decision().keyAction().isPresent()) {
            ApiKey key = KeyStore.lock(h, target.keyId()).orElseThrow();
            var c = StatusChanges.changeKey(h, key, v.decision().keyAction().get(), change);
            enforcement = recorded(h, account.id(), key.id(), me, now);
            changes.addAll(c.changes());
            subject(before, after, c.audit(), enforcement);
        }
        String decisionId = PrefixedIds.next("dec_", now);
        List<String> ids = lock.ids();
        AbuseDecisionRecord decision = new AbuseDecisionRecord(decisionId, target.caseId(), account.id(), target.keyId(),
                v.decision().wire(), facts, v.statement().policyClause().strip(), v.statement().durationHours(),
                v.statement().durationText(), v.statement().howToAppeal(), v.statement().text(), v.lawEnforcementRef(),
                proposer, v.curePeriodOverride(), enforcement == null ? null : enforcement.id(), me, now, ids);
        DecisionStore.insert(h, decision, target.id());
        ReportStore.resolve(h, ids, decisionId, now);
        var pending = DismissalStore.pending(h, target.caseId());
        if (approved != null) {
            DismissalStore.decide(h, approved.id(), "approved", me, now, note);
        } else if (pending.isPresent()) {
            DismissalStore.decide(h, pending.get().id(), "rejected", me, now, "superseded by the decision " + v.decision().wire());
        }
        changes.add(ids.size() == 1 ? "report " + ids.get(0) + " resolved" : ids.size() + " reports of the case resolved");
        Map<String, String> reportsBefore = new LinkedHashMap<>();
        lock.rows().forEach(r -> reportsBefore.put(r.id(), r.state()));
        before.put("reports", reportsBefore);
        after.put("reports", ids.stream().collect(Collectors.toMap(id -> id, id -> "resolved", (a, b) -> a, LinkedHashMap::new)));
        after.put("decision", v.decision().wire());
        after.put("decision_id", decisionId);
        after.put("policy_clause", decision.policyClause());
        if (v.lawEnforcementRef() != null) after.put("law_enforcement_ref", v.lawEnforcementRef());
        if (proposer != null) after.put("proposed_by", proposer);
        if (v.curePeriodOverride() != null) after.put("cure_period_override", v.curePeriodOverride());
        if (approved != null) {
            // still an abuse_report.resolve entry (the history and appeals find decisions by it), naming the approval
            after.put("dismissal_proposal", approved.id());
            after.put("approved_by", me);
            after.put("facts", facts);
        } else if (pending.isPresent()) {
            after.put("dismissal_proposal_superseded", pending.get().id());
        }
        List<AbuseReport> reports = ReportStore.shown(h, ids.stream().map(id -> ReportStore.find(h, id).orElseThrow()).toList(), now);
        EnforcementAction taken = enforcement;
        // an approval's entry gives the approver's reason; the proposer's facts stay in the decision it records
        String why = approved != null && note != null ? note : facts;
        return new Audited<>(new AuditLog.Draft(now, me, "abuse_report.resolve", target.id(), why, before, after),
                entry -> new AbuseResolveResult(decision, reports, taken, changes, entry.id(), entry));
    }

    /** The category the rules apply to: CSAM if any report of the case is CSAM, else a severe one, else the target's. */
    static ReportCategory gravest(List<ReportStore.Row> rows, ReportStore.Row target) {
        List<ReportCategory> categories = rows.stream().map(r -> ReportCategory.fromWire(r.category()).orElseThrow()).toList();
        if (categories.contains(ReportCategory.CSAM)) {
            return ReportCategory.CSAM;
        }
        ReportCategory own = ReportCategory.fromWire(target.category()).orElseThrow();
        return own.severe() ? own : categories.stream().filter(ReportCategory::severe)
                .min(Comparator.comparingInt(Enum::ordinal)).orElse(own);
    }

    static Valid validate(AbuseResolution body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ReportDecision decision = null;
        if (body.decision() == null || body.decision().isBlank()) {
            errors.add(new Problem.FieldError("decision", "is required: one of " + DECISIONS));
        } else {
            decision = ReportDecision.fromWire(body.decision()).orElse(null);
            if (decision == null) {
                errors.add(new Problem.FieldError("decision", "unknown decision '" + body.decision() + "'; use one of " + DECISIONS));
            }
        }
        String le = ReportText.optional(errors, "law_enforcement_ref", body.lawEnforcementRef(),
                ReportResolution.MAX_LAW_ENFORCEMENT_REF_LENGTH).orElse(null);
        String override = ReportText.optional(errors, "cure_period_override", body.curePeriodOverride(), MAX_OVERRIDE).orElse(null);
        boolean unknownDecision = decision == null;
        StatementOfReasons statement = new StatementOfReasons(decision == null ? ReportDecision.DISMISS : decision,
                body.reason(), body.policyClause(), body.durationHours(), StatementOfReasons.HOW_TO_APPEAL);
        statement.problems().forEach((field, message) -> {
            if (!(unknownDecision && field.equals("duration_hours"))) {
                errors.add(new Problem.FieldError(field.equals("facts") ? "reason" : field, message));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Valid(decision, statement, le, override);
    }

    private enum Kind { FORBIDDEN, FIELD, CONFLICT }

    private static void refuse(Ruling ruling, Kind kind, String field) {
        if (ruling.allowed()) {
            return;
        }
        throw switch (kind) {
            case FORBIDDEN -> ApiException.forbidden(ruling.refusal());
            case FIELD -> ApiException.validation(List.of(new Problem.FieldError(field, ruling.refusal())));
            case CONFLICT -> ApiException.conflict(ruling.refusal());
        };
    }

    private static EnforcementAction recorded(Handle h, String accountId, String keyId, String actor, Instant at) {
        String id = DecisionStore.enforcementJustRecorded(h, accountId, keyId, actor, at);
        return EnforcementStore.history(h, accountId, keyId, 20).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The enforcement's own audit draft, folded into the resolution's entry: its action, target and snapshots. */
    private static void subject(Map<String, Object> before, Map<String, Object> after, AuditLog.Draft draft, EnforcementAction e) {
        before.put("subject", Map.of("target", draft.target(), "snapshot", draft.before()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("action", draft.action());
        a.put("target", draft.target());
        a.put("enforcement_id", e.id());
        a.put("snapshot", draft.after());
        after.put("subject", a);
    }
}
