package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseClaimChange;
import dev.gatehouse.api.AbuseDismissalProposal;
import dev.gatehouse.api.AbuseDismissalRequest;
import dev.gatehouse.api.AbuseResolveResult;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.ReportResolution;
import dev.gatehouse.policy.ReportState;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Ruling;
import dev.gatehouse.policy.StatementOfReasons;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two people of a CSAM dismissal (DESIGN §4: "never dismissable by one person"; ai-visual-studio §7, decart §3.5):
 * a reviewer proposes it with the statement of reasons and the law-enforcement reference, which hands the case to a
 * lead; a second operator, a lead other than the proposer, approves it (the case is resolved as proposed) or rejects
 * it (the case stays with a lead, who decides otherwise). The rule itself is policy/ReportResolution.csamDismissal.
 */
final class DismissalApproval {
    private DismissalApproval() {}

    /** POST /abuse-reports/{id}/dismissal. */
    static Audited<AbuseDismissalProposal> propose(RouteRequest<AbuseDismissalRequest> request) {
        AbuseDismissalRequest body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        StatementOfReasons statement = new StatementOfReasons(ReportDecision.DISMISS, body.reason(), body.policyClause(), null,
                StatementOfReasons.HOW_TO_APPEAL);
        statement.problems().forEach((field, message) -> errors.add(new Problem.FieldError(field.equals("facts") ? "reason" : field, message)));
        Ruling le = ReportResolution.lawEnforcementReference(ReportCategory.CSAM, body.lawEnforcementRef());
        if (!le.allowed()) {
            errors.add(new Problem.FieldError("law_enforcement_ref", le.refusal()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        String me = request.operator().id();
        Role role = request.operator().role();
        Instant now = request.now();
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        Ruling may = ReportResolution.role(ReportDecision.DISMISS, role);
        if (!may.allowed()) {
            throw ApiException.forbidden(may.refusal());
        }
        if (CaseResolution.gravest(lock.rows(), target) != ReportCategory.CSAM) {
            throw ApiException.conflict("Only a CSAM case needs a second person to dismiss it; resolve report " + target.id()
                    + " with the decision dismiss.");
        }
        var pending = DismissalStore.pending(h, target.caseId());
        if (pending.isPresent()) {
            throw ApiException.conflict("A dismissal of this case was proposed by " + name(pending.get()) + " at "
                    + pending.get().proposedAt() + " and waits for a lead's approval.");
        }
        ReportState state = ReportState.fromWire(target.state()).orElseThrow();
        var next = state.next(ReportState.Action.ESCALATE);
        if (!next.allowed()) {
            throw ApiException.conflict(next.refusal());
        }
        lock.requireNotHeldByOther(h, me, role == Role.LEAD, now);
        String id = PrefixedIds.next("dsm_", now);
        String reason = statement.facts().strip();
        DismissalStore.insert(h, id, target.caseId(), target.id(), me, now, reason, statement.policyClause().strip(),
                body.lawEnforcementRef().strip());
        // the case goes to a lead, as an escalation does: its first action if none was taken yet
        ReportStore.escalate(h, lock.ids(), "lead", me, now);
        CommentStore.insert(h, PrefixedIds.next("cmt_", now), target.id(), me, request.operator().name(),
                "Dismissal proposed for a lead's approval: " + reason, now);
        AbuseDismissalProposal proposal = DismissalStore.find(h, id).orElseThrow();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("state", target.state());
        before.put("version", target.version());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", "escalated");
        after.put("escalated_to", "lead");
        after.put("dismissal_proposal", id);
        after.put("law_enforcement_ref", proposal.lawEnforcementRef());
        after.put("reports", lock.ids());
        return new Audited<>(new AuditLog.Draft(now, me, "abuse_report.propose_dismissal", target.id(), reason, before, after),
                entry -> proposal);
    }

    /** POST /abuse-reports/{id}/dismissal/approve: a lead other than the proposer; the case is resolved as proposed. */
    static Audited<AbuseResolveResult> approve(RouteRequest<AbuseClaimChange> request) {
        Handle h = request.handle();
        String note = note(request.body().note(), false);
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        AbuseDismissalProposal p = pendingOf(h, lock.target());
        Ruling second = ReportResolution.csamDismissal(ReportCategory.CSAM, ReportDecision.DISMISS, p.proposedBy(),
                request.operator().id(), request.operator().role());
        if (!second.allowed()) {
            throw ApiException.conflict(second.refusal());
        }
        StatementOfReasons statement = new StatementOfReasons(ReportDecision.DISMISS, p.reason(), p.policyClause(), null,
                StatementOfReasons.HOW_TO_APPEAL);
        return CaseResolution.decide(request, new CaseResolution.Valid(ReportDecision.DISMISS, statement, p.lawEnforcementRef(), null),
                p, note);
    }

    /** POST /abuse-reports/{id}/dismissal/reject: the case stays escalated to a lead, who decides it otherwise. */
    static Audited<AbuseDismissalProposal> reject(RouteRequest<AbuseClaimChange> request) {
        Handle h = request.handle();
        String note = note(request.body().note(), true);
        Instant now = request.now();
        String me = request.operator().id();
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        AbuseDismissalProposal p = pendingOf(h, target);
        if (p.proposedBy().equals(me)) {
            throw ApiException.conflict("You proposed this dismissal; a second lead approves or rejects it.");
        }
        DismissalStore.decide(h, p.id(), "rejected", me, now, note);
        CommentStore.insert(h, PrefixedIds.next("cmt_", now), target.id(), me, request.operator().name(),
                "Dismissal not approved: " + note, now);
        AbuseDismissalProposal after = DismissalStore.find(h, p.id()).orElseThrow();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("dismissal_proposal", p.id());
        a.put("state", "rejected");
        return new Audited<>(new AuditLog.Draft(now, me, "abuse_report.reject_dismissal", target.id(), note,
                Map.of("dismissal_proposal", p.id(), "state", "pending"), a), entry -> after);
    }

    private static AbuseDismissalProposal pendingOf(Handle h, ReportStore.Row target) {
        return DismissalStore.pending(h, target.caseId()).orElseThrow(() -> ApiException.conflict("No dismissal of report "
                + target.id() + "'s case waits for approval; a reviewer proposes one with POST /admin/v1/abuse-reports/"
                + target.id() + "/dismissal."));
    }

    private static String name(AbuseDismissalProposal p) {
        return p.proposedByName() == null ? p.proposedBy() : p.proposedByName() + " (" + p.proposedBy() + ")";
    }

    private static String note(String note, boolean required) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw ApiException.validation(List.of(new Problem.FieldError("note", "is required: say why the dismissal is not approved")));
            }
            return null;
        }
        if (note.length() > CaseWork.MAX_NOTE) {
            throw ApiException.validation(List.of(new Problem.FieldError("note", "must be at most " + CaseWork.MAX_NOTE + " characters")));
        }
        return note.strip();
    }
}
