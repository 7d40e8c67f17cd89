package dev.gatehouse.gateway.credits;

import dev.gatehouse.api.CreditGrant;
import dev.gatehouse.api.GrantDecision;
import dev.gatehouse.api.NewCreditGrant;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.CreditGrantApproval;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.LotKind;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.PolicySettings;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Credit grants by hand (issue 13): {@code POST /admin/v1/accounts/{id}/credits} writes a lot and its ledger line in one
 * transaction through {@link CreditStore#addLot}, so balance = sum of the ledger = sum of the lots' remaining still
 * holds. Above the four-eyes threshold the grant is kept pending until a second, different operator approves it
 * ({@link CreditGrantApproval}, as refunds do); {@code /credit-grants} lists and decides them. The grants table's SQL
 * is here with its routes, the lot and ledger writes are {@link CreditStore}'s.
 */
public final class CreditGrants implements Feature {
    /** The kinds an operator grants by hand (signup rewards are the platform's own). */
    static final Map<String, LotKind> KINDS = Map.of("manual_grant", LotKind.MANUAL_GRANT, "promotion", LotKind.PROMOTION,
            "purchase", LotKind.PURCHASE);
    static final Set<String> STATUSES = Set.of("pending_approval", "granted", "rejected");
    /** Far past any hand-made grant, and well inside DECIMAL(20,6) however many are added to one balance. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    private static final String COLUMNS = "id, account_id, kind, amount, price_paid, currency, expires_at, reason, status, "
            + "requested_by, requested_at, decided_by, decided_at, decision_reason, lot_id, version";

    private static final Routes.Body<NewCreditGrant> GRANT = new Routes.Body<>(NewCreditGrant.class,
            Set.of(Permission.GRANT_CREDITS), b -> List.of());
    private static final Routes.Body<GrantDecision> DECIDE = new Routes.Body<>(GrantDecision.class,
            Set.of(Permission.GRANT_CREDITS), b -> List.of());

    private final Jdbi jdbi;
    private final Supplier<PolicySettings> policy;

    /** {@code policy}: the settings in force, read per request (the four-eyes threshold is one of them). */
    public CreditGrants(Jdbi jdbi, Supplier<PolicySettings> policy) {
        this.jdbi = jdbi;
        this.policy = policy;
    }

    @Override
    public void register(Routes routes) {
        routes.create("/admin/v1/accounts/{id}/credits", GRANT, this::grant);
        routes.read("/admin/v1/credit-grants", Permission.READ, this::list);
        routes.action("/admin/v1/credit-grants/{id}/approve", DECIDE, this::approve);
        routes.action("/admin/v1/credit-grants/{id}/reject", DECIDE, this::reject);
    }

    private void list(Context ctx) {
        String status = QueryParams.oneOf(ctx, "status", STATUSES).orElse(null);
        String account = QueryParams.text(ctx, "account_id", 40).orElse(null);
        int limit = QueryParams.limit(ctx);
        String before = Cursor.decode(ctx, "credit-grants", 1).map(k -> k.get(0)).orElse(null);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM credit_grants WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status);
        }
        if (account != null) {
            sql.append(" AND account_id = :account");
            params.put("account", account);
        }
        if (before != null) {
            sql.append(" AND id < :before");
            params.put("before", before);
        }
        // with the status or account fixed, "status, id DESC" (or "account_id, id DESC") is id DESC: the index's order
        sql.append(" ORDER BY ").append(account != null ? "account_id, id DESC" : status != null ? "status, id DESC" : "id DESC")
                .append(" LIMIT :limit");
        List<CreditGrant> rows = jdbi.withHandle(h -> h.createQuery(sql.toString()).bindMap(params).bind("limit", limit + 1)
                .map((rs, c) -> grant(rs)).list());
        ctx.json(Pages.of(rows, limit, g -> Cursor.encode("credit-grants", g.id())));
    }

    private Audited<CreditGrant> grant(RouteRequest<NewCreditGrant> request) {
        NewCreditGrant body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        LotKind kind = body.kind() == null ? null : KINDS.get(body.kind());
        if (kind == null) {
            errors.add(new Problem.FieldError("kind", "must be one of manual_grant, promotion, purchase"));
        }
        BigDecimal amount = money("amount", body.amount(), true, errors);
        if (amount != null && (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            errors.add(new Problem.FieldError("amount", "must be more than 0 and at most " + MAX_AMOUNT.toPlainString()));
        }
        BigDecimal paid = money("price_paid", body.pricePaid(), false, errors);
        if (kind == LotKind.PURCHASE && body.pricePaid() == null) {
            errors.add(new Problem.FieldError("price_paid", "is required for a purchase: what the customer paid, e.g. \"100.00\""));
        } else if (kind != null && kind != LotKind.PURCHASE && paid != null && paid.signum() != 0) {
            // pixapi §8: only purchases were paid for; a granted or promotional lot has no price (and is never refunded)
            errors.add(new Problem.FieldError("price_paid", "only a purchase has a price paid; leave it out for " + body.kind()));
        }
        if (paid != null && (paid.signum() < 0 || paid.compareTo(MAX_AMOUNT) > 0)) {
            errors.add(new Problem.FieldError("price_paid", "must be 0 to " + MAX_AMOUNT.toPlainString()));
        }
        if (body.expiresAt() != null && !body.expiresAt().isAfter(request.now())) {
            errors.add(new Problem.FieldError("expires_at", "must be in the future; leave it out for credit that does not expire"));
        }
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new Problem.FieldError("reason", m)));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String accountId = request.pathParam("id");
        Handle h = request.handle();
        String accountStatus = lockAccount(h, accountId);
        refuseIfTerminated(accountId, accountStatus);
        PolicySettings settings = policy.get();
        boolean pending = CreditGrantApproval.needsSecondApproval(amount, settings);
        String id = PrefixedIds.next("grt_", request.now());
        h.createUpdate("INSERT INTO credit_grants (id, account_id, kind, amount, price_paid, expires_at, reason, status, "
                        + "requested_by, requested_at) VALUES (:id, :acct, :kind, :amount, :paid, :exp, :reason, :status, :by, :at)")
                .bind("id", id).bind("acct", accountId).bind("kind", kind.wire()).bind("amount", amount)
                .bind("paid", paid == null ? Money.zero() : paid).bind("exp", body.expiresAt()).bind("reason", body.reason().trim())
                .bind("status", pending ? "pending_approval" : "granted").bind("by", request.operator().id())
                .bind("at", request.now()).execute();
        if (!pending) {
            String lot = CreditStore.addLot(h, accountId, kind.wire(), amount, paid == null ? Money.zero() : paid, body.expiresAt(),
                    request.now(), request.operator().id(), description(id, body.reason()));
            h.createUpdate("UPDATE credit_grants SET lot_id = :lot WHERE id = :id").bind("lot", lot).bind("id", id).execute();
        }
        CreditGrant created = find(h, id, false).orElseThrow();
        Map<String, Object> after = shown(created);
        if (pending) {
            after.put("waits_for", "a second operator (" + settings.cite(settings.fourEyesThreshold()) + ")");
        }
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(),
                pending ? "credit.grant_requested" : "credit.grant", accountId, body.reason().trim(), null, after), entry -> created);
    }

    private Audited<CreditGrant> approve(RouteRequest<GrantDecision> request) {
        String reason = reasonOf(request);
        Handle h = request.handle();
        CreditGrant before = pending(request, h);
        CreditGrantApproval.approvalProblem(before.requestedBy(), request.operator().id(), policy.get()).ifPresent(why -> {
            throw ApiException.forbidden("You asked for this grant; " + why + ".");
        });
        refuseIfTerminated(before.accountId(), lockAccount(h, before.accountId()));
        if (before.expiresAt() != null && !before.expiresAt().isAfter(request.now())) {
            throw ApiException.conflict("The grant's credit would have expired at " + before.expiresAt()
                    + "; reject it and grant again with a later expiry.");
        }
        String lot = CreditStore.addLot(h, before.accountId(), before.kind(), before.amount(), before.pricePaid(), before.expiresAt(),
                request.now(), request.operator().id(), description(before.id(), before.reason()));
        decide(h, before.id(), "granted", request, reason, lot);
        CreditGrant after = find(h, before.id(), false).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "credit.grant_approve", before.accountId(),
                reason, Map.of("grant", before.id(), "status", before.status()), shown(after)), entry -> after);
    }

    private Audited<CreditGrant> reject(RouteRequest<GrantDecision> request) {
        String reason = reasonOf(request);
        Handle h = request.handle();
        CreditGrant before = pending(request, h);
        decide(h, before.id(), "rejected", request, reason, null);
        CreditGrant after = find(h, before.id(), false).orElseThrow();
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "credit.grant_reject", before.accountId(),
                reason, Map.of("grant", before.id(), "status", before.status()), shown(after)), entry -> after);
    }

    private static String reasonOf(RouteRequest<GrantDecision> request) {
        String reason = request.body().reason();
        Enforcement.reasonProblem(reason).ifPresent(m -> {
            throw ApiException.validation(List.of(new Problem.FieldError("reason", m)));
        });
        return reason.trim();
    }

    /** The grant of the path, locked, checked against If-Match, and still pending (409 otherwise). */
    private static CreditGrant pending(RouteRequest<GrantDecision> request, Handle h) {
        String id = request.pathParam("id");
        CreditGrant g = find(h, id, true).orElseThrow(() -> ApiException.notFound("credit grant", id));
        request.checkVersion("credit grant", g.version());
        if (!"pending_approval".equals(g.status())) {
            throw ApiException.conflict("Credit grant " + id + " is " + g.status() + " already; only a pending grant is decided.");
        }
        return g;
    }

    private static void decide(Handle h, String id, String status, RouteRequest<GrantDecision> request, String reason, String lot) {
        h.createUpdate("UPDATE credit_grants SET status = :status, decided_by = :by, decided_at = :at, decision_reason = :reason, "
                        + "lot_id = :lot, version = version + 1 WHERE id = :id")
                .bind("status", status).bind("by", request.operator().id()).bind("at", request.now()).bind("reason", reason)
                .bind("lot", lot).bind("id", id).execute();
    }

    /** Locks the account row (every balance change goes through it) and answers its status; 404 if there is none. */
    private static String lockAccount(Handle h, String accountId) {
        return h.createQuery("SELECT status FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId).mapTo(String.class)
                .findOne().orElseThrow(() -> ApiException.notFound("account", accountId));
    }

    private static void refuseIfTerminated(String accountId, String status) {
        if ("terminated".equals(status)) {
            throw ApiException.finalState("Account " + accountId + " is terminated; it takes no more credit.");
        }
    }

    private static String description(String grantId, String reason) {
        String text = "credit grant " + grantId + ": " + reason.trim();
        return text.length() > 400 ? text.substring(0, 399) + "…" : text;
    }

    /** A decimal string with at most six decimals, or null (with a field error when it is required or malformed). */
    private static BigDecimal money(String field, String raw, boolean required, List<Problem.FieldError> errors) {
        if (raw == null) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required: a decimal string like \"250.00\""));
            }
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.trim());
            if (value.stripTrailingZeros().scale() > Money.SCALE) {
                errors.add(new Problem.FieldError(field, "has more than " + Money.SCALE + " decimals"));
                return null;
            }
            if (value.abs().compareTo(MAX_AMOUNT.multiply(BigDecimal.TEN)) > 0) {
                errors.add(new Problem.FieldError(field, "must be at most " + MAX_AMOUNT.toPlainString()));
                return null;
            }
            return Money.normalize(value);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new Problem.FieldError(field, "must be a decimal string like \"250.00\", got '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'"));
            return null;
        }
    }

    static Optional<CreditGrant> find(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM credit_grants WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, c) -> grant(rs)).findOne();
    }

    private static CreditGrant grant(ResultSet rs) throws SQLException {
        return new CreditGrant(rs.getString("id"), rs.getString("account_id"), rs.getString("kind"),
                Money.normalize(rs.getBigDecimal("amount")), Money.normalize(rs.getBigDecimal("price_paid")),
                rs.getString("currency").trim(), Timestamps.instant(rs, "expires_at"), rs.getString("reason"), rs.getString("status"),
                rs.getString("requested_by"), Timestamps.instant(rs, "requested_at"), rs.getString("decided_by"),
                Timestamps.instant(rs, "decided_at"), rs.getString("decision_reason"), rs.getString("lot_id"), rs.getLong("version"));
    }

    /** What the audit trail keeps of a grant. */
    private static Map<String, Object> shown(CreditGrant g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grant", g.id());
        m.put("kind", g.kind());
        m.put("amount", g.amount().toPlainString());
        m.put("price_paid", g.pricePaid().toPlainString());
        m.put("expires_at", g.expiresAt());
        m.put("status", g.status());
        m.put("lot", g.lotId());
        return m;
    }
}
