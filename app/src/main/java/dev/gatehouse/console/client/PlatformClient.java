package dev.gatehouse.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.Health;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Me;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.ProviderSummary;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The console's one way to the platform: the admin API over HTTP (DESIGN §1, §3).
 * Every call is asynchronous (OkHttp's dispatcher threads, never the FX thread) and fails with a
 * {@link PlatformException} whose message an operator can act on.
 * New endpoints are one small method each on top of {@link #get} / {@link #send}.
 */
public final class PlatformClient implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The admin API's largest page (DESIGN §3). */
    public static final int MAX_PAGE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final String token;
    private final OkHttpClient http;
    private final Duration readTimeout;
    private final List<Consumer<Boolean>> reachabilityListeners = new CopyOnWriteArrayList<>();

    public PlatformClient(String baseUrl, String token) {
        this(baseUrl, token, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * @throws PlatformException when the URL is malformed, or plain http:// to a host that is not loopback
     *                           (the operator token would cross the network in clear text)
     */
    public PlatformClient(String baseUrl, String token, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = parseBaseUrl(baseUrl);
        if (token == null || token.isBlank()) {
            throw new PlatformException("Enter an operator token.", 0, false);
        }
        this.token = token.strip();
        this.readTimeout = readTimeout;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout).plus(readTimeout))
                // Lets OkHttp replace a pooled connection the server has since closed, instead of failing the call.
                .retryOnConnectionFailure(true)
                .build();
    }

    /** Parses and checks a platform URL as typed by an operator; a bare host gets https://. */
    public static HttpUrl parseBaseUrl(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new PlatformException("Enter the platform's URL, e.g. https://gateway.example.com.", 0, false);
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new PlatformException("'" + typed.strip() + "' is not a URL. Use http(s)://host[:port].", 0, false);
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new PlatformException("Refusing plain http:// to " + url.host()
                    + ": the operator token would travel unencrypted. Use https://, or http:// only to this machine (localhost, 127.0.0.1, ::1).",
                    0, false);
        }
        return url;
    }

    /** Loopback by its literal form only, so checking never needs a DNS lookup. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1")) {
            return true;
        }
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The platform's URL as shown to the operator, without a trailing slash. */
    public String baseUrl() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Called (on a network thread) with true after every answer and false when the platform could not be reached. */
    public void addReachabilityListener(Consumer<Boolean> listener) {
        reachabilityListeners.add(listener);
    }

    public CompletableFuture<Health> health() {
        return get(url("healthz").build(), type(Health.class));
    }

    public CompletableFuture<Me> me() {
        return get(admin("me").build(), type(Me.class));
    }

    /** One page of the catalog, at most {@link #MAX_PAGE} models, in provider, name, id order. */
    public CompletableFuture<Page<Model>> models(ModelQuery query, String cursor) {
        HttpUrl.Builder u = admin("models");
        addParam(u, "modality", query.modality());
        addParam(u, "provider", query.provider());
        addParam(u, "status", query.status());
        addParam(u, "q", query.q());
        u.addQueryParameter("limit", Integer.toString(MAX_PAGE));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, Model.class));
    }

    public CompletableFuture<Model> model(String id) {
        return get(admin("models").addPathSegment(id).build(), type(Model.class));
    }

    public CompletableFuture<List<ProviderSummary>> providers() {
        CompletableFuture<Page<ProviderSummary>> page =
                get(admin("providers").build(), JSON.getTypeFactory().constructParametricType(Page.class, ProviderSummary.class));
        return page.thenApply(Page::data);
    }

    // ---- accounts, keys, ledger and enforcement actions (issue 3) ------------------------------------

    /** One page of accounts (newest first); q searches name, email and id; null or blank filters mean "any". */
    public CompletableFuture<Page<Account>> accounts(String q, String status, String tier, String cursor, int limit) {
        HttpUrl.Builder u = admin("accounts");
        addParam(u, "q", q);
        addParam(u, "status", status);
        addParam(u, "tier", tier);
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, Account.class));
    }

    /** The 360° view of one account; its {@code account.version} is the ETag a PATCH must send back. */
    public CompletableFuture<AccountDetail> account(String id) {
        return get(admin("accounts").addPathSegment(id).build(), type(AccountDetail.class));
    }

    /** Changes tier or contact with If-Match: fails with status 412 when another operator changed the account since {@code version}. */
    public CompletableFuture<Account> patchAccount(String id, long version, AccountPatch patch) {
        Request.Builder r = new Request.Builder().url(admin("accounts").addPathSegment(id).build())
                .header("If-Match", "\"" + version + "\"")
                .patch(jsonBody(patch));
        return send(r, type(Account.class));
    }

    /** One page of an account's ledger, newest first. */
    public CompletableFuture<Page<LedgerEntry>> ledger(String accountId, String cursor, int limit) {
        HttpUrl.Builder u = admin("accounts").addPathSegment(accountId).addPathSegment("ledger");
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, LedgerEntry.class));
    }

    /** Warns, suspends, reinstates or terminates; the same {@code idempotencyKey} on a retry can never act twice. */
    public CompletableFuture<AccountActionResult> accountAction(String id, ActionRequest action, String idempotencyKey) {
        return post(admin("accounts").addPathSegment(id).addPathSegment("actions").build(), action, idempotencyKey,
                type(AccountActionResult.class));
    }

    /** What an account action would change and the audit entry it would write; nothing is written. */
    public CompletableFuture<AccountActionResult> previewAccountAction(String id, ActionRequest action) {
        return post(admin("accounts").addPathSegment(id).addPathSegment("actions").addPathSegment("preview").build(), action, null,
                type(AccountActionResult.class));
    }

    /** One page of keys; prefix matches the start of the key's display prefix; null or blank filters mean "any". */
    public CompletableFuture<Page<ApiKey>> keys(String accountId, String status, String mode, String prefix, String cursor, int limit) {
        HttpUrl.Builder u = admin("keys");
        addParam(u, "account_id", accountId);
        addParam(u, "status", status);
        addParam(u, "mode", mode);
        addParam(u, "prefix", prefix);
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, ApiKey.class));
    }

    public CompletableFuture<ApiKeyDetail> key(String id) {
        return get(admin("keys").addPathSegment(id).build(), type(ApiKeyDetail.class));
    }

    /** Suspends, reinstates or revokes a key; the same {@code idempotencyKey} on a retry can never act twice. */
    public CompletableFuture<KeyActionResult> keyAction(String id, ActionRequest action, String idempotencyKey) {
        return post(admin("keys").addPathSegment(id).addPathSegment("actions").build(), action, idempotencyKey,
                type(KeyActionResult.class));
    }

    /** What a key action would change and the audit entry it would write; nothing is written. */
    public CompletableFuture<KeyActionResult> previewKeyAction(String id, ActionRequest action) {
        return post(admin("keys").addPathSegment(id).addPathSegment("actions").addPathSegment("preview").build(), action, null,
                type(KeyActionResult.class));
    }

    // ---- abuse and appeals (issue 9) ----

    /** One page of the abuse queue, due first; null or blank filters mean "any" (state null: every unresolved report). */
    public CompletableFuture<Page<dev.gatehouse.api.AbuseReport>> abuseReports(java.util.Map<String, String> filters, String cursor, int limit) {
        HttpUrl.Builder u = admin("abuse-reports");
        filters.forEach((k, v) -> addParam(u, k, v));
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.AbuseReport.class));
    }

    /** The report with its evidence, account summary, case, comments, decision and history. */
    public CompletableFuture<dev.gatehouse.api.AbuseReportDetail> abuseReport(String id) {
        return get(admin("abuse-reports").addPathSegment(id).build(), type(dev.gatehouse.api.AbuseReportDetail.class));
    }

    public CompletableFuture<dev.gatehouse.api.AbuseMetrics> abuseMetrics() {
        return get(admin("abuse-reports/metrics").build(), type(dev.gatehouse.api.AbuseMetrics.class));
    }

    /** claim, release or split (a note, or null). */
    public CompletableFuture<dev.gatehouse.api.AbuseReportChange> abuseReportAction(String id, String action, String note,
                                                                                   String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment(action).build(),
                new dev.gatehouse.api.AbuseClaimChange(note), idempotencyKey, type(dev.gatehouse.api.AbuseReportChange.class));
    }

    public CompletableFuture<dev.gatehouse.api.AbuseReportChange> escalateAbuseReport(String id, dev.gatehouse.api.AbuseEscalation body,
                                                                                     String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("escalate").build(), body, idempotencyKey,
                type(dev.gatehouse.api.AbuseReportChange.class));
    }

    public CompletableFuture<dev.gatehouse.api.AbuseComment> commentOnAbuseReport(String id, String body, String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("comments").build(),
                new dev.gatehouse.api.AbuseCommentRequest(body), idempotencyKey, type(dev.gatehouse.api.AbuseComment.class));
    }

    /** Decides the report's case; the same {@code idempotencyKey} on a retry can never enforce twice. */
    public CompletableFuture<dev.gatehouse.api.AbuseResolveResult> resolveAbuseReport(String id, dev.gatehouse.api.AbuseResolution body,
                                                                                     String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("resolve").build(), body, idempotencyKey,
                type(dev.gatehouse.api.AbuseResolveResult.class));
    }

    /** Exact counts of the unresolved reports behind each queue filter. */
    public CompletableFuture<dev.gatehouse.api.AbuseQueueCounts> abuseQueueCounts() {
        return get(admin("abuse-reports/counts").build(), type(dev.gatehouse.api.AbuseQueueCounts.class));
    }

    /** Raises (or, as a lead, lowers) a report's severity with If-Match: 412 when it changed since {@code version}. */
    public CompletableFuture<dev.gatehouse.api.AbuseReportChange> changeAbuseSeverity(String id, long version,
                                                                                     dev.gatehouse.api.AbuseSeverityPatch patch) {
        Request.Builder r = new Request.Builder().url(admin("abuse-reports").addPathSegment(id).build())
                .header("If-Match", "\"" + version + "\"")
                .patch(jsonBody(patch));
        return send(r, type(dev.gatehouse.api.AbuseReportChange.class));
    }

    /** Proposes dismissing a CSAM case for a lead's approval. */
    public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> proposeDismissal(String id, dev.gatehouse.api.AbuseDismissalRequest body,
                                                                                       String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("dismissal").build(), body, idempotencyKey,
                type(dev.gatehouse.api.AbuseDismissalProposal.class));
    }

    /** A second operator, a lead, approves the proposed CSAM dismissal: the case is resolved as proposed. */
    public CompletableFuture<dev.gatehouse.api.AbuseResolveResult> approveDismissal(String id, String note, String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("dismissal").addPathSegment("approve").build(),
                new dev.gatehouse.api.AbuseClaimChange(note), idempotencyKey, type(dev.gatehouse.api.AbuseResolveResult.class));
    }

    public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> rejectDismissal(String id, String note, String idempotencyKey) {
        return post(admin("abuse-reports").addPathSegment(id).addPathSegment("dismissal").addPathSegment("reject").build(),
                new dev.gatehouse.api.AbuseClaimChange(note), idempotencyKey, type(dev.gatehouse.api.AbuseDismissalProposal.class));
    }

    /** Decides an appeal: upheld or overturned, with the reason; never by the original decider. */
    public CompletableFuture<dev.gatehouse.api.AppealResult> decideAppeal(String id, dev.gatehouse.api.AppealDecision body,
                                                                         String idempotencyKey) {
        return post(admin("appeals").addPathSegment(id).addPathSegment("decide").build(), body, idempotencyKey,
                type(dev.gatehouse.api.AppealResult.class));
    }

    public CompletableFuture<Page<dev.gatehouse.api.Appeal>> appeals(String state, String cursor, int limit) {
        HttpUrl.Builder u = admin("appeals");
        addParam(u, "state", state);
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.Appeal.class));
    }

    // ---- support (issue 10) ----

    /** One page of the support queue, sorted by first-reply due; null or blank filters mean "any". */
    public CompletableFuture<Page<dev.gatehouse.api.Ticket>> tickets(String state, String priority, String assignee, String accountId, String breached,
                                                   String q, String cursor, int limit) {
        HttpUrl.Builder u = admin("tickets");
        addParam(u, "state", state);
        addParam(u, "priority", priority);
        addParam(u, "assignee", assignee);
        addParam(u, "account_id", accountId);
        addParam(u, "breached", breached);
        addParam(u, "q", q);
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.Ticket.class));
    }

    /** A ticket with its conversation and the customer's context; {@code ticket.version} is the ETag a PATCH sends back. */
    public CompletableFuture<dev.gatehouse.api.TicketDetail> ticket(String id) {
        return get(admin("tickets").addPathSegment(id).build(), type(dev.gatehouse.api.TicketDetail.class));
    }

    /** A reply, an internal note or a relayed customer message; redacted by the platform before it is stored. */
    public CompletableFuture<dev.gatehouse.api.TicketDetail> ticketMessage(String id, dev.gatehouse.api.NewTicketMessage message, String idempotencyKey) {
        return post(admin("tickets").addPathSegment(id).addPathSegment("messages").build(), message, idempotencyKey,
                type(dev.gatehouse.api.TicketDetail.class));
    }

    /** Changes state, priority, assignee or tags with If-Match: 412 when someone changed the ticket since {@code version}. */
    public CompletableFuture<dev.gatehouse.api.TicketDetail> patchTicket(String id, long version, dev.gatehouse.api.TicketPatch patch) {
        Request.Builder r = new Request.Builder().url(admin("tickets").addPathSegment(id).build())
                .header("If-Match", "\"" + version + "\"")
                .patch(jsonBody(patch));
        return send(r, type(dev.gatehouse.api.TicketDetail.class));
    }

    /** Merges ticket {@code id} into {@code merge.into()}; answers the ticket merged into. */
    public CompletableFuture<dev.gatehouse.api.TicketDetail> mergeTicket(String id, dev.gatehouse.api.TicketMerge merge, String idempotencyKey) {
        return post(admin("tickets").addPathSegment(id).addPathSegment("merge").build(), merge, idempotencyKey, type(dev.gatehouse.api.TicketDetail.class));
    }

    public CompletableFuture<dev.gatehouse.api.MacroSet> macros() {
        return get(admin("macros").build(), type(dev.gatehouse.api.MacroSet.class));
    }

    /** Replaces the whole macro set (lead) with If-Match. */
    public CompletableFuture<dev.gatehouse.api.MacroSet> replaceMacros(long version, dev.gatehouse.api.MacroSetUpdate update) {
        Request.Builder r = new Request.Builder().url(admin("macros").build())
                .header("If-Match", "\"" + version + "\"")
                .put(jsonBody(update));
        return send(r, type(dev.gatehouse.api.MacroSet.class));
    }

    /** The account's unresolved abuse reports, soonest due first: the customer's context beside a ticket. */
    public CompletableFuture<Page<dev.gatehouse.api.AbuseReport>> openReportsOf(String accountId, int limit) {
        HttpUrl.Builder u = admin("abuse-reports");
        u.addQueryParameter("account_id", accountId);
        u.addQueryParameter("state", "unresolved");
        u.addQueryParameter("limit", Integer.toString(limit));
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.AbuseReport.class));
    }

    /** The account's refund requests: the customer's context beside a ticket. */
    public CompletableFuture<Page<dev.gatehouse.api.Refund>> refundsOf(String accountId, int limit) {
        HttpUrl.Builder u = admin("refunds");
        u.addQueryParameter("account_id", accountId);
        u.addQueryParameter("limit", Integer.toString(limit));
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.Refund.class));
    }

    // ---- refunds and policy (issue 10) ----

    /** One page of refund requests, newest first; null or blank filters mean "any". */
    public CompletableFuture<dev.gatehouse.api.Page<dev.gatehouse.api.Refund>> refunds(String state, String verdict, String accountId,
                                                                                        String cursor, int limit) {
        HttpUrl.Builder u = admin("refunds");
        addParam(u, "state", state);
        addParam(u, "verdict", verdict);
        addParam(u, "account_id", accountId);
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.Refund.class));
    }

    /** A refund with its eligibility, its lot's history and the account's credits. */
    public CompletableFuture<dev.gatehouse.api.RefundDetail> refund(String id) {
        return get(admin("refunds").addPathSegment(id).build(), type(dev.gatehouse.api.RefundDetail.class));
    }

    /** Approves (or, above the threshold, gives the first or second approval); the same key on a retry never pays twice. */
    public CompletableFuture<dev.gatehouse.api.RefundActionResult> approveRefund(String id, dev.gatehouse.api.RefundApprovalRequest body,
                                                                                 String idempotencyKey) {
        return post(admin("refunds").addPathSegment(id).addPathSegment("approve").build(), body, idempotencyKey,
                type(dev.gatehouse.api.RefundActionResult.class));
    }

    /** Denies a refund waiting for a decision; its held credits are released. */
    public CompletableFuture<dev.gatehouse.api.RefundActionResult> denyRefund(String id, dev.gatehouse.api.RefundReason body,
                                                                              String idempotencyKey) {
        return post(admin("refunds").addPathSegment(id).addPathSegment("deny").build(), body, idempotencyKey,
                type(dev.gatehouse.api.RefundActionResult.class));
    }

    /** Retries a failed payout with the refund's one payout key. */
    public CompletableFuture<dev.gatehouse.api.RefundActionResult> retryRefundPayout(String id, dev.gatehouse.api.RefundReason body,
                                                                                     String idempotencyKey) {
        return post(admin("refunds").addPathSegment(id).addPathSegment("retry-payout").build(), body, idempotencyKey,
                type(dev.gatehouse.api.RefundActionResult.class));
    }

    /** The policy in force; its {@code version} is the ETag a PUT must send back. */
    public CompletableFuture<dev.gatehouse.api.PolicyView> policy() {
        return get(admin("policy").build(), type(dev.gatehouse.api.PolicyView.class));
    }

    /** What a policy update would change; nothing is written. */
    public CompletableFuture<dev.gatehouse.api.PolicyPreview> previewPolicy(dev.gatehouse.api.PolicyUpdate update) {
        return post(admin("policy").addPathSegment("preview").build(), update, null, type(dev.gatehouse.api.PolicyPreview.class));
    }

    /** Switches the preset or edits values (lead); 412 when another lead changed the policy since {@code version}. */
    public CompletableFuture<dev.gatehouse.api.PolicyView> updatePolicy(long version, dev.gatehouse.api.PolicyUpdate update) {
        Request.Builder r = new Request.Builder().url(admin("policy").build())
                .header("If-Match", "\"" + version + "\"")
                .put(jsonBody(update));
        return send(r, type(dev.gatehouse.api.PolicyView.class));
    }

    // ---- pricing and tiers (issue 11) ----

    /** A model's current card, scheduled changes and history; {@code version} is the ETag a change sends back. */
    public CompletableFuture<dev.gatehouse.api.ModelPrices> modelPrices(String modelId) {
        return get(admin("models").addPathSegment(modelId).addPathSegment("prices").build(), type(dev.gatehouse.api.ModelPrices.class));
    }

    /** What a single or bulk price change would do, with its impact; nothing is written. */
    public CompletableFuture<dev.gatehouse.api.PricePreview> previewPriceChange(dev.gatehouse.api.PriceChangeRequest body) {
        return post(admin("price-changes/preview").build(), body, null, type(dev.gatehouse.api.PricePreview.class));
    }

    /** Schedules (or applies) a new card for one model, If-Match the model's version: 412 when another operator changed it. */
    public CompletableFuture<dev.gatehouse.api.PriceChange> schedulePriceChange(dev.gatehouse.api.PriceChangeRequest body, long version,
                                                                               String idempotencyKey) {
        Request.Builder r = new Request.Builder().url(admin("price-changes").build()).post(jsonBody(body))
                .header("If-Match", "\"" + version + "\"").header("Idempotency-Key", idempotencyKey);
        return send(r, type(dev.gatehouse.api.PriceChange.class));
    }

    /** Commits a previewed bulk change (the body carries its preview_hash): 409 when the catalog changed since. */
    public CompletableFuture<dev.gatehouse.api.PriceBatch> commitBulkPriceChange(dev.gatehouse.api.PriceChangeRequest body, String idempotencyKey) {
        return post(admin("price-changes/bulk").build(), body, idempotencyKey, type(dev.gatehouse.api.PriceBatch.class));
    }

    /** Withdraws a scheduled price change with a reason. */
    public CompletableFuture<dev.gatehouse.api.PriceChange> cancelPriceChange(String id, String reason, String idempotencyKey) {
        Request.Builder r = new Request.Builder().url(admin("price-changes").addPathSegment(id).build())
                .delete(jsonBody(new dev.gatehouse.api.CancelRequest(reason))).header("Idempotency-Key", idempotencyKey);
        return send(r, type(dev.gatehouse.api.PriceChange.class));
    }

    public CompletableFuture<List<dev.gatehouse.api.RateTier>> tiers() {
        CompletableFuture<Page<dev.gatehouse.api.RateTier>> page =
                get(admin("tiers").build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.RateTier.class));
        return page.thenApply(Page::data);
    }

    /** What a tier change would do (who is on it, who went over the new limits); nothing is written. */
    public CompletableFuture<dev.gatehouse.api.LimitsPreview> previewTier(String name, dev.gatehouse.api.LimitsRequest body) {
        return post(admin("tiers").addPathSegment(name).addPathSegment("preview").build(), body, null,
                type(dev.gatehouse.api.LimitsPreview.class));
    }

    /** Changes a tier's limits with If-Match: 412 when another operator changed the tier since {@code version}. */
    public CompletableFuture<dev.gatehouse.api.RateTier> putTier(String name, long version, dev.gatehouse.api.LimitsRequest body) {
        Request.Builder r = new Request.Builder().url(admin("tiers").addPathSegment(name).build())
                .header("If-Match", "\"" + version + "\"").put(jsonBody(body));
        return send(r, type(dev.gatehouse.api.RateTier.class));
    }

    public CompletableFuture<dev.gatehouse.api.AccountLimits> accountLimits(String accountId) {
        return get(admin("accounts").addPathSegment(accountId).addPathSegment("limits").build(), type(dev.gatehouse.api.AccountLimits.class));
    }

    public CompletableFuture<dev.gatehouse.api.LimitsPreview> previewAccountLimits(String accountId, dev.gatehouse.api.LimitsRequest body) {
        return post(admin("accounts").addPathSegment(accountId).addPathSegment("limits").addPathSegment("preview").build(), body, null,
                type(dev.gatehouse.api.LimitsPreview.class));
    }

    public CompletableFuture<dev.gatehouse.api.AccountLimits> putAccountLimits(String accountId, long version, dev.gatehouse.api.LimitsRequest body) {
        Request.Builder r = new Request.Builder().url(admin("accounts").addPathSegment(accountId).addPathSegment("limits").build())
                .header("If-Match", "\"" + version + "\"").put(jsonBody(body));
        return send(r, type(dev.gatehouse.api.AccountLimits.class));
    }

    /** Withdraws a scheduled tier or Enterprise limit change with a reason. */
    public CompletableFuture<dev.gatehouse.api.LimitChange> cancelLimitChange(String id, String reason, String idempotencyKey) {
        Request.Builder r = new Request.Builder().url(admin("limit-changes").addPathSegment(id).build())
                .delete(jsonBody(new dev.gatehouse.api.CancelRequest(reason))).header("Idempotency-Key", idempotencyKey);
        return send(r, type(dev.gatehouse.api.LimitChange.class));
    }

    /** Enables, deprecates or disables a model with If-Match (412 when another operator changed it since {@code version}). */
    public CompletableFuture<dev.gatehouse.api.ModelStatusResult> patchModel(String id, long version, dev.gatehouse.api.ModelPatch patch) {
        Request.Builder r = new Request.Builder().url(admin("models").addPathSegment(id).build())
                .header("If-Match", "\"" + version + "\"").patch(jsonBody(patch));
        return send(r, type(dev.gatehouse.api.ModelStatusResult.class));
    }

    /** One page of customer price notices, newest first; filters may be null. */
    public CompletableFuture<Page<dev.gatehouse.api.PriceNotice>> priceNotices(String accountId, String modelId, String cursor, int limit) {
        HttpUrl.Builder u = admin("price-notices");
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "account_id", accountId);
        addParam(u, "model_id", modelId);
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.PriceNotice.class));
    }

    /** The volume-discount schedule in force, the one scheduled next and the history; {@code version} is its ETag. */
    public CompletableFuture<dev.gatehouse.api.VolumeDiscountSchedule> volumeDiscounts() {
        return get(admin("volume-discounts").build(), type(dev.gatehouse.api.VolumeDiscountSchedule.class));
    }

    /** Replaces the volume-discount schedule with If-Match: 412 when another operator changed it since {@code version}. */
    public CompletableFuture<dev.gatehouse.api.VolumeDiscountSchedule> putVolumeDiscounts(long version, dev.gatehouse.api.VolumeDiscountRequest body) {
        Request.Builder r = new Request.Builder().url(admin("volume-discounts").build())
                .header("If-Match", "\"" + version + "\"").put(jsonBody(body));
        return send(r, type(dev.gatehouse.api.VolumeDiscountSchedule.class));
    }

    // ---- key issuance and simulator (issue 12) ----

    /** Issues the account a key; the answer holds the secret once (null on an Idempotency-Key replay). */
    public CompletableFuture<dev.gatehouse.api.KeyIssued> issueKey(String accountId, dev.gatehouse.api.NewApiKey body, String idempotencyKey) {
        return post(admin("accounts").addPathSegment(accountId).addPathSegment("keys").build(), body, idempotencyKey,
                type(dev.gatehouse.api.KeyIssued.class));
    }

    /** The demo's traffic simulator; fails with 404 when none drives the platform (team mode). */
    public CompletableFuture<dev.gatehouse.api.SimulatorStatus> simulator() {
        return get(admin("simulator").build(), type(dev.gatehouse.api.SimulatorStatus.class));
    }

    /** Pauses or resumes the demo traffic ({@code pause} or {@code resume}). */
    public CompletableFuture<dev.gatehouse.api.SimulatorStatus> controlSimulator(String command) {
        return post(admin("simulator").addPathSegment(command).build(), new dev.gatehouse.api.SimulatorCommand(null), null,
                type(dev.gatehouse.api.SimulatorStatus.class));
    }

    // ---- team: operators, accounts, credits, import (issue 13) ----

    /** One page of operators, in id order (lead only). */
    public CompletableFuture<Page<dev.gatehouse.api.OperatorProfile>> operators(String cursor, int limit) {
        HttpUrl.Builder u = admin("operators");
        u.addQueryParameter("limit", Integer.toString(limit));
        addParam(u, "cursor", cursor);
        return get(u.build(), JSON.getTypeFactory().constructParametricType(Page.class, dev.gatehouse.api.OperatorProfile.class));
    }

    /** Adds an operator; the answer carries its token, shown this once. */
    public CompletableFuture<dev.gatehouse.api.OperatorCreated> createOperator(dev.gatehouse.api.NewOperator body, String idempotencyKey) {
        return post(admin("operators").build(), body, idempotencyKey, type(dev.gatehouse.api.OperatorCreated.class));
    }

    /** Changes an operator's role or name with If-Match (412 when another lead changed it since {@code version}). */
    public CompletableFuture<dev.gatehouse.api.OperatorProfile> patchOperator(String id, long version, dev.gatehouse.api.OperatorPatch patch) {
        Request.Builder r = new Request.Builder().url(admin("operators").addPathSegment(id).build())
                .header("If-Match", "\"" + version + "\"").patch(jsonBody(patch));
        return send(r, type(dev.gatehouse.api.OperatorProfile.class));
    }

    /** deactivate, reactivate or rotate_token; a rotation's answer carries the new token, shown this once. */
    public CompletableFuture<dev.gatehouse.api.OperatorActionResult> operatorAction(String id, dev.gatehouse.api.OperatorActionRequest body,
                                                                                   String idempotencyKey) {
        return post(admin("operators").addPathSegment(id).addPathSegment("actions").build(), body, idempotencyKey,
                type(dev.gatehouse.api.OperatorActionResult.class));
    }

    /** Opens an account by hand; 409 likely-duplicate lists look-alike accounts until sent with confirm_duplicate. */
    public CompletableFuture<Account> openAccount(dev.gatehouse.api.NewAccount body, String idempotencyKey) {
        return post(admin("accounts").build(), body, idempotencyKey, type(Account.class));
    }

    /** Grants credits; above the four-eyes threshold the grant answers pending_approval. */
    public CompletableFuture<dev.gatehouse.api.CreditGrant> grantCredits(String accountId, dev.gatehouse.api.NewCreditGrant body,
                                                                         String idempotencyKey) {
        return post(admin("accounts").addPathSegment(accountId).addPathSegment("credits").build(), body, idempotencyKey,
                type(dev.gatehouse.api.CreditGrant.class));
    }

    /** What importing a catalog file would do, entry by entry; writes nothing. */
    public CompletableFuture<dev.gatehouse.api.CatalogImportPreview> previewCatalogImport(dev.gatehouse.api.CatalogImportRequest body) {
        return post(admin("models").addPathSegment("import").addPathSegment("preview").build(), body, null,
                type(dev.gatehouse.api.CatalogImportPreview.class));
    }

    /** Imports the file exactly as previewed (409 when the catalog changed since the preview). */
    public CompletableFuture<dev.gatehouse.api.CatalogImportPreview> importCatalog(dev.gatehouse.api.CatalogImportRequest body,
                                                                                    String idempotencyKey) {
        return post(admin("models").addPathSegment("import").build(), body, idempotencyKey,
                type(dev.gatehouse.api.CatalogImportPreview.class));
    }

    private <T> CompletableFuture<T> post(HttpUrl url, Object body, String idempotencyKey, JavaType type) {
        Request.Builder r = new Request.Builder().url(url).post(jsonBody(body));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return send(r, type);
    }

    private static RequestBody jsonBody(Object body) {
        try {
            return RequestBody.create(JSON.writeValueAsBytes(body), JSON_MEDIA_TYPE);
        } catch (JsonProcessingException e) {
            throw new PlatformException("The console could not write its request: " + e.getOriginalMessage(), 0, false);
        }
    }

    // ---- plumbing shared by every endpoint -------------------------------------------------------

    private HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.split("/")) {
            b.addPathSegment(segment);
        }
        return b;
    }

    private HttpUrl.Builder admin(String path) {
        return url("admin/v1/" + path);
    }

    private static void addParam(HttpUrl.Builder u, String name, String value) {
        if (value != null && !value.isBlank()) {
            u.addQueryParameter(name, value);
        }
    }

    private static JavaType type(Class<?> c) {
        return JSON.getTypeFactory().constructType(c);
    }

    <T> CompletableFuture<T> get(HttpUrl url, JavaType type) {
        return send(new Request.Builder().url(url).get(), type);
    }

    /** Sends with the operator's token and parses a 2xx body as {@code type}; everything else fails readably. */
    <T> CompletableFuture<T> send(Request.Builder request, JavaType type) {
        Request req = request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        CompletableFuture<T> result = new CompletableFuture<>();
        Call call = http.newCall(req);
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                notifyReachable(false);
                if (!c.isCanceled()) {
                    LOG.info("{} {} failed: {}", req.method(), req.url().encodedPath(), e.toString());
                }
                result.completeExceptionally(networkFailure(e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                notifyReachable(true);
                try (response) {
                    result.complete(read(response, type));
                } catch (PlatformException e) {
                    // The path only: queries may hold what an operator searched for (names, emails).
                    LOG.info("{} {} answered HTTP {} ({})", req.method(), req.url().encodedPath(), e.status(),
                            e.kind().map(ProblemType::slug).orElse("no problem type"));
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    LOG.info("{} {} broke off: {}", req.method(), req.url().encodedPath(), e.toString());
                    result.completeExceptionally(networkFailure(e));
                } catch (RuntimeException e) {
                    LOG.error("{} {}: the console could not read the answer", req.method(), req.url().encodedPath(), e);
                    result.completeExceptionally(PlatformException.of(e));
                }
            }
        });
        return result;
    }

    private void notifyReachable(boolean reachable) {
        reachabilityListeners.forEach(l -> l.accept(reachable));
    }

    private <T> T read(Response response, JavaType type) throws IOException {
        int status = response.code();
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        String contentType = response.header("Content-Type", "");
        if (status >= 200 && status < 300) {
            if (text.isBlank()) {
                throw new PlatformException("The platform answered HTTP " + status + " with an empty body where data was expected. "
                        + "Is " + baseUrl() + " a Gatehouse gateway?", status, null, true, null);
            }
            try {
                return JSON.readValue(text, type);
            } catch (JsonProcessingException e) {
                boolean json = looksLikeJson(text);
                throw new PlatformException(json
                        ? "The platform's answer (HTTP " + status + ") doesn't match what this console expects: "
                                + e.getOriginalMessage() + ". The console and gateway versions may differ."
                        : notJson(status), status, null, false, e);
            }
        }
        Problem problem = parseProblem(text, contentType);
        throw errorFor(status, problem, text);
    }

    private PlatformException errorFor(int status, Problem problem, String text) {
        ProblemType kind = PlatformException.kindOf(status, problem).orElse(null);
        boolean retryable = retryable(status, problem == null ? Optional.empty() : ProblemType.fromUri(problem.type()));
        String detail = problem != null && problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : null;
        if (problem != null && !problem.errors().isEmpty()) {
            StringBuilder fields = new StringBuilder(detail == null ? problem.title() : detail);
            problem.errors().forEach(f -> fields.append("\n• ").append(f.field()).append(": ").append(f.message()));
            detail = fields.toString();
        }
        String message;
        if (kind == ProblemType.UNAUTHORIZED) {
            message = "Your operator token was rejected by " + baseUrl() + (detail == null ? "." : ": " + detail)
                    + " Check the token, or ask a lead for a new one.";
        } else if (kind == ProblemType.FORBIDDEN) {
            message = detail != null ? detail : "Your role may not do this on " + baseUrl() + ".";
        } else if (detail != null) {
            message = detail;
        } else if (problem == null && !text.isBlank() && !looksLikeJson(text)) {
            message = notJson(status);
        } else if (text.isBlank()) {
            message = "The platform answered HTTP " + status + " with an empty body. " + (retryable ? "Try again in a moment." : "");
        } else {
            message = "The platform refused the request (HTTP " + status + (problem != null && problem.title() != null ? ", " + problem.title() : "") + ").";
        }
        return new PlatformException(message.strip(), status, problem, retryable, null);
    }

    /**
     * Whether trying the same request again may help. A type this console knows decides (another request with the same
     * Idempotency-Key still running is worth a retry, a final state never is); without one, the status does.
     */
    static boolean retryable(int status, Optional<ProblemType> type) {
        return type.map(t -> t == ProblemType.TOO_MANY_REQUESTS || t == ProblemType.INTERNAL_ERROR
                        || t == ProblemType.IDEMPOTENCY_IN_FLIGHT)
                .orElse(status >= 500 || status == 429 || status == 408);
    }

    private String notJson(int status) {
        return "The platform answered with something that isn't JSON (HTTP " + status + "). "
                + "Is " + baseUrl() + " a Gatehouse gateway, or is a proxy in front of it failing?";
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static Problem parseProblem(String text, String contentType) {
        if (!looksLikeJson(text)) {
            return null;
        }
        try {
            Problem p = JSON.readValue(text, Problem.class);
            return p.type() == null && p.title() == null && p.detail() == null ? null : p;
        } catch (JsonProcessingException e) {
            // Not a problem document (contentType may claim so); the caller falls back to the status.
            return null;
        }
    }

    private PlatformException networkFailure(IOException e) {
        String where = baseUrl();
        String message;
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            message = "Can't reach " + where + ": connection refused. Is the gateway running?";
        } else if (e instanceof UnknownHostException) {
            message = "Can't find the host " + baseUrl.host() + ". Check the URL and your network.";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            message = where + " did not answer within " + readTimeout.toSeconds() + " s. "
                    + "The gateway may be overloaded or the network slow; try again.";
        } else if (e.getMessage() != null && e.getMessage().startsWith("unexpected end of stream")) {
            message = "The connection to " + where + " closed before the platform answered. Try again.";
        } else if (e instanceof SSLException) {
            message = "Secure connection to " + where + " failed: " + e.getMessage() + ". Check the URL and the certificate.";
        } else {
            message = "Lost the connection to " + where + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). Try again.";
        }
        return new PlatformException(message, 0, null, true, e);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Waits briefly for in-flight calls to finish after {@link #close()}; for tests and shutdown. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return http.dispatcher().executorService().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
