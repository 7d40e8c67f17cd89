package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.api.VolumeDiscountRequest;
import dev.gatehouse.api.VolumeDiscountSchedule;
import dev.gatehouse.api.VolumeDiscountStep;
import dev.gatehouse.api.VolumeDiscountStepDraft;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Validated;
import dev.gatehouse.policy.VolumeDiscounts;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Volume discounts by monthly spend, as tiers ops edit (issue 11; DESIGN §4 "API price"; apimart §6 "Volume discounts
 * are automatically applied where applicable"). The whole schedule is replaced with If-Match. Less discount at any spend
 * is a price raise for customers, so it takes effect no sooner than 30 days after it is scheduled (ai-visual-studio §18,
 * apibox §3) unless a lead overrides; more discount applies at once. A new edit replaces a pending one.
 */
public final class VolumeDiscountRoutes implements Feature {
    private static final Logger log = LoggerFactory.getLogger(VolumeDiscountRoutes.class);
    static final int HISTORY = 50;
    private static final Routes.Body<VolumeDiscountRequest> EDIT = new Routes.Body<>(VolumeDiscountRequest.class,
            Set.of(Permission.EDIT_PRICES, Permission.EMERGENCY_PRICE_CHANGE),
            b -> List.of(Boolean.TRUE.equals(b.emergency()) ? Permission.EMERGENCY_PRICE_CHANGE : Permission.EDIT_PRICES));

    private final Jdbi jdbi;
    private final Clock clock;

    public VolumeDiscountRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/volume-discounts", Permission.READ, this::get);
        routes.replace("/admin/v1/volume-discounts", EDIT, this::put);
        sweep(clock.instant()); // a change that fell due while the gateway was down is marked applied before it serves
    }

    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("scheduled-volume-discounts", 30, () -> sweep(clock.instant())));
    }

    /**
     * Marks every due change applied, with an audit entry by "system". Billing does not wait for this: the schedule in
     * force counts a due change from its effective instant (see {@link VolumeDiscountStore#inForce}).
     */
    public int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int n = 0;
        for (VolumeDiscountChange c : jdbi.withHandle(h -> VolumeDiscountStore.due(h, at))) {
            n += jdbi.inTransaction(h -> {
                if (!VolumeDiscountStore.claim(h, c.id(), at)) {
                    return 0;
                }
                AuditLog.append(h, new AuditLog.Draft(at, PriceChanges.SYSTEM, "volume_discounts.apply", c.id(),
                        "Scheduled volume-discount change took effect at " + c.effectiveAt() + ".",
                        Map.of("state", "scheduled"), Map.of("state", "applied")));
                return 1;
            });
        }
        if (n > 0) {
            log.info("applied {} scheduled volume-discount changes", n);
        }
        return n;
    }

    private void get(Context ctx) {
        VolumeDiscountSchedule s = jdbi.withHandle(h -> shown(h, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        ETags.set(ctx, s.version());
        ctx.json(s);
    }

    private static VolumeDiscountSchedule shown(Handle h, Instant now) {
        VolumeDiscountStore.Head head = VolumeDiscountStore.head(h, false);
        List<VolumeDiscountStep> steps = VolumeDiscountStore.inForceChange(h, now).map(VolumeDiscountChange::steps).orElse(List.of());
        return new VolumeDiscountSchedule(steps, head.version(), head.updatedAt(), head.updatedBy(),
                VolumeDiscountStore.pending(h, now).orElse(null), VolumeDiscountStore.history(h, HISTORY));
    }

    private Audited<VolumeDiscountSchedule> put(RouteRequest<VolumeDiscountRequest> request) {
        Handle h = request.handle();
        VolumeDiscountRequest body = request.body();
        Instant now = request.now();
        VolumeDiscountStore.Head head = VolumeDiscountStore.head(h, true);
        request.checkVersion("volume discounts", head.version());

        List<FieldError> errors = new ArrayList<>();
        VolumeDiscounts after = null;
        if (body.steps() == null) {
            errors.add(new FieldError("steps", "is required: the whole schedule, lowest threshold first (an empty list: no discounts)"));
        } else {
            List<VolumeDiscounts.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < body.steps().size(); i++) {
                VolumeDiscountStepDraft d = body.steps().get(i);
                if (d == null) {
                    errors.add(new FieldError("steps[" + i + "]", "must be an object with monthly_spend_from and percent_off"));
                } else {
                    drafts.add(new VolumeDiscounts.Draft(d.monthlySpendFrom(), d.percentOff()));
                }
            }
            if (errors.isEmpty()) {
                Validated<VolumeDiscounts> v = VolumeDiscounts.of(drafts);
                errors.addAll(v.errors());
                after = v.value();
            }
        }
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(body.effectiveAt());
        errors.addAll(when.errors());
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new FieldError("reason", m)));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }

        VolumeDiscounts before = VolumeDiscountStore.inForce(h, now);
        Optional<VolumeDiscountChange> pending = VolumeDiscountStore.pending(h, now);
        ChangeKind kind = VolumeDiscounts.classify(before, after);
        if (kind == ChangeKind.UNCHANGED && pending.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("steps", "this is the schedule in force: there is nothing to change")));
        }
        // less discount anywhere is a raise for customers: 30 days' notice (ai-visual-studio §18, apibox §3)
        NoticeRule.Verdict verdict = NoticeRule.decide(kind, new NoticeRule.Request(now, when.value().orElse(null),
                Boolean.TRUE.equals(body.emergency()), request.operator().role(), body.reason()));
        if (!verdict.allowed()) {
            throw ApiException.validation(verdict.errors());
        }
        boolean atOnce = !verdict.effectiveAt().isAfter(now);
        String reason = body.reason().strip();
        VolumeDiscountStore.supersede(h, now);
        VolumeDiscountChange change = new VolumeDiscountChange(PrefixedIds.next("vdc_", now), atOnce ? "applied" : "scheduled",
                kind.priceWord(), steps(after), verdict.effectiveAt(), now, verdict.earliestAllowed(), verdict.emergencyOverride(),
                reason, request.operator().id(), atOnce ? now : null);
        VolumeDiscountStore.insert(h, change);
        VolumeDiscountStore.touch(h, request.operator().id(), now);
        VolumeDiscountSchedule shown = shown(h, now);
        request.etag(shown.version());

        Map<String, Object> was = new LinkedHashMap<>();
        was.put("steps", steps(before));
        pending.ifPresent(p -> was.put("scheduled", Map.of("id", p.id(), "steps", p.steps(), "effective_at", p.effectiveAt())));
        Map<String, Object> now2 = new LinkedHashMap<>();
        now2.put("id", change.id());
        now2.put("steps", change.steps());
        now2.put("kind", change.kind());
        now2.put("effective_at", change.effectiveAt());
        now2.put("earliest_allowed", change.earliestAllowed());
        now2.put("emergency", change.emergency());
        String action = "volume_discounts." + (change.emergency() ? "emergency" : atOnce ? "update" : "schedule");
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), action, change.id(), reason, was, now2), entry -> shown);
    }

    private static List<VolumeDiscountStep> steps(VolumeDiscounts d) {
        return d.steps().stream().map(s -> new VolumeDiscountStep(s.monthlySpendFrom(), s.percentOff())).toList();
    }
}
