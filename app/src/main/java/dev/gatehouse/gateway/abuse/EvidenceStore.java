package dev.gatehouse.gateway.abuse;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * Which request-log rows a report cites. Those cited by a CSAM report are preserved: the retention sweep of
 * gateway/requestlog leaves them (DESIGN §4 CSAM "evidence preserved", decart §3.5).
 */
final class EvidenceStore {
    private EvidenceStore() {}

    static void cite(Handle h, String reportId, List<String> requestIds, boolean preserved) {
        if (requestIds.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO abuse_evidence (report_id, request_id, preserved) VALUES (:r, :q, :p)");
        for (String q : requestIds) {
            batch.bind("r", reportId).bind("q", q).bind("p", preserved).add();
        }
        batch.execute();
    }

    static List<String> cited(Handle h, String reportId) {
        return h.createQuery("SELECT request_id FROM abuse_evidence WHERE report_id = :r ORDER BY request_id")
                .bind("r", reportId).mapTo(String.class).list();
    }
}
