package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportSla;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system's own way to file an abuse report, without an operator: the data plane's detectors (persistent 429s,
 * prompts that trip a detector) call it. Like {@link ReportIntake} the report joins the account's unresolved case or
 * opens one, cites the subject's requests of the last 7 days and writes one audit entry, here by a system actor
 * ({@code system:<detector>}). A detector fires again and again while the behaviour lasts, so at most one unresolved
 * report per key (per account when there is no key) and category is kept: a repeat is refused, never a flood
 * (ai-visual-studio §4: a key over its limits persistently opens one report).
 */
public final class AutomatedReports {
    /** The audit actor of every automated report: {@code system:} plus the detector. */
    public static final String ACTOR_PREFIX = "system:";

    private AutomatedReports() {}

    /**
     * What happened to a filing: a new report ({@code opened}), or the unresolved report of that key and category
     * that was already there.
     */
    public record Filed(String reportId, String caseId, boolean opened, int evidenceCited) {}

    /** Files in a transaction of its own. */
    public static Filed file(Jdbi jdbi, ReportCategory category, String accountId, String keyId, String description,
                             String detector, Instant now) {
        return jdbi.inTransaction(h -> file(h, category, accountId, keyId, description, detector, now));
    }

    /**
     * Files inside the caller's transaction. The account must exist and the key (if any) must be one of its keys;
     * the description is cut to the intake's 4,000 characters.
     *
     * @throws IllegalArgumentException for an unknown account, a key of another account or a blank detector
     */
    public static Filed file(Handle h, ReportCategory category, String accountId, String keyId, String description,
                             String detector, Instant now) {
        if (detector == null || detector.isBlank() || detector.length() > 200) {
            throw new IllegalArgumentException("a detector name (1-200 characters) is required");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a description is required");
        }
        // the account's row lock serializes intakes about one subject: two detectors never open two cases, or two
        // reports of one key and category, at once (across gateways too: it is a database lock)
        if (AccountStore.lock(h, accountId).isEmpty()) {
            throw new IllegalArgumentException("no account with id '" + accountId + "'");
        }
        if (keyId != null) {
            var key = KeyStore.find(h, keyId).orElseThrow(() -> new IllegalArgumentException("no key with id '" + keyId + "'"));
            if (!key.accountId().equals(accountId)) {
                throw new IllegalArgumentException("key " + keyId + " belongs to account " + key.accountId() + ", not " + accountId);
            }
        }
        Optional<ReportStore.Row> existing = ReportStore.unresolvedOf(h, accountId, keyId, category.wire());
        if (existing.isPresent()) {
            return new Filed(existing.get().id(), existing.get().caseId(), false, 0);
        }
        String text = description.length() > ReportIntake.MAX_DESCRIPTION
                ? description.substring(0, ReportIntake.MAX_DESCRIPTION) : description;
        String caseId = ReportStore.openCaseOf(h, accountId).orElseGet(() -> PrefixedIds.next("case_", now));
        String id = PrefixedIds.next("rpt_", now);
        ReportStore.Row row = new ReportStore.Row(id, caseId, category.wire(), category.defaultSeverity().wire(), "open",
                text, accountId, keyId, "automated", null, detector, null, now, ReportSla.dueAt(now),
                ReportSla.targetAt(now, category.defaultSeverity()), null, null, null, null, null, null, null, 1);
        ReportStore.insert(h, row);
        List<String> cited = RequestLogStore.recentIds(h, accountId, keyId, now.minus(ReportIntake.EVIDENCE_WINDOW),
                ReportIntake.CITED_REQUESTS);
        EvidenceStore.cite(h, id, cited, category == ReportCategory.CSAM);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("case_id", caseId);
        after.put("category", row.category());
        after.put("severity", row.severity());
        after.put("account_id", accountId);
        after.put("key_id", keyId);
        after.put("reporter_kind", "automated");
        after.put("detector", detector);
        after.put("due_at", row.dueAt());
        after.put("evidence_cited", cited.size());
        AuditLog.append(h, new AuditLog.Draft(now, ACTOR_PREFIX + detector, "abuse_report.file", id, null, null, after));
        return new Filed(id, caseId, true, cited.size());
    }
}
