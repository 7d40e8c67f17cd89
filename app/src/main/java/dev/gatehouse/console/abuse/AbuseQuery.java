package dev.gatehouse.console.abuse;

import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.Severity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The queue's filters: null means any; mine and unassigned narrow by assignee, breached to missed deadlines. */
public record AbuseQuery(ReportCategory category, Severity severity, String state, boolean mine, boolean unassigned,
                         boolean breached) {
    public static final AbuseQuery ALL = new AbuseQuery(null, null, null, false, false, false);

    public boolean isAll() {
        return equals(ALL);
    }

    /** The query parameters of GET /abuse-reports. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (category != null) p.put("category", category.wire());
        if (severity != null) p.put("severity", severity.wire());
        if (state != null) p.put("state", state);
        if (mine) p.put("assignee", "me");
        else if (unassigned) p.put("assignee", "unassigned");
        if (breached) p.put("breached", "true");
        return p;
    }
}
