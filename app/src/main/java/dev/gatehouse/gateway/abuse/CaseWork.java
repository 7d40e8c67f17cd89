package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseClaimChange;
import dev.gatehouse.api.AbuseComment;
import dev.gatehouse.api.AbuseCommentRequest;
import dev.gatehouse.api.AbuseEscalation;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportChange;
import dev.gatehouse.api.AbuseSeverityPatch;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.ReportState;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Severity;
import dev.gatehouse.policy.SeverityChange;
import dev.gatehouse.policy.Ruling;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Working a case: claim (one reviewer per report, issue 9 item 1), release, escalate, split a wrongly grouped report
 * off, comment, and change severity. Claims act on the whole case, since one decision resolves it.
 */
final class CaseWork {
    static final int MAX_NOTE = 2000;

    private CaseWork() {}

    static Audited<AbuseReportChange> claim(RouteRequest<AbuseClaimChange> request) {
        Handle h = request.handle();
        String me = request.operator().id();
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        ReportState state = state(target);
        if (state == ReportState.IN_REVIEW) {
            if (me.equals(target.assignee())) {
                throw ApiException.conflict("You already hold report " + target.id() + ".");
            }
            throw CaseLock.heldBy(h, target, target.assignee());
        }
        refuseUnless(state.next(ReportState.Action.CLAIM));
        String note = note(request.body() == null ? null : request.body().note(), false);
        List<String> claimed = ReportStore.claimOpen(h, lock.rows(), me, request.now());
        return change(h, request, target, "abuse_report.claim", note, claimed,
                Map.of("state", "open", "assignee", "none"), Map.of("state", "in_review", "assignee", me));
    }

    static Audited<AbuseReportChange> release(RouteRequest<AbuseClaimChange> request) {
        Handle h = request.handle();
        String me = request.operator().id();
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        refuseUnless(state(target).next(ReportState.Action.RELEASE));
        boolean lead = request.operator().role() == Role.LEAD;
        lock.requireNotHeldByOther(h, me, lead, request.now());
        String note = note(request.body() == null ? null : request.body().note(), false);
        List<String> released = ReportStore.release(h, lock.rows(), target.assignee());
        return change(h, request, target, "abuse_report.release", note, released,
                Map.of("state", "in_review", "assignee", target.assignee()), Map.of("state", "open", "assignee", "none"));
    }

    static Audited<AbuseReportChange> escalate(RouteRequest<AbuseEscalation> request) {
        Handle h = request.handle();
        AbuseEscalation body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.to() == null || !List.of("lead", "law_enforcement").contains(body.to())) {
            errors.add(new Problem.FieldError("to", (body.to() == null ? "is required" : "unknown value '" + body.to() + "'")
                    + "; use lead or law_enforcement"));
        }
        String note = ReportText.required(errors, "note", body.note(), MAX_NOTE, "say why it is escalated and what is needed").orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String me = request.operator().id();
        boolean lead = request.operator().role() == Role.LEAD;
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        ReportState state = state(target);
        refuseUnless(state.next(ReportState.Action.ESCALATE));
        if (state == ReportState.ESCALATED) {
            if (!"lead".equals(target.escalatedTo()) || !body.to().equals("law_enforcement")) {
                throw ApiException.conflict("Report " + target.id() + " is already escalated to "
                        + target.escalatedTo().replace('_', ' ') + "; an escalated report only goes on from a lead to law enforcement.");
            }
            if (!lead) {
                throw ApiException.forbidden("Report " + target.id() + " is escalated to a lead; a lead takes it on to law enforcement.");
            }
        } else {
            lock.requireNotHeldByOther(h, me, lead, request.now());
        }
        List<String> ids = lock.rows().stream().filter(r -> r.id().equals(target.id())
                || (r.state().equals(target.state()) && java.util.Objects.equals(r.assignee(), target.assignee()))).map(ReportStore.Row::id).toList();
        ReportStore.escalate(h, ids, body.to(), me, request.now());
        CommentStore.insert(h, PrefixedIds.next("cmt_", request.now()), target.id(), me, request.operator().name(),
                "Escalated to " + body.to().replace('_', ' ') + ": " + note, request.now());
        return change(h, request, target, "abuse_report.escalate", note, ids,
                Map.of("state", target.state()), Map.of("state", "escalated", "escalated_to", body.to()));
    }

    /** Moves a report that was grouped with the wrong case into a case of its own. */
    static Audited<AbuseReportChange> split(RouteRequest<AbuseClaimChange> request) {
        Handle h = request.handle();
        List<Problem.FieldError> errors = new ArrayList<>();
        String note = ReportText.required(errors, "note", request.body().note(), MAX_NOTE, "say why the report is not part of its case")
                .orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CaseLock lock = CaseLock.of(h, request.pathParam("id"));
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        lock.requireNotHeldByOther(h, request.operator().id(), request.operator().role() == Role.LEAD, request.now());
        if (lock.rows().size() < 2) {
            throw ApiException.conflict("Report " + target.id() + " is the only unresolved report of its case; there is nothing to split it from.");
        }
        String newCase = PrefixedIds.next("case_", request.now());
        ReportStore.moveToCase(h, target.id(), newCase);
        DismissalStore.moveWithReport(h, target.id(), newCase);
        return change(h, request, target, "abuse_report.split", note, List.of(target.id()),
                Map.of("case_id", target.caseId()), Map.of("case_id", newCase));
    }

    static Audited<AbuseComment> comment(RouteRequest<AbuseCommentRequest> request) {
        Handle h = request.handle();
        List<Problem.FieldError> errors = new ArrayList<>();
        String body = ReportText.required(errors, "body", request.body().body(), CommentStore.MAX_BODY, "the comment's text").orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        CaseLock.requireReportId(id);
        ReportStore.Row report = ReportStore.find(h, id).orElseThrow(() -> ApiException.notFound("abuse report", id));
        request.checkVersion("abuse report", report.version());
        AbuseComment comment = CommentStore.insert(h, PrefixedIds.next("cmt_", request.now()), id, request.operator().id(),
                request.operator().name(), body, request.now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("comment_id", comment.id());
        after.put("length", body.length());
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "abuse_report.comment", id, null, null, after),
                entry -> comment);
    }

    /**
     * Raise or lower the severity (issue 9 item 1): anyone working reports may raise it; lowering needs a lead and a
     * reason (policy/SeverityChange). The internal target moves with it; the 24 h due time never does.
     */
    static Audited<AbuseReportChange> severity(RouteRequest<AbuseSeverityPatch> request) {
        Handle h = request.handle();
        AbuseSeverityPatch body = request.body();
        Severity proposed = body.severity() == null ? null : Severity.fromWire(body.severity()).orElse(null);
        if (proposed == null) {
            throw ApiException.validation(List.of(new Problem.FieldError("severity",
                    (body.severity() == null ? "is required" : "unknown severity '" + body.severity() + "'")
                            + "; use one of critical, high, medium, low")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String reason = ReportText.optional(errors, "reason", body.reason(), MAX_NOTE).orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        CaseLock lock = CaseLock.of(h, id);
        ReportStore.Row target = lock.target();
        request.checkVersion("abuse report", target.version());
        Severity current = Severity.fromWire(target.severity()).orElseThrow();
        Role role = request.operator().role();
        if (current.isAbove(proposed) && !Permission.LOWER_SEVERITY.allows(role)) {
            throw ApiException.forbidden(SeverityChange.check(current, proposed, role, reason).refusal());
        }
        Ruling ruling = SeverityChange.check(current, proposed, role, reason);
        if (!ruling.allowed()) {
            if (current == proposed) {
                throw ApiException.conflict(ruling.refusal());
            }
            throw ApiException.validation(List.of(new Problem.FieldError("reason", ruling.refusal())));
        }
        ReportStore.setSeverity(h, id, proposed.wire(), ReportSla.targetAt(target.receivedAt(), proposed));
        request.etag(target.version() + 1);
        return change(h, request, target, "abuse_report.severity", reason, List.of(id),
                Map.of("severity", current.wire()), Map.of("severity", proposed.wire()));
    }

    private static ReportState state(ReportStore.Row r) {
        return ReportState.fromWire(r.state()).orElseThrow();
    }

    private static void refuseUnless(dev.gatehouse.policy.Enforcement.Decision<ReportState> d) {
        if (!d.allowed()) {
            throw ApiException.conflict(d.refusal());
        }
    }

    private static String note(String note, boolean required) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw ApiException.validation(List.of(new Problem.FieldError("note", "must be at most " + MAX_NOTE + " characters")));
        }
        return note.strip();
    }

    /** The report as it is now, the other reports the change moved, and the audit entry naming all of them. */
    private static <B> Audited<AbuseReportChange> change(Handle h, RouteRequest<B> request, ReportStore.Row target, String action,
                                                       String reason, List<String> changed, Map<String, Object> before,
                                                       Map<String, Object> afterFields) {
        Instant now = request.now();
        AbuseReport after = ReportStore.shown(h, List.of(ReportStore.find(h, target.id()).orElseThrow()), now).get(0);
        List<String> others = changed.stream().filter(id -> !id.equals(target.id())).toList();
        Map<String, Object> b = new LinkedHashMap<>(before);
        b.put("version", target.version());
        Map<String, Object> a = new LinkedHashMap<>(afterFields);
        a.put("version", after.version());
        if (!others.isEmpty()) a.put("also_changed", others);
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), action, target.id(), reason, b, a),
                entry -> new AbuseReportChange(after, others, entry.id()));
    }
}
