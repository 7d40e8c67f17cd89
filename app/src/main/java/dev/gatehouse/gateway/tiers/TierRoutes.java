package dev.gatehouse.gateway.tiers;

import dev.gatehouse.api.AccountLimits;
import dev.gatehouse.api.CancelRequest;
import dev.gatehouse.api.LimitChange;
import dev.gatehouse.api.LimitsPreview;
import dev.gatehouse.api.LimitsRequest;
import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Tier;
import dev.gatehouse.policy.TierLimits;
import dev.gatehouse.policy.Validated;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rate-limit tiers and custom Enterprise limits (issue 11; DESIGN §4 "rate-limit tiers", ai-visual-studio §4). Loosening
 * applies at once; tightening anything (or a mixed change) takes effect no sooner than 30 days after it is scheduled
 * (ai-visual-studio §18 "Change rate limits or pricing with 30 days' notice") unless a lead overrides it. A new edit
 * replaces a pending one: the operator's latest intent is what will happen.
 */
public final class TierRoutes implements Feature {
    private static final Logger log = LoggerFactory.getLogger(TierRoutes.class);
    /** The tier preview counts who went over the proposed limits in the last 7 days of the request log. */
    public static final Duration EXCEEDANCE_WINDOW = Duration.ofDays(7);
    private static final Routes.Body<LimitsRequest> LIMITS = new Routes.Body<>(LimitsRequest.class,
            Set.of(Permission.EDIT_TIERS, Permission.EMERGENCY_PRICE_CHANGE),
            b -> List.of(Boolean.TRUE.equals(b.emergency()) ? Permission.EMERGENCY_PRICE_CHANGE : Permission.EDIT_TIERS));
    private static final Routes.Body<CancelRequest> CANCEL = new Routes.Body<>(CancelRequest.class,
            Set.of(Permission.EDIT_TIERS), b -> List.of());

    private final Jdbi jdbi;
    private final Clock clock;
    private final TierCounts counts;

    public TierRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.counts = new TierCounts(jdbi, clock);
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/tiers", Permission.READ, this::list);
        routes.read("/admin/v1/tiers/{id}", Permission.READ, this::one);
        routes.replace("/admin/v1/tiers/{id}", LIMITS, this::putTier);
        routes.preview("/admin/v1/tiers/{id}/preview", LIMITS, this::previewTier);
        routes.read("/admin/v1/accounts/{id}/limits", Permission.READ, this::accountLimits);
        routes.replace("/admin/v1/accounts/{id}/limits", LIMITS, this::putAccount);
        routes.preview("/admin/v1/accounts/{id}/limits/preview", LIMITS, this::previewAccount);
        routes.remove("/admin/v1/limit-changes/{id}", CANCEL, this::cancel);
        sweep(clock.instant()); // limit changes that fell due while the gateway was down apply before it serves
    }

    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("scheduled-limit-changes", 30, () -> sweep(clock.instant())),
                new Sweep("tier-counts", TierCounts.MAX_AGE.toSeconds() / 2, counts::refresh));
    }

    /** Applies every limit change due at {@code now}, each in its own transaction with an audit entry by "system". */
    public int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int n = 0;
        for (LimitChange c : jdbi.withHandle(h -> TierStore.due(h, at))) {
            n += jdbi.inTransaction(h -> {
                if (!TierStore.claim(h, c.id(), at)) {
                    return 0;
                }
                TierLimits after = limits(c.after());
                if (c.targetType().equals("tier")) {
                    TierStore.setTier(h, c.target(), after, at);
                } else {
                    TierStore.setCustom(h, c.target(), after, "system", at);
                }
                AuditLog.append(h, new AuditLog.Draft(at, "system", "limits.apply", c.target(),
                        "Scheduled limit change " + c.id() + " took effect at " + c.effectiveAt() + ".", c.before(), c.after()));
                return 1;
            });
        }
        if (n > 0) {
            log.info("applied {} scheduled limit changes", n);
        }
        return n;
    }

    // ---------------------------------------------------------------- tiers

    private void list(Context ctx) {
        ctx.json(Map.of("data", jdbi.withHandle(h -> {
            Map<String, TierStore.Counts> counted = counts.get();
            Map<String, LimitChange> pending = TierStore.pendingTiers(h);
            return TierStore.tiers(h).stream().map(t -> shown(t, counted, pending.get(t.name()))).toList();
        })));
    }

    private void one(Context ctx) {
        String name = ctx.pathParam("id");
        RateTier tier = jdbi.withHandle(h -> {
            TierStore.TierRow row = tierRow(h, name, false);
            return shown(row, counts.get(), TierStore.pending(h, "tier", name).orElse(null));
        });
        ETags.set(ctx, tier.version());
        ctx.json(tier);
    }

    private static RateTier shown(TierStore.TierRow t, Map<String, TierStore.Counts> counts, LimitChange pending) {
        TierStore.Counts c = counts.getOrDefault(t.name(), new TierStore.Counts(0, 0));
        return new RateTier(t.name(), t.rpm(), t.rpd(), t.concurrent(), t.rpm() == null, t.version(), t.updatedAt(),
                c.accounts(), c.keys(), pending);
    }

    private static TierStore.TierRow tierRow(Handle h, String name, boolean lock) {
        if (Tier.fromWire(name).isEmpty()) {
            throw ApiException.notFound("tier", name.length() > 40 ? name.substring(0, 40) + "…" : name.replaceAll("\\p{Cntrl}", "?"));
        }
        return TierStore.tier(h, name, lock).orElseThrow(() -> ApiException.notFound("tier", name));
    }

    private static TierLimits editable(TierStore.TierRow t) {
        return t.limits().orElseThrow(() -> ApiException.conflict("Enterprise limits are custom per account: set them with "
                + "PUT /admin/v1/accounts/{id}/limits on each Enterprise account."));
    }

    private Audited<RateTier> putTier(RouteRequest<LimitsRequest> request) {
        Handle h = request.handle();
        TierStore.TierRow before = tierRow(h, request.pathParam("id"), true);
        request.checkVersion("tier", before.version());
        TierLimits current = editable(before);
        Outcome o = decide(h, "tier", before.name(), current, request, true);
        write(h, o, request);
        TierStore.TierRow after = TierStore.tier(h, before.name(), false).orElseThrow();
        request.etag(after.version());
        RateTier shown = shown(after, counts.get(), TierStore.pending(h, "tier", after.name()).orElse(null));
        return new Audited<>(draft(request, o, before.name(), "tier"), entry -> shown);
    }

    private LimitsPreview previewTier(RouteRequest<LimitsRequest> request) {
        Handle h = request.handle();
        TierStore.TierRow row = tierRow(h, request.pathParam("id"), false);
        request.checkVersion("tier", row.version());
        TierLimits current = editable(row);
        Outcome o = decide(h, "tier", row.name(), current, request, false);
        // a preview is asked for once before a change, so it counts now rather than a minute ago
        TierStore.Counts c = TierStore.counts(h).getOrDefault(row.name(), new TierStore.Counts(0, 0));
        return preview(h, o, UsageStore.Scope.tier(row.name()), c.accounts(), c.keys(), request.now());
    }

    // ---------------------------------------------------------------- Enterprise accounts

    /** An account's limits: its own when it has them, else its tier's (Enterprise without its own: the pro tier's). */
    private record Held(TierStore.AccountRow account, TierStore.CustomRow custom, String source, TierLimits limits, long version) {}

    private static Held held(Handle h, String accountId, boolean lock) {
        if (accountId.length() > 40 || accountId.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.notFound("account", accountId.substring(0, Math.min(40, accountId.length())).replaceAll("\\p{Cntrl}", "?"));
        }
        TierStore.AccountRow a = TierStore.account(h, accountId).orElseThrow(() -> ApiException.notFound("account", accountId));
        if (lock) {
            TierStore.lockAccount(h, accountId);
        }
        Optional<TierStore.CustomRow> custom = TierStore.custom(h, accountId, lock);
        if (custom.isPresent()) {
            return new Held(a, custom.get(), "custom", custom.get().limits(), custom.get().version());
        }
        String tier = a.tier().equals("enterprise") ? "pro" : a.tier();
        TierLimits limits = TierStore.tier(h, tier, false).flatMap(TierStore.TierRow::limits).orElseThrow();
        // an account without its own limits is at version 1; its first custom limits make it 2
        return new Held(a, null, "tier:" + tier, limits, 1);
    }

    private void accountLimits(Context ctx) {
        AccountLimits limits = jdbi.withHandle(h -> shown(h, held(h, ctx.pathParam("id"), false)));
        ETags.set(ctx, limits.version());
        ctx.json(limits);
    }

    private static AccountLimits shown(Handle h, Held held) {
        TierLimits l = held.limits();
        return new AccountLimits(held.account().accountId(), held.account().name(), held.account().tier(), held.custom() != null,
                held.source(), l.rpm(), l.rpd(), l.concurrent(), held.version(),
                held.custom() == null ? null : held.custom().updatedAt(), held.custom() == null ? null : held.custom().updatedBy(),
                TierStore.pending(h, "account", held.account().accountId()).orElse(null));
    }

    private static void requireEnterprise(Held held) {
        if (!held.account().tier().equals("enterprise")) {
            throw ApiException.conflict("Only Enterprise accounts have custom limits; " + held.account().accountId() + " is on the "
                    + held.account().tier() + " tier, whose limits apply. Change its tier to enterprise first.");
        }
        if (held.account().status().equals("terminated")) {
            throw ApiException.finalState("Account " + held.account().accountId() + " is terminated; its limits no longer matter.");
        }
    }

    private Audited<AccountLimits> putAccount(RouteRequest<LimitsRequest> request) {
        Handle h = request.handle();
        Held before = held(h, request.pathParam("id"), true);
        request.checkVersion("account limits", before.version());
        requireEnterprise(before);
        Outcome o = decide(h, "account", before.account().accountId(), before.limits(), request, true);
        write(h, o, request);
        Held after = held(h, before.account().accountId(), false);
        request.etag(after.version());
        AccountLimits shown = shown(h, after);
        return new Audited<>(draft(request, o, before.account().accountId(), "account limits"), entry -> shown);
    }

    private LimitsPreview previewAccount(RouteRequest<LimitsRequest> request) {
        Handle h = request.handle();
        Held held = held(h, request.pathParam("id"), false);
        request.checkVersion("account limits", held.version());
        requireEnterprise(held);
        Outcome o = decide(h, "account", held.account().accountId(), held.limits(), request, false);
        return preview(h, o, UsageStore.Scope.account(held.account().accountId()), 1, TierStore.keys(h, held.account().accountId()),
                request.now());
    }

    // ---------------------------------------------------------------- withdrawing a scheduled change

    /**
     * Withdraws a scheduled change before it applies; the tier or account keeps the limits in force and its version moves
     * on, so an editor holding the old ETag reloads. A scheduled change is at version 1, an applied, superseded or
     * cancelled one at 2 (nothing moves it further), as for price changes.
     */
    private Audited<LimitChange> cancel(RouteRequest<CancelRequest> request) {
        CancelRequest body = request.body();
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> {
            throw ApiException.validation(List.of(new FieldError("reason", m)));
        });
        Handle h = request.handle();
        String id = request.pathParam("id");
        if (id.length() > 40 || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.notFound("limit change", id.substring(0, Math.min(40, id.length())).replaceAll("\\p{Cntrl}", "?"));
        }
        LimitChange before = TierStore.change(h, id, true).orElseThrow(() -> ApiException.notFound("limit change", id));
        request.checkVersion("limit change", before.state().equals("scheduled") ? 1 : 2);
        if (!before.state().equals("scheduled")) {
            throw ApiException.finalState("Limit change " + id + " is " + before.state() + "; only a scheduled change can be cancelled.");
        }
        String reason = body.reason().strip();
        TierStore.cancel(h, id, reason, request.operator().id(), request.now());
        if (before.targetType().equals("tier")) {
            TierStore.touchTier(h, before.target(), request.now());
        } else {
            TierStore.touchCustomVersion(h, before.target());
        }
        LimitChange after = TierStore.change(h, id, false).orElseThrow();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("state", before.state());
        was.put("target", before.target());
        was.put("limits", before.after());
        was.put("effective_at", before.effectiveAt());
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "limits.cancel", id, reason, was,
                Map.of("state", after.state(), "target", after.target())), entry -> after);
    }

    // ---------------------------------------------------------------- the change

    /** A decided change: its target, limits before and after, kind, verdict, and the pending change it replaces. */
    private record Outcome(String type, String target, TierLimits before, TierLimits after, ChangeKind kind,
                           NoticeRule.Verdict verdict, Optional<LimitChange> pending, String reason) {}

    private static Outcome decide(Handle h, String type, String target, TierLimits current, RouteRequest<LimitsRequest> request,
                                  boolean forReal) {
        LimitsRequest body = request.body();
        List<FieldError> errors = new ArrayList<>();
        Validated<TierLimits> limits = TierLimits.validate(body.rpm(), body.rpd(), body.concurrent());
        errors.addAll(limits.errors());
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(body.effectiveAt());
        errors.addAll(when.errors());
        if (forReal) {
            Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new FieldError("reason", m)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Optional<LimitChange> pending = TierStore.pending(h, type, target);
        ChangeKind kind = NoticeRule.classify(current, limits.value());
        if (kind == ChangeKind.UNCHANGED && pending.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("rpm", "these are the limits in force (" + current.rpm() + " / "
                    + current.rpd() + " / " + current.concurrent() + "): there is nothing to change")));
        }
        Role role = request.operator().role();
        NoticeRule.Verdict verdict = NoticeRule.decide(kind, new NoticeRule.Request(request.now(), when.value().orElse(null),
                Boolean.TRUE.equals(body.emergency()), role, body.reason()));
        if (forReal && !verdict.allowed()) {
            throw ApiException.validation(verdict.errors());
        }
        return new Outcome(type, target, current, limits.value(), kind, verdict, pending, body.reason() == null ? "" : body.reason().strip());
    }

    /** Applies a loosening (or an override) at once, or schedules it; either way it replaces what was pending. */
    private static void write(Handle h, Outcome o, RouteRequest<LimitsRequest> request) {
        Instant now = request.now();
        TierStore.supersede(h, o.type(), o.target());
        boolean atOnce = !o.verdict().effectiveAt().isAfter(now);
        TierStore.insertChange(h, new TierStore.NewChange(PrefixedIds.next("lim_", now), o.type(), o.target(),
                atOnce ? "applied" : "scheduled", o.kind().limitWord(), o.before(), o.after(), o.verdict().effectiveAt(), now,
                o.verdict().earliestAllowed(), o.reason(), request.operator().id(), o.verdict().emergencyOverride(),
                atOnce ? now : null));
        if (o.type().equals("tier")) {
            if (atOnce) {
                TierStore.setTier(h, o.target(), o.after(), now);
            } else {
                TierStore.touchTier(h, o.target(), now);
            }
        } else if (atOnce) {
            TierStore.setCustom(h, o.target(), o.after(), request.operator().id(), now);
        } else {
            TierStore.touchCustom(h, o.target(), o.before(), request.operator().id(), now);
        }
    }

    private static AuditLog.Draft draft(RouteRequest<LimitsRequest> request, Outcome o, String target, String what) {
        boolean atOnce = !o.verdict().effectiveAt().isAfter(request.now());
        String prefix = o.type().equals("tier") ? "tier" : "account_limits";
        String action = prefix + (o.verdict().emergencyOverride() ? ".emergency" : atOnce ? ".update" : ".schedule");
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("limits", shown(o.before()));
        o.pending().ifPresent(p -> before.put("scheduled", Map.of("id", p.id(), "limits", p.after(), "effective_at", p.effectiveAt())));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("limits", shown(o.after()));
        after.put("kind", o.kind().limitWord());
        after.put("effective_at", o.verdict().effectiveAt());
        after.put("earliest_allowed", o.verdict().earliestAllowed());
        after.put("emergency", o.verdict().emergencyOverride());
        return new AuditLog.Draft(request.now(), request.operator().id(), action, target, o.reason(), before, after);
    }

    private static LimitsPreview preview(Handle h, Outcome o, UsageStore.Scope scope, long accounts, long keys, Instant now) {
        Instant from = now.minus(EXCEEDANCE_WINDOW);
        return new LimitsPreview(o.target(), o.kind().limitWord(), shown(o.before()), shown(o.after()), o.verdict().effectiveAt(),
                o.verdict().earliestAllowed(), o.verdict().noticeSatisfied(), o.verdict().emergencyOverride(), accounts, keys,
                exceedance(h, scope, from, now, o.before()), exceedance(h, scope, from, now, o.after()));
    }

    private static LimitsPreview.Exceedance exceedance(Handle h, UsageStore.Scope scope, Instant from, Instant to, TierLimits l) {
        UsageStore.Exceedance e = UsageStore.exceedance(h, scope, from, to, l.rpm(), l.rpd());
        return new LimitsPreview.Exceedance((int) EXCEEDANCE_WINDOW.toDays(), e.requests(), e.keysOverRpm(), e.keysOverRpd(),
                e.accountsOverRpm(), e.accountsOverRpd());
    }

    private static LimitChange.Limits shown(TierLimits l) {
        return new LimitChange.Limits(l.rpm(), l.rpd(), l.concurrent());
    }

    private static TierLimits limits(LimitChange.Limits l) {
        return new TierLimits(l.rpm(), l.rpd(), l.concurrent());
    }

    /** The limits an account is held to at the moment (the data plane reads this): its own, else its tier's. */
    public static TierLimits limitsOf(Handle h, String accountId) {
        return held(h, accountId, false).limits();
    }
}
