package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.CancelRequest;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPatch;
import dev.gatehouse.api.ModelPrices;
import dev.gatehouse.api.ModelStatusResult;
import dev.gatehouse.api.PriceBatch;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PriceNotice;
import dev.gatehouse.api.PricePreview;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices (issue 11): a model's card, scheduled changes and history; scheduling, previewing (single and bulk, with the
 * impact on the last 30 days of usage), committing a previewed bulk change, cancelling; the customer notices of raises;
 * and a model's status (enable, deprecate, disable). Scheduled changes apply by a sweep, and at start-up for whatever
 * fell due while the gateway was down.
 */
public final class PricingRoutes implements Feature {
    private static final Logger log = LoggerFactory.getLogger(PricingRoutes.class);
    static final Set<String> STATES = Set.of("scheduled", "applied", "cancelled");
    static final List<String> MODEL_STATUSES = List.of("active", "deprecated", "disabled");
    /** Disabling a model used in the last 7 days takes it from customers who rely on it: notice, or a lead's override. */
    static final Duration RECENT_USE = Duration.ofDays(7);
    private static final int MAX_ID = 40;

    private static final Routes.Body<PriceChangeRequest> CHANGE = new Routes.Body<>(PriceChangeRequest.class,
            Set.of(Permission.EDIT_PRICES, Permission.EMERGENCY_PRICE_CHANGE),
            b -> List.of(Boolean.TRUE.equals(b.emergency()) ? Permission.EMERGENCY_PRICE_CHANGE : Permission.EDIT_PRICES));
    private static final Routes.Body<CancelRequest> CANCEL = new Routes.Body<>(CancelRequest.class,
            Set.of(Permission.EDIT_PRICES), b -> List.of());
    private static final Routes.Body<ModelPatch> MODEL = new Routes.Body<>(ModelPatch.class,
            Set.of(Permission.EDIT_MODELS, Permission.EMERGENCY_PRICE_CHANGE),
            b -> List.of(Boolean.TRUE.equals(b.emergency()) ? Permission.EMERGENCY_PRICE_CHANGE : Permission.EDIT_MODELS));

    private final Jdbi jdbi;
    private final Clock clock;

    public PricingRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/models/{id}/prices", Permission.READ, this::prices);
        routes.edit("/admin/v1/models/{id}", MODEL, this::patchModel);
        routes.read("/admin/v1/price-changes", Permission.READ, this::list);
        routes.create("/admin/v1/price-changes", CHANGE, this::create);
        routes.create("/admin/v1/price-changes/bulk", CHANGE, this::bulk);
        routes.preview("/admin/v1/price-changes/preview", CHANGE, this::preview);
        routes.read("/admin/v1/price-changes/{id}", Permission.READ, this::one);
        routes.remove("/admin/v1/price-changes/{id}", CANCEL, this::cancel);
        routes.read("/admin/v1/price-notices", Permission.READ, this::notices);
        // a gateway that was down when changes fell due applies them before it serves (issue 11)
        sweep(clock.instant());
    }

    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("scheduled-price-changes", 30, () -> sweep(clock.instant())));
    }

    /** Applies every price and model-status change due at {@code now}, each with an audit entry by "system". */
    public int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int n = PriceChanges.applyDue(jdbi, at, (h, a) -> AuditLog.append(h, new AuditLog.Draft(at, PriceChanges.SYSTEM,
                "price_change.apply", a.changeId(), "Scheduled price change took effect at " + a.effectiveAt() + ".",
                Map.of("state", "scheduled"), Map.of("state", "applied", "model_id", a.modelId())))).size();
        for (ModelStatusStore.Due d : jdbi.withHandle(h -> ModelStatusStore.due(h, at))) {
            n += jdbi.inTransaction(h -> {
                if (!ModelStatusStore.claim(h, d.id(), at)) {
                    return 0;
                }
                Model before = CatalogStore.lock(h, d.modelId()).orElseThrow();
                CatalogStore.setStatus(h, d.modelId(), d.status(), at);
                AuditLog.append(h, new AuditLog.Draft(at, PriceChanges.SYSTEM, "model.status_apply", d.modelId(),
                        "Scheduled status change took effect at " + d.effectiveAt() + ".",
                        Map.of("status", before.status()), Map.of("status", d.status())));
                return 1;
            });
        }
        if (n > 0) {
            log.info("applied {} scheduled price and model status changes", n);
        }
        return n;
    }

    // ---------------------------------------------------------------- reads

    private void prices(Context ctx) {
        String id = plausibleId(ctx.pathParam("id"), "model");
        Optional<Instant> at = instantParam(ctx, "at");
        ModelPrices prices = jdbi.withHandle(h -> {
            Model m = CatalogStore.find(h, id).orElseThrow(() -> ApiException.notFound("model", id));
            List<PriceVersion> history = PriceStore.versions(h, id);
            PriceVersion current = history.stream().filter(v -> v.validTo() == null).findFirst()
                    .orElse(new PriceVersion("current", null, null, m.markup(), null, false, m.priceCard()));
            PriceVersion inForce = at.flatMap(t -> PricesInForce.card(h, id, t)).orElse(null);
            return new ModelPrices(m.id(), m.name(), m.provider(), m.modality(), m.status(), m.version(), current,
                    PriceStore.scheduled(h, id), history, at.orElse(null), inForce);
        });
        ETags.set(ctx, prices.version());
        ctx.json(prices);
    }

    private void list(Context ctx) {
        int limit = QueryParams.limit(ctx);
        Optional<String> model = QueryParams.text(ctx, "model_id", MAX_ID);
        Optional<String> state = QueryParams.oneOf(ctx, "state", STATES);
        Optional<String> batch = QueryParams.text(ctx, "batch_id", MAX_ID);
        Optional<String> provider = QueryParams.text(ctx, "provider", 100);
        String after = Cursor.decode(ctx, "price-changes", 1).map(k -> k.get(0)).orElse(null);
        List<PriceChange> rows = jdbi.withHandle(h -> {
            String providerSort = provider.map(p -> providerSort(h, p)).orElse(null);
            return PriceStore.list(h, new PriceStore.Filter(model.orElse(null), providerSort, state.orElse(null), batch.orElse(null)),
                    after, limit + 1);
        });
        ctx.json(Pages.of(rows, limit, c -> Cursor.encode("price-changes", c.id())));
    }

    private void one(Context ctx) {
        String id = plausibleId(ctx.pathParam("id"), "price change");
        PriceChange c = jdbi.withHandle(h -> PriceStore.find(h, id)).orElseThrow(() -> ApiException.notFound("price change", id));
        ETags.set(ctx, c.state().equals("scheduled") ? 1 : 2); // the version cancel's If-Match names
        ctx.json(c);
    }

    private void notices(Context ctx) {
        int limit = QueryParams.limit(ctx);
        var f = new PriceStore.NoticeFilter(QueryParams.text(ctx, "change_id", MAX_ID).orElse(null),
                QueryParams.text(ctx, "account_id", MAX_ID).orElse(null), QueryParams.text(ctx, "model_id", MAX_ID).orElse(null));
        String after = Cursor.decode(ctx, "price-notices", 1).map(k -> k.get(0)).orElse(null);
        List<PriceNotice> rows = jdbi.withHandle(h -> PriceStore.notices(h, f, after, limit + 1));
        ctx.json(Pages.of(rows, limit, n -> Cursor.encode("price-notices", n.id())));
    }

    // ---------------------------------------------------------------- price changes

    private PricePreview preview(RouteRequest<PriceChangeRequest> request) {
        PriceChanges.Plan plan = PriceChanges.plan(request.handle(), request.body(), role(request), request.now());
        checkVersion(request, plan);
        return plan.preview();
    }

    private Audited<PriceChange> create(RouteRequest<PriceChangeRequest> request) {
        PriceChangeRequest body = request.body();
        if (body.filter() != null || body.adjustment() != null) {
            throw ApiException.validation(List.of(new FieldError("filter",
                    "a bulk change goes to POST /admin/v1/price-changes/bulk with the preview_hash of its preview")));
        }
        if (body.modelId() != null) {
            // the model's row is locked before the plan reads it: of two edits from one version, the second gets 412
            String id = plausibleId(body.modelId(), "model");
            Model locked = CatalogStore.lock(request.handle(), id).orElseThrow(() -> ApiException.notFound("model", id));
            request.checkVersion("model", locked.version());
        }
        PriceChanges.Plan plan = PriceChanges.plan(request.handle(), body, role(request), request.now());
        checkVersion(request, plan);
        PriceChanges.Committed done = PriceChanges.commit(request.handle(), plan, body.reason(), body.previewHash(),
                request.operator().id(), false, request.now());
        PriceChange c = done.changes().get(0);
        PriceChanges.ModelPlan p = plan.models().get(0);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("markup", p.oldMarkup());
        before.put("lines", p.before());
        String action = c.emergency() ? "price_change.emergency" : c.state().equals("applied") ? "price_change.apply" : "price_change.schedule";
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), action, c.id(), body.reason().strip(),
                before, shown(c, done.notices())), entry -> c);
    }

    private Audited<PriceBatch> bulk(RouteRequest<PriceChangeRequest> request) {
        PriceChangeRequest body = request.body();
        if (body.modelId() != null || body.lines() != null) {
            throw ApiException.validation(List.of(new FieldError("model_id",
                    "a change of one model goes to POST /admin/v1/price-changes; a bulk change takes filter and adjustment")));
        }
        PriceChanges.Plan plan = PriceChanges.plan(request.handle(), body, role(request), request.now());
        checkVersion(request, plan);
        PriceChanges.Committed done = PriceChanges.commit(request.handle(), plan, body.reason(), body.previewHash(),
                request.operator().id(), true, request.now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("batch_id", done.batchId());
        after.put("kind", plan.preview().kind());
        after.put("models", done.changes().size());
        after.put("lines", plan.preview().lineCount());
        after.put("effective_at", done.verdict().effectiveAt());
        after.put("emergency", done.changes().stream().anyMatch(PriceChange::emergency));
        after.put("notices", done.notices());
        after.put("preview_hash", plan.preview().previewHash());
        after.put("change_ids", done.changes().stream().map(PriceChange::id).toList());
        String action = done.changes().stream().anyMatch(PriceChange::emergency) ? "price_change.bulk_emergency" : "price_change.bulk";
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), action, done.batchId(), body.reason().strip(),
                null, after), entry -> new PriceBatch(done.batchId(), done.notices(), done.changes(), entry.id()));
    }

    private Audited<PriceChange> cancel(RouteRequest<CancelRequest> request) {
        CancelRequest body = request.body();
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> {
            throw ApiException.validation(List.of(new FieldError("reason", m)));
        });
        String id = plausibleId(request.pathParam("id"), "price change");
        // a scheduled change is at version 1; once applied or withdrawn it is at 2 and nothing moves it
        PriceChange before = PriceStore.find(request.handle(), id).orElseThrow(() -> ApiException.notFound("price change", id));
        request.checkVersion("price change", before.state().equals("scheduled") ? 1 : 2);
        PriceChange after = PriceChanges.cancel(request.handle(), id, body.reason().strip(), request.operator().id(), request.now());
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "price_change.cancel", id, body.reason().strip(),
                Map.of("state", before.state()), shown(after, after.notices())), entry -> after);
    }

    /** If-Match on a change of one model names the model's version; on a bulk change, the sum of the selected models' versions. */
    private static void checkVersion(RouteRequest<PriceChangeRequest> request, PriceChanges.Plan plan) {
        long version = plan.models().size() == 1 && request.body().modelId() != null
                ? plan.models().get(0).model().version()
                : plan.models().stream().mapToLong(p -> p.model().version()).sum();
        request.checkVersion(plan.models().size() == 1 ? "model" : "selected models", version);
    }

    private static Map<String, Object> shown(PriceChange c, int notices) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", c.modelId());
        m.put("state", c.state());
        m.put("kind", c.kind());
        m.put("effective_at", c.effectiveAt());
        m.put("earliest_allowed", c.earliestAllowed());
        m.put("emergency", c.emergency());
        m.put("markup", c.markup());
        m.put("lines", c.lines());
        m.put("notices", notices);
        return m;
    }

    // ---------------------------------------------------------------- model status

    private Audited<ModelStatusResult> patchModel(RouteRequest<ModelPatch> request) {
        ModelPatch body = request.body();
        List<FieldError> errors = new ArrayList<>();
        if (body.status() == null || !MODEL_STATUSES.contains(body.status())) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", MODEL_STATUSES)));
        }
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new FieldError("reason", m)));
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(body.effectiveAt());
        errors.addAll(when.errors());
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        String id = plausibleId(request.pathParam("id"), "model");
        Model before = CatalogStore.lock(h, id).orElseThrow(() -> ApiException.notFound("model", id));
        request.checkVersion("model", before.version());
        Optional<ModelStatusResult.ScheduledStatus> pending = ModelStatusStore.pending(h, id);
        if (before.status().equals(body.status()) && pending.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("status", "the model is already " + body.status())));
        }
        Instant now = request.now();
        Instant effective = when.value().orElse(null);
        // disabling a model customers used in the last 7 days takes it away from them: it needs the notice rule
        // (ai-visual-studio §18) or a lead's emergency override; enabling and deprecating take nothing away
        boolean inUse = body.status().equals("disabled") && !before.status().equals("disabled")
                && UsageStore.used(h, id, now.minus(RECENT_USE), now);
        ChangeKind kind = inUse ? ChangeKind.TIGHTENING : ChangeKind.EASING;
        NoticeRule.Verdict verdict = NoticeRule.decide(kind, new NoticeRule.Request(now, effective,
                Boolean.TRUE.equals(body.emergency()), role(request), body.reason()));
        if (!verdict.allowed()) {
            throw ApiException.validation(verdict.errors());
        }
        ModelStatusStore.supersede(h, id);
        String reason = body.reason().strip();
        ModelStatusResult.ScheduledStatus scheduled = null;
        if (verdict.effectiveAt().isAfter(now)) {
            String changeId = PrefixedIds.next("msc_", now);
            ModelStatusStore.insert(h, changeId, id, body.status(), verdict.effectiveAt(), now, reason, request.operator().id(),
                    verdict.emergencyOverride());
            CatalogStore.touch(h, id, now);
            scheduled = ModelStatusStore.pending(h, id).orElseThrow();
        } else if (!before.status().equals(body.status())) {
            CatalogStore.setStatus(h, id, body.status(), now);
        } else {
            CatalogStore.touch(h, id, now); // the same status again: withdraws what was pending
        }
        Model after = CatalogStore.find(h, id).orElseThrow();
        request.etag(after.version());
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("status", before.status());
        was.put("version", before.version());
        pending.ifPresent(p -> was.put("scheduled", Map.of("status", p.status(), "effective_at", p.effectiveAt())));
        Map<String, Object> now2 = new LinkedHashMap<>();
        now2.put("status", after.status());
        now2.put("version", after.version());
        now2.put("emergency", verdict.emergencyOverride());
        if (scheduled != null) {
            now2.put("scheduled", Map.of("status", scheduled.status(), "effective_at", scheduled.effectiveAt()));
        }
        ModelStatusResult.ScheduledStatus shownScheduled = scheduled;
        String action = verdict.emergencyOverride() ? "model.status_emergency" : scheduled != null ? "model.status_schedule" : "model.status";
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), action, id, reason, was, now2),
                entry -> new ModelStatusResult(after, shownScheduled, verdict.emergencyOverride(), entry.id()));
    }

    // ---------------------------------------------------------------- helpers

    private static Role role(RouteRequest<?> request) {
        return request.operator().role();
    }

    private static String providerSort(Handle h, String provider) {
        String wanted = provider.toLowerCase(Locale.ROOT);
        Map<String, String> providers = CatalogStore.providerSortKeys(h);
        return providers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> ApiException.invalidField("provider", "unknown provider '" + PriceChanges.abbreviate(provider)
                        + "'; use one of " + String.join(", ", providers.keySet())));
    }

    private static String plausibleId(String id, String what) {
        if (id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.notFound(what, PriceChanges.abbreviate(id));
        }
        return id;
    }

    private static Optional<Instant> instantParam(Context ctx, String name) {
        Optional<String> raw = QueryParams.text(ctx, name, 40);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Validated<Optional<Instant>> v = NoticeRule.effectiveAt(raw.get());
        if (!v.isValid()) {
            throw ApiException.invalidField(name, "must be an instant with an offset, like 2026-10-01T00:00:00Z");
        }
        return v.value();
    }
}
