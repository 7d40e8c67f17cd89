package dev.gatehouse.api;

/** Body of POST /admin/v1/abuse-reports: category, description, the subject account and optionally one of its keys. */
public record AbuseReportIntake(String category, String description, String accountId, String keyId, ReporterInput reporter) {
    /** The reporter as sent: kind external needs contact, automated needs detector, internal needs neither. */
    public record ReporterInput(String kind, String contact, String detector) {}
}
