package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportIntake;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportSla;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * POST /admin/v1/abuse-reports: a new report joins the subject account's unresolved case, or opens one; it cites the
 * subject's requests of the last 7 days as evidence (preserved past retention when the category is CSAM).
 */
final class ReportIntake {
    static final int MAX_DESCRIPTION = 4000;
    static final int CITED_REQUESTS = 50;
    static final Duration EVIDENCE_WINDOW = Duration.ofDays(7);
    private static final String CATEGORIES = Arrays.stream(ReportCategory.values()).map(ReportCategory::wire)
            .collect(Collectors.joining(", "));

    private ReportIntake() {}

    /** A validated intake. */
    record Valid(ReportCategory category, String description, String accountId, String keyId, String reporterKind,
                 String contact, String detector) {}

    static Audited<AbuseReport> file(RouteRequest<AbuseReportIntake> request) {
        Handle h = request.handle();
        Valid v = validate(h, request.body());
        Instant now = request.now();
        // the account's row lock serializes intakes about one subject, so two reports never open two cases at once
        AccountStore.lock(h, v.accountId()).orElseThrow();
        String caseId = ReportStore.openCaseOf(h, v.accountId()).orElseGet(() -> PrefixedIds.next("case_", now));
        String id = PrefixedIds.next("rpt_", now);
        String operator = v.reporterKind().equals("internal") ? request.operator().id() : null;
        ReportStore.Row row = new ReportStore.Row(id, caseId, v.category().wire(), v.category().defaultSeverity().wire(), "open",
                v.description(), v.accountId(), v.keyId(), v.reporterKind(), v.contact(), v.detector(), operator, now,
                ReportSla.dueAt(now), ReportSla.targetAt(now, v.category().defaultSeverity()), null, null, null, null, null,
                null, null, 1);
        ReportStore.insert(h, row);
        List<String> cited = RequestLogStore.recentIds(h, v.accountId(), v.keyId(), now.minus(EVIDENCE_WINDOW), CITED_REQUESTS);
        EvidenceStore.cite(h, id, cited, v.category() == ReportCategory.CSAM);
        AbuseReport report = ReportStore.shown(h, List.of(row), now).get(0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("case_id", caseId);
        after.put("category", row.category());
        after.put("severity", row.severity());
        after.put("account_id", row.accountId());
        after.put("key_id", row.keyId());
        after.put("reporter_kind", row.reporterKind());
        after.put("due_at", row.dueAt());
        after.put("evidence_cited", cited.size());
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), "abuse_report.file", id, null, null, after),
                entry -> report);
    }

    /** Every problem of the body at once, as 422 field errors. */
    static Valid validate(Handle h, AbuseReportIntake body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ReportCategory category = null;
        if (body.category() == null || body.category().isBlank()) {
            errors.add(new Problem.FieldError("category", "is required: one of " + CATEGORIES));
        } else {
            category = ReportCategory.fromWire(body.category()).orElse(null);
            if (category == null) {
                errors.add(new Problem.FieldError("category", "unknown category '" + body.category() + "'; use one of " + CATEGORIES));
            }
        }
        String description = ReportText.required(errors, "description", body.description(), MAX_DESCRIPTION,
                "say what was reported, where and when").orElse(null);
        String accountId = ReportText.required(errors, "account_id", body.accountId(), 40, "the id of the account reported").orElse(null);
        if (accountId != null && AccountStore.find(h, accountId).isEmpty()) {
            errors.add(new Problem.FieldError("account_id", "no account with id '" + accountId + "'"));
            accountId = null;
        }
        String keyId = ReportText.optional(errors, "key_id", body.keyId(), 40).orElse(null);
        if (keyId != null) {
            var key = KeyStore.find(h, keyId);
            if (key.isEmpty()) {
                errors.add(new Problem.FieldError("key_id", "no key with id '" + keyId + "'"));
            } else if (accountId != null && !key.get().accountId().equals(accountId)) {
                errors.add(new Problem.FieldError("key_id", "the key belongs to account " + key.get().accountId()
                        + ", not to " + accountId + "; leave it out or name its account"));
            }
        }
        String kind = null;
        String contact = null;
        String detector = null;
        var reporter = body.reporter();
        if (reporter == null) {
            errors.add(new Problem.FieldError("reporter", "is required: {kind: external|automated|internal, contact?, detector?}"));
        } else if (reporter.kind() == null || !List.of("external", "automated", "internal").contains(reporter.kind())) {
            errors.add(new Problem.FieldError("reporter.kind", (reporter.kind() == null ? "is required" : "unknown kind '"
                    + reporter.kind() + "'") + "; use one of external, automated, internal"));
        } else {
            kind = reporter.kind();
            if (kind.equals("external")) {
                contact = ReportText.required(errors, "reporter.contact", reporter.contact(), 320,
                        "how to reach an external reporter (an email address or URL)").orElse(null);
            } else {
                ReportText.optional(errors, "reporter.contact", reporter.contact(), 320).ifPresent(c -> errors.add(
                        new Problem.FieldError("reporter.contact", "only an external reporter has a contact; leave it out")));
            }
            if (kind.equals("automated")) {
                detector = ReportText.required(errors, "reporter.detector", reporter.detector(), 200,
                        "which detector raised the report").orElse(null);
            } else {
                ReportText.optional(errors, "reporter.detector", reporter.detector(), 200).ifPresent(d -> errors.add(
                        new Problem.FieldError("reporter.detector", "only an automated reporter has a detector; leave it out")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Valid(category, description, accountId, keyId, kind, contact, detector);
    }
}
