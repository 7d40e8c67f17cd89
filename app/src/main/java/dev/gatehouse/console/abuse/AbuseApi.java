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
            @Override public CompletableFuture<Integer> openAppeals() {
                return client.appeals("open", null, 200).thenApply(p -> p.data().size());
            }
        };
    }
}
