package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseComment;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** Internal comments on abuse reports: written once, never edited. */
final class CommentStore {
    static final int MAX_BODY = 4000;

    private CommentStore() {}

    static AbuseComment insert(Handle h, String id, String reportId, String author, String authorName, String body, Instant at) {
        h.createUpdate("INSERT INTO abuse_comments (id, report_id, author, body, at) VALUES (:id, :report, :author, :body, :at)")
                .bind("id", id).bind("report", reportId).bind("author", author).bind("body", body).bind("at", at).execute();
        return new AbuseComment(id, reportId, author, authorName, body, at);
    }

    /** The comments on any report of the case, oldest first, with their authors' names. */
    static List<AbuseComment> ofCase(Handle h, String caseId) {
        return h.createQuery("SELECT c.id, c.report_id, c.author, o.name, c.body, c.at FROM abuse_comments c "
                        + "JOIN abuse_reports r ON r.id = c.report_id LEFT JOIN operators o ON o.id = c.author "
                        + "WHERE r.case_id = :case ORDER BY c.at, c.id")
                .bind("case", caseId)
                .map((rs, c) -> new AbuseComment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Timestamps.instant(rs, "at")))
                .list();
    }
}
