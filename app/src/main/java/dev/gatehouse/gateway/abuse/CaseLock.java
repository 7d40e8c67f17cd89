package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.http.ApiException;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A report and the unresolved reports of its case, locked for the transaction (see {@link ReportStore#lockCase}). */
record CaseLock(ReportStore.Row target, List<ReportStore.Row> rows) {

    /** Locks the case of report {@code id}: 404 if there is no such report, 409 final-state once it is resolved. */
    static CaseLock of(Handle h, String id) {
        requireReportId(id);
        for (int attempt = 0; attempt < 3; attempt++) {
            ReportStore.Row seen = ReportStore.find(h, id).orElseThrow(() -> ApiException.notFound("abuse report", id));
            if (!seen.unresolved()) {
                throw resolved(seen);
            }
            List<ReportStore.Row> rows = ReportStore.lockCase(h, seen.caseId());
            for (ReportStore.Row r : rows) {
                if (r.id().equals(id)) {
                    return new CaseLock(r, rows);
                }
            }
            // resolved or split off between the read and the lock: read it again
        }
        throw ApiException.conflict("The report changed while it was being locked; retry.");
    }

    /** An id that is not a report's (an account id pasted into a report URL) is a 400 saying so, not a silent 404. */
    static void requireReportId(String id) {
        if (!id.startsWith("rpt_")) {
            throw ApiException.invalidField("id", "'" + (id.length() > 60 ? id.substring(0, 60) + "…" : id)
                    + "' is not an abuse report id; report ids start with rpt_");
        }
    }

    static ApiException resolved(ReportStore.Row r) {
        return ApiException.finalState("Report " + r.id() + " was resolved at " + r.resolvedAt()
                + "; resolution is final and only an appeal reopens it (issue 9 item 6).");
    }

    List<String> ids() {
        return rows.stream().map(ReportStore.Row::id).toList();
    }

    /** 409 naming who holds the report, when someone other than {@code operator} holds it. */
    void requireNotHeldByOther(Handle h, String operator, boolean lead, Instant now) {
        String holder = target.assignee();
        if (holder != null && !holder.equals(operator) && !lead) {
            throw heldBy(h, target, holder);
        }
    }

    static ApiException heldBy(Handle h, ReportStore.Row r, String holder) {
        Map<String, String> names = ReportStore.operatorNames(h, List.of(holder));
        String who = names.getOrDefault(holder, holder) + " (" + holder + ")";
        return ApiException.conflict("Report " + r.id() + " is claimed by " + who
                + (r.claimedAt() == null ? "" : " since " + r.claimedAt()) + "; one reviewer per report. Ask them to "
                + "release it, or take the next report.");
    }
}
