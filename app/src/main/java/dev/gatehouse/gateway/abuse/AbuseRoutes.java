package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseAccountSummary;
import dev.gatehouse.api.AbuseCase;
import dev.gatehouse.api.AbuseClaimChange;
import dev.gatehouse.api.AbuseCommentRequest;
import dev.gatehouse.api.AbuseDismissalRequest;
import dev.gatehouse.api.AbuseEscalation;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportDetail;
import dev.gatehouse.api.AbuseReportIntake;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.api.AbuseSeverityPatch;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.RequestLogEntry;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditSearch;
import dev.gatehouse.gateway.enforcement.EnforcementStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.ReportState;
import dev.gatehouse.policy.Severity;
import dev.gatehouse.policy.SlaState;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * /admin/v1/abuse-reports (issue 9): the trust-and-safety queue sorted by due time, filtered and optionally grouped by
 * subject; the report with its evidence; intake; claim, release, comments, escalation, split, severity; resolution of
 * a case with its statement of reasons; metrics.
 */
public final class AbuseRoutes implements Feature {
    static final Set<String> STATES = Set.of("open", "in_review", "escalated", "resolved", "unresolved");
    static final Set<String> CATEGORIES = Arrays.stream(ReportCategory.values()).map(ReportCategory::wire).collect(Collectors.toSet());
    static final Set<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::wire).collect(Collectors.toSet());
    private static final Pattern OPERATOR_ID = Pattern.compile("^op_[A-Za-z0-9_]{1,37}$");

    /** Unknown intake fields are 422 field errors, like missing ones (issue 9 item 4), not the rails' strict 400. */
    private static final Routes.Body<AbuseReportIntake> INTAKE = body(AbuseReportIntake.class, Permission.FILE_ABUSE_REPORT)
            .unknownFieldsAsFieldErrors();
    private static final Routes.Body<AbuseClaimChange> CLAIM = body(AbuseClaimChange.class, Permission.WORK_ABUSE_REPORTS);
    private static final Routes.Body<AbuseCommentRequest> COMMENT = body(AbuseCommentRequest.class, Permission.WORK_ABUSE_REPORTS);
    private static final Routes.Body<AbuseEscalation> ESCALATE = body(AbuseEscalation.class, Permission.WORK_ABUSE_REPORTS);
    /** The decision's own permission (warn, suspend, …) is checked against the role by policy/ReportResolution. */
    private static final Routes.Body<AbuseResolution> RESOLVE = body(AbuseResolution.class, Permission.WORK_ABUSE_REPORTS);
    private static final Routes.Body<AbuseDismissalRequest> PROPOSE_DISMISSAL = body(AbuseDismissalRequest.class,
            Permission.WORK_ABUSE_REPORTS);
    private static final Routes.Body<AbuseClaimChange> APPROVE_DISMISSAL = body(AbuseClaimChange.class,
            Permission.APPROVE_CSAM_DISMISSAL);
    /** Raising needs WORK_ABUSE_REPORTS; lowering also LOWER_SEVERITY, checked once the current severity is read. */
    private static final Routes.Body<AbuseSeverityPatch> SEVERITY = new Routes.Body<>(AbuseSeverityPatch.class,
            Set.of(Permission.WORK_ABUSE_REPORTS, Permission.LOWER_SEVERITY), b -> List.of(Permission.WORK_ABUSE_REPORTS));

    private final Jdbi jdbi;
    private final Clock clock;

    public AbuseRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private static <B> Routes.Body<B> body(Class<B> type, Permission permission) {
        return new Routes.Body<>(type, Set.of(permission), b -> List.of(permission));
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/abuse-reports", Permission.READ, this::list);
        routes.read("/admin/v1/abuse-reports/metrics", Permission.READ, this::metrics);
        routes.read("/admin/v1/abuse-reports/counts", Permission.READ, this::counts);
        routes.read("/admin/v1/abuse-reports/{id}", Permission.READ, this::detail);
        routes.create("/admin/v1/abuse-reports", INTAKE, ReportIntake::file);
        routes.edit("/admin/v1/abuse-reports/{id}", SEVERITY, CaseWork::severity);
        routes.action("/admin/v1/abuse-reports/{id}/claim", CLAIM, CaseWork::claim);
        routes.action("/admin/v1/abuse-reports/{id}/release", CLAIM, CaseWork::release);
        routes.action("/admin/v1/abuse-reports/{id}/split", CLAIM, CaseWork::split);
        routes.action("/admin/v1/abuse-reports/{id}/comments", COMMENT, CaseWork::comment);
        routes.action("/admin/v1/abuse-reports/{id}/escalate", ESCALATE, CaseWork::escalate);
        routes.action("/admin/v1/abuse-reports/{id}/resolve", RESOLVE, CaseResolution::resolve);
        routes.action("/admin/v1/abuse-reports/{id}/dismissal", PROPOSE_DISMISSAL, DismissalApproval::propose);
        routes.action("/admin/v1/abuse-reports/{id}/dismissal/approve", APPROVE_DISMISSAL, DismissalApproval::approve);
        routes.action("/admin/v1/abuse-reports/{id}/dismissal/reject", APPROVE_DISMISSAL, DismissalApproval::reject);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void list(Context ctx) {
        Operator me = dev.gatehouse.gateway.http.OperatorAuth.operator(ctx);
        String assignee = QueryParams.text(ctx, "assignee", 40).orElse(null);
        boolean unassigned = "unassigned".equals(assignee);
        if ("me".equals(assignee)) {
            assignee = me == null ? null : me.id();
        } else if (unassigned) {
            assignee = null;
        } else if (assignee != null && !OPERATOR_ID.matcher(assignee).matches()) {
            throw ApiException.invalidField("assignee", "use me, unassigned or an operator id like op_…");
        }
        String breached = QueryParams.oneOf(ctx, "breached", Set.of("true", "false")).orElse(null);
        String state = QueryParams.oneOf(ctx, "state", STATES).orElse(null);
        ReportStore.Filter f = new ReportStore.Filter("unresolved".equals(state) ? null : state,
                QueryParams.oneOf(ctx, "category", CATEGORIES).orElse(null), QueryParams.oneOf(ctx, "severity", SEVERITIES).orElse(null),
                breached == null ? null : Boolean.valueOf(breached), assignee, unassigned,
                QueryParams.text(ctx, "account_id", 40).orElse(null));
        boolean bySubject = QueryParams.oneOf(ctx, "group", Set.of("subject")).isPresent();
        int limit = QueryParams.limit(ctx);
        Instant now = now();
        if (bySubject) {
            List<String> after = cursor(ctx, "abuse-cases");
            List<AbuseCase> cases = jdbi.withHandle(h -> cases(h, f, now, after, limit + 1));
            ctx.json(Pages.of(cases, limit, c -> Cursor.encode("abuse-cases", c.dueAt().toString(), c.caseId())));
        } else {
            List<String> after = cursor(ctx, "abuse-reports");
            List<AbuseReport> rows = jdbi.withHandle(h -> ReportStore.shown(h, ReportStore.list(h, f, now, after, limit + 1), now));
            ctx.json(Pages.of(rows, limit, r -> Cursor.encode("abuse-reports", r.dueAt().toString(), r.id())));
        }
    }

    /** A (due_at, id) cursor; a due time that does not parse was not made by this list. */
    private static List<String> cursor(Context ctx, String kind) {
        return Cursor.decodeTimed(ctx, kind, 2).orElse(null);
    }

    private static List<AbuseCase> cases(Handle h, ReportStore.Filter f, Instant now, List<String> after, int limit) {
        List<String> ids = ReportStore.caseIds(h, f, now, after, limit);
        Map<String, List<AbuseReport>> byCase = new LinkedHashMap<>();
        ids.forEach(id -> byCase.put(id, new ArrayList<>()));
        ReportStore.shown(h, ReportStore.inCases(h, f, now, ids), now).forEach(r -> byCase.get(r.caseId()).add(r));
        List<AbuseCase> out = new ArrayList<>();
        for (var e : byCase.entrySet()) {
            List<AbuseReport> reports = e.getValue();
            if (reports.isEmpty()) {
                continue; // moved by a split between the two reads
            }
            AbuseReport first = reports.get(0); // the oldest due: the case's due time
            Severity worst = reports.stream().map(r -> Severity.fromWire(r.severity()).orElseThrow())
                    .min(Enum::compareTo).orElseThrow();
            Set<String> reporters = reports.stream().map(r -> r.reporter().kind() + ":" + String.valueOf(r.reporter().contact())
                    + String.valueOf(r.reporter().detector()) + String.valueOf(r.reporter().operatorId())).collect(Collectors.toSet());
            List<String> categories = new ArrayList<>(reports.stream().map(AbuseReport::category).collect(Collectors.toCollection(LinkedHashSet::new)));
            boolean breached = reports.stream().anyMatch(AbuseReport::breached);
            String sla = reports.stream().map(r -> SlaState.fromWire(r.slaState()).orElseThrow()).max(Enum::compareTo).orElseThrow().wire();
            String assignee = reports.stream().map(AbuseReport::assigneeId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            out.add(new AbuseCase(e.getKey(), first.accountId(), first.accountName(), first.id(), worst.wire(), categories,
                    reports.size(), reporters.size(), first.receivedAt(), first.dueAt(), breached, sla, assignee,
                    reports.stream().map(AbuseReport::id).toList()));
        }
        return out;
    }

    /** Exact counts behind every queue filter, for the console's filter chips (V18's covering indexes keep them cheap). */
    private void counts(Context ctx) {
        Operator me = dev.gatehouse.gateway.http.OperatorAuth.operator(ctx);
        Instant now = now();
        ctx.json(jdbi.withHandle(h -> ReportStore.counts(h, me == null ? null : me.id(), now)));
    }

    private void metrics(Context ctx) {
        Instant now = now();
        ctx.json(jdbi.withHandle(h -> QueueMetrics.read(h, now)));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Instant now = now();
        AbuseReportDetail detail = jdbi.inTransaction(h -> detail(h, id, now));
        ETags.set(ctx, detail.report().version());
        ctx.json(detail);
    }

    static AbuseReportDetail detail(Handle h, String id, Instant now) {
        CaseLock.requireReportId(id);
        ReportStore.Row row = ReportStore.find(h, id).orElseThrow(() -> ApiException.notFound("abuse report", id));
        AbuseReport report = ReportStore.shown(h, List.of(row), now).get(0);
        ReportCategory category = ReportCategory.fromWire(row.category()).orElseThrow();
        // the subject's requests of the last 7 days, plus any cited row older than that (kept as evidence)
        Instant from = now.minus(ReportIntake.EVIDENCE_WINDOW);
        List<RequestLogEntry> recent = row.keyId() != null ? RequestLogStore.ofKey(h, row.keyId(), from, 50)
                : RequestLogStore.ofAccount(h, row.accountId(), from, 50);
        Set<String> shownIds = recent.stream().map(RequestLogEntry::id).collect(Collectors.toSet());
        List<String> olderCited = EvidenceStore.cited(h, id).stream().filter(q -> !shownIds.contains(q)).toList();
        List<RequestLogEntry> evidence = new ArrayList<>(recent);
        evidence.addAll(RequestLogStore.byIds(h, olderCited));
        Account account = AccountStore.find(h, row.accountId()).orElseThrow();
        AbuseAccountSummary summary = new AbuseAccountSummary(account,
                Math.max(0, Duration.between(account.createdAt(), now).toDays()),
                DecisionStore.spendSince(h, account.id(), now.minus(Duration.ofDays(30))),
                ReportStore.countOtherReports(h, account.id(), row.caseId()),
                EnforcementStore.history(h, account.id(), null, 20));
        List<ReportStore.Row> others = ReportStore.ofCase(h, row.caseId()).stream().filter(r -> !r.id().equals(id)).toList();
        var decision = row.decisionId() == null ? null : DecisionStore.find(h, row.decisionId()).orElse(null);
        List<AuditEntry> history = new ArrayList<>(AuditSearch.list(h, new AuditSearch.Filter(null, id, null, null, null), null, 200));
        if (decision != null) {
            String decidedOn = DecisionStore.reportOf(h, decision.id()).orElse(id);
            if (!decidedOn.equals(id)) {
                history.addAll(AuditSearch.list(h, new AuditSearch.Filter(null, decidedOn, "abuse_report.resolve", null, null), null, 10));
            }
        }
        history.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return new AbuseReportDetail(report, category.defaultSeverity() == Severity.CRITICAL, evidence, summary,
                ReportStore.shown(h, others, now), CommentStore.ofCase(h, row.caseId()), decision, history,
                DismissalStore.pending(h, row.caseId()).orElse(null));
    }

    /** Exposed for the state names the console shows; the state machine itself is policy/ReportState. */
    static List<String> states() {
        return Collections.unmodifiableList(Arrays.stream(ReportState.values()).map(ReportState::wire).toList());
    }

    static Duration dueSoon() {
        return ReportSla.DUE_SOON_WITHIN;
    }
}
