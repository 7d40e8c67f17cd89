package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseComment;
import dev.gatehouse.api.AbuseEscalation;
import dev.gatehouse.api.AbuseMetrics;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportChange;
import dev.gatehouse.api.AbuseReportDetail;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.api.AbuseResolveResult;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** What the Trust & Safety workspace reads and does. */
public interface AbuseApi {
    CompletableFuture<Page<AbuseReport>> reports(AbuseQuery query, String cursor, int limit);

    CompletableFuture<AbuseReportDetail> report(String id);

    CompletableFuture<AbuseMetrics> metrics();

    CompletableFuture<AbuseReportChange> claim(String id);

    CompletableFuture<AbuseReportChange> release(String id);

    CompletableFuture<AbuseReportChange> escalate(String id, String to, String note);

    CompletableFuture<AbuseComment> comment(String id, String body);

    /** {@code idempotencyKey}: one per decision form, so a retried submit never enforces twice. */
    CompletableFuture<AbuseResolveResult> resolve(String id, AbuseResolution resolution, String idempotencyKey);

    /** How many appeals wait for a decision (first page is enough for the badge). */
    CompletableFuture<Integer> openAppeals();

    /** The appeals waiting for a decision, oldest first. */
    CompletableFuture<List<dev.gatehouse.api.Appeal>> appeals();

    /** The key as it is now, to tell other screens after a decision changed it. */
    CompletableFuture<dev.gatehouse.api.ApiKey> key(String id);

    /** The account as it is now, to tell other screens after a decision changed it. */
    CompletableFuture<dev.gatehouse.api.Account> account(String id);

    /** Exact counts behind each filter of the queue. */
    CompletableFuture<dev.gatehouse.api.AbuseQueueCounts> counts();

    /** Moves the report out of its case into one of its own; {@code note} says why it was grouped wrongly. */
    CompletableFuture<AbuseReportChange> split(String id, String note, String idempotencyKey);

    /** Raises or lowers the severity; If-Match {@code version}. Lowering needs a lead and a reason. */
    CompletableFuture<AbuseReportChange> changeSeverity(String id, long version, String severity, String reason);

    /** Proposes a CSAM case's dismissal for a lead's approval. */
    CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> proposeDismissal(String id, dev.gatehouse.api.AbuseDismissalRequest body,
                                                                                 String idempotencyKey);

    CompletableFuture<AbuseResolveResult> approveDismissal(String id, String note, String idempotencyKey);

    CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> rejectDismissal(String id, String note, String idempotencyKey);

    /** upheld or overturned, with the reason. */
    CompletableFuture<dev.gatehouse.api.AppealResult> decideAppeal(String id, String outcome, String reason, String idempotencyKey);

    static AbuseApi of(PlatformClient client) {
        return new AbuseApi() {
            @Override public CompletableFuture<Page<AbuseReport>> reports(AbuseQuery q, String cursor, int limit) {
                return client.abuseReports(q.params(), cursor, limit);
            }
            @Override public CompletableFuture<AbuseReportDetail> report(String id) { return client.abuseReport(id); }
            @Override public CompletableFuture<AbuseMetrics> metrics() { return client.abuseMetrics(); }
            @Override public CompletableFuture<AbuseReportChange> claim(String id) {
                return client.abuseReportAction(id, "claim", null, UUID.randomUUID().toString());
            }
            @Override public CompletableFuture<AbuseReportChange> release(String id) {
                return client.abuseReportAction(id, "release", null, UUID.randomUUID().toString());
            }
            @Override public CompletableFuture<AbuseReportChange> escalate(String id, String to, String note) {
                return client.escalateAbuseReport(id, new AbuseEscalation(to, note), UUID.randomUUID().toString());
            }
            @Override public CompletableFuture<AbuseComment> comment(String id, String body) {
                return client.commentOnAbuseReport(id, body, UUID.randomUUID().toString());
            }
            @Override public CompletableFuture<AbuseResolveResult> resolve(String id, AbuseResolution r, String key) {
                return client.resolveAbuseReport(id, r, key);
            }
            @Override public CompletableFuture<dev.gatehouse.api.ApiKey> key(String id) {
                return client.key(id).thenApply(d -> d.key());
            }
            @Override public CompletableFuture<dev.gatehouse.api.Account> account(String id) {
                return client.account(id).thenApply(d -> d.account());
            }
            @Override public CompletableFuture<List<dev.gatehouse.api.Appeal>> appeals() {
                return client.appeals("open", null, 200).thenApply(p -> p.data());
            }
            @Override public CompletableFuture<dev.gatehouse.api.AbuseQueueCounts> counts() { return client.abuseQueueCounts(); }
            @Override public CompletableFuture<AbuseReportChange> split(String id, String note, String key) {
                return client.abuseReportAction(id, "split", note, key);
            }
            @Override public CompletableFuture<AbuseReportChange> changeSeverity(String id, long version, String severity, String reason) {
                return client.changeAbuseSeverity(id, version, new dev.gatehouse.api.AbuseSeverityPatch(severity, reason));
            }
            @Override public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> proposeDismissal(String id,
                    dev.gatehouse.api.AbuseDismissalRequest body, String key) {
                return client.proposeDismissal(id, body, key);
            }
            @Override public CompletableFuture<AbuseResolveResult> approveDismissal(String id, String note, String key) {
                return client.approveDismissal(id, note, key);
            }
            @Override public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> rejectDismissal(String id, String note, String key) {
                return client.rejectDismissal(id, note, key);
            }
            @Override public CompletableFuture<dev.gatehouse.api.AppealResult> decideAppeal(String id, String outcome, String reason,
                                                                                           String key) {
                return client.decideAppeal(id, new dev.gatehouse.api.AppealDecision(outcome, reason), key);
            }
            @Override public CompletableFuture<Integer> openAppeals() {
                return client.appeals("open", null, 200).thenApply(p -> p.data().size());
            }
        };
    }
}
