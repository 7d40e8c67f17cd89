package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeLine;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceLineDraft;
import dev.gatehouse.api.PricePreview;
import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.crypto.Sha256;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.ImpactPreview;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.PriceDiff;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Validated;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Price changes under the notice rule (issue 11; ai-visual-studio §18 "30 days' notice", §5, apibox §3 "announce any
 * price changes in advance"): planning one (what the preview shows), scheduling it exactly as planned, applying it at
 * its time, cancelling it. The rules are {@link NoticeRule}, {@link PriceDiff}, {@link Pricing} and
 * {@link ImpactPreview}; this class only gathers their inputs from the stores.
 */
public final class PriceChanges {
    /** The impact preview replays the last 30 days of usage (issue 11 "impact preview"). */
    public static final Duration IMPACT_WINDOW = Duration.ofDays(30);
    /** A raise is announced to every account that used the model in the 90 days before (issue 11 "customer notice"). */
    public static final Duration NOTICE_LOOKBACK = Duration.ofDays(90);
    /** A bulk change touches at most this many models: the whole demo catalog fits; more is a filter mistake. */
    public static final int MAX_MODELS = 2_000;
    public static final int LARGEST = 10;
    public static final String SYSTEM = "system";

    private PriceChanges() {}

    /** One model of a plan: its card before (in force just before the change) and after, and the notice verdict. */
    public record ModelPlan(Model model, BigDecimal oldMarkup, List<PriceLine> before, BigDecimal markup, List<PriceLine> after,
                            PriceDiff diff, ChangeKind kind, NoticeRule.Verdict verdict) {}

    /** A planned change: the preview the operator sees, the models it writes, and the verdict over all of them. */
    public record Plan(PricePreview preview, List<ModelPlan> models, NoticeRule.Verdict verdict, Instant effectiveAt) {}

    // ---------------------------------------------------------------- planning

    /**
     * Plans what {@code body} would do at {@code now} for an operator of {@code role}: every line old → new, the notice
     * verdict and the impact. Bad input is a 422 with field errors; a notice shortfall is not an error here, it is what
     * the preview shows (noticeSatisfied, earliestAllowed).
     */
    public static Plan plan(Handle h, PriceChangeRequest body, Role role, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(body.effectiveAt());
        errors.addAll(when.errors());
        boolean single = body.modelId() != null || body.lines() != null;
        boolean bulk = body.filter() != null || body.adjustment() != null;
        if (single && bulk) {
            throw ApiException.validation(List.of(new FieldError("filter",
                    "send either model_id with lines (one model) or filter with adjustment (bulk), not both")));
        }
        if (!single && !bulk) {
            throw ApiException.validation(List.of(new FieldError("model_id",
                    "is required: send model_id with lines, or filter with adjustment for a bulk change")));
        }
        List<Model> models;
        Adjustment adjustment;
        if (single) {
            if (body.modelId() == null || body.modelId().isBlank()) {
                errors.add(new FieldError("model_id", "is required: the model whose card this is"));
            }
            if (body.lines() == null || body.lines().isEmpty()) {
                errors.add(new FieldError("lines", "needs at least one price line: the whole new card"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.validation(errors);
            }
            Model m = CatalogStore.find(h, body.modelId()).orElseThrow(() -> ApiException.notFound("model", abbreviate(body.modelId())));
            models = List.of(m);
            adjustment = new Adjustment(null, null, body.lines(), "lines");
        } else {
            models = select(h, body.filter(), errors);
            adjustment = adjustment(body.adjustment(), models.size(), errors);
            if (!errors.isEmpty()) {
                throw ApiException.validation(errors);
            }
        }
        Instant effective = when.value().orElse(null);
        Instant at = effective == null ? now : effective;
        boolean emergency = Boolean.TRUE.equals(body.emergency());
        NoticeRule.Request request = new NoticeRule.Request(now, effective, emergency, role, body.reason());

        List<ModelPlan> plans = new ArrayList<>();
        for (Model m : models) {
            ModelPlan p = planModel(h, m, adjustment, at, request, errors);
            if (p != null && (p.kind() != ChangeKind.UNCHANGED || single)) {
                plans.add(p);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(dedupe(errors));
        }
        if (plans.stream().allMatch(p -> p.kind() == ChangeKind.UNCHANGED)) {
            throw ApiException.validation(List.of(new FieldError(single ? "lines" : "adjustment",
                    "changes no price of the selected model" + (single ? "" : "s") + ": there is nothing to schedule")));
        }
        boolean tighter = plans.stream().anyMatch(p -> p.kind().needsNotice());
        boolean easier = plans.stream().anyMatch(p -> p.kind() == ChangeKind.EASING || p.kind() == ChangeKind.MIXED);
        ChangeKind kind = ChangeKind.of(tighter, easier);
        NoticeRule.Verdict verdict = NoticeRule.decide(kind, request);
        PricePreview.PriceImpact impact = impact(h, plans, now);
        List<PricePreview.ModelPreview> shown = plans.stream().map(PriceChanges::shown).toList();
        int lineCount = shown.stream().mapToInt(m -> m.lines().size()).sum();
        String hash = hash(plans, effective, verdict.emergencyOverride());
        PricePreview preview = new PricePreview(kind.priceWord(), verdict.effectiveAt(), verdict.earliestAllowed(),
                verdict.noticeSatisfied(), emergency && !verdict.noticeSatisfied() && role == Role.LEAD,
                shown.size(), lineCount, shown, impact, hash);
        return new Plan(preview, plans, verdict, effective);
    }

    /** How each selected card moves: exactly one of a percentage, a new markup, or a whole new card. */
    private record Adjustment(BigDecimal percent, BigDecimal markup, List<PriceLineDraft> lines, String linesField) {}

    private static List<Model> select(Handle h, PriceChangeRequest.PriceFilter f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("filter", "is required for a bulk change: give provider, modality, status or model_ids"));
            return List.of();
        }
        boolean any = f.provider() != null || f.modality() != null || f.status() != null || (f.modelIds() != null && !f.modelIds().isEmpty());
        if (!any) {
            errors.add(new FieldError("filter", "selects every model: give at least one of provider, modality, status, model_ids"));
            return List.of();
        }
        String providerSort = null;
        if (f.provider() != null) {
            String wanted = f.provider().trim().toLowerCase(Locale.ROOT);
            Map<String, String> providers = CatalogStore.providerSortKeys(h);
            providerSort = providers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (providerSort == null) {
                errors.add(new FieldError("filter.provider", "unknown provider '" + abbreviate(f.provider()) + "'; use a provider of the catalog, like OpenAI"));
            }
        }
        if (f.modality() != null && !CatalogStore.MODALITIES.contains(f.modality())) {
            errors.add(new FieldError("filter.modality", "must be one of " + String.join(", ", CatalogStore.MODALITIES)));
        }
        if (f.status() != null && !CatalogStore.STATUSES.contains(f.status())) {
            errors.add(new FieldError("filter.status", "must be one of " + String.join(", ", CatalogStore.STATUSES)));
        }
        List<String> ids = f.modelIds() == null ? List.of() : f.modelIds();
        if (ids.size() > MAX_MODELS) {
            errors.add(new FieldError("filter.model_ids", "at most " + MAX_MODELS + " models in one change"));
        }
        for (int i = 0; i < Math.min(ids.size(), MAX_MODELS); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || id.length() > 40) {
                errors.add(new FieldError("filter.model_ids[" + i + "]", "must be a model id like mdl_…"));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<String> distinct = ids.stream().distinct().toList();
        List<Model> found = CatalogStore.select(h, new CatalogStore.Selection(providerSort, f.modality(), f.status(), distinct), MAX_MODELS + 1);
        if (!distinct.isEmpty() && f.provider() == null && f.modality() == null && f.status() == null) {
            var known = found.stream().map(Model::id).collect(Collectors.toSet());
            for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) {
                    errors.add(new FieldError("filter.model_ids[" + i + "]", "unknown model '" + abbreviate(ids.get(i)) + "'"));
                }
            }
        }
        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("filter", "selects no models; widen it"));
        } else if (found.size() > MAX_MODELS) {
            errors.add(new FieldError("filter", "selects more than " + MAX_MODELS + " models; narrow it"));
        }
        return found;
    }

    private static Adjustment adjustment(PriceChangeRequest.PriceAdjustment a, int models, List<FieldError> errors) {
        if (a == null) {
            errors.add(new FieldError("adjustment", "is required for a bulk change: give percent, markup or lines"));
            return null;
        }
        int given = (a.percent() != null ? 1 : 0) + (a.markup() != null ? 1 : 0) + (a.lines() != null ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("adjustment", "give exactly one of percent (e.g. \"5\" or \"-12.5\"), markup (e.g. \"1.6\") or lines"));
            return null;
        }
        if (a.percent() != null) {
            Validated<BigDecimal> p = Pricing.percent("adjustment.percent", a.percent());
            errors.addAll(p.errors());
            return new Adjustment(p.value(), null, null, null);
        }
        if (a.markup() != null) {
            Validated<BigDecimal> m = Pricing.markup("adjustment.markup", a.markup());
            errors.addAll(m.errors());
            return new Adjustment(null, m.value(), null, null);
        }
        if (models > 1) {
            errors.add(new FieldError("adjustment.lines", "sets one model's whole card: narrow the filter to one model, or use percent or markup"));
        }
        return new Adjustment(null, null, a.lines(), "adjustment.lines");
    }

    private static ModelPlan planModel(Handle h, Model m, Adjustment adj, Instant at, NoticeRule.Request request, List<FieldError> errors) {
        List<PriceChange> pending = PriceStore.scheduled(h, m.id());
        // the card in force just before the change: the last pending change due by then, or the current card
        List<PriceChange> earlier = pending.stream().filter(c -> !c.effectiveAt().isAfter(at)).toList();
        PriceChange last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        BigDecimal oldMarkup = last == null ? m.markup() : last.markup();
        List<PriceLine> before = last == null ? m.priceCard() : newCard(last);
        List<PriceLine> after;
        BigDecimal markup = oldMarkup;
        if (adj.lines() != null) {
            List<Pricing.Draft> drafts = adj.lines().stream()
                    .map(d -> d == null ? null : new Pricing.Draft(d.unit(), d.variant(), d.base())).toList();
            Validated<List<PriceLine>> card = Pricing.card(m.modality(), drafts, oldMarkup);
            if (!card.isValid()) {
                String prefix = adj.linesField().equals("lines") ? "" : "adjustment.";
                card.errors().forEach(e -> errors.add(new FieldError(prefix + e.field(), e.message())));
                return null;
            }
            after = card.value();
        } else if (adj.percent() != null) {
            after = Pricing.adjustByPercent(before, adj.percent(), oldMarkup);
            if (after.stream().anyMatch(l -> l.base().compareTo(Pricing.MAX_BASE) > 0)) {
                errors.add(new FieldError("adjustment.percent", "would price a line of " + m.name() + " above "
                        + Pricing.MAX_BASE.toPlainString() + " per unit"));
                return null;
            }
        } else {
            markup = adj.markup();
            after = Pricing.withMarkup(before, markup);
        }
        PriceDiff diff = PriceDiff.of(before, after);
        // a raise against any card customers may still see before this one (the current one, a pending one) needs notice
        boolean tighter = diff.kind().needsNotice();
        boolean easier = diff.kind() == ChangeKind.EASING || diff.kind() == ChangeKind.MIXED;
        List<List<PriceLine>> baselines = new ArrayList<>();
        baselines.add(m.priceCard());
        earlier.forEach(c -> baselines.add(newCard(c)));
        for (List<PriceLine> b : baselines) {
            tighter |= PriceDiff.of(b, after).kind().needsNotice();
        }
        ChangeKind kind = diff.kind() == ChangeKind.UNCHANGED && !tighter ? ChangeKind.UNCHANGED : ChangeKind.of(tighter, easier);
        return new ModelPlan(m, oldMarkup, before, markup, after, diff, kind, NoticeRule.decide(kind, request));
    }

    /** The new card a change sets (its lines' base and API prices). */
    static List<PriceLine> newCard(PriceChange c) {
        return c.lines().stream().map(l -> new PriceLine(l.unit(), l.variant(), l.base(), l.api())).toList();
    }

    static PriceChangeLine line(String unit, String variant, BigDecimal oldBase, BigDecimal oldApi, BigDecimal base, BigDecimal api) {
        String change = oldApi == null ? "added" : api == null ? "removed"
                : api.compareTo(oldApi) > 0 ? "raised" : api.compareTo(oldApi) < 0 ? "lowered" : "same";
        BigDecimal percent = oldApi == null || api == null ? null : Pricing.percentChange(oldApi, api);
        return new PriceChangeLine(unit, variant, oldBase, oldApi, base, api, percent, change);
    }

    private static List<PriceChangeLine> lines(PriceDiff diff) {
        return diff.lines().stream().map(l -> line(l.unit(), l.variant(),
                l.before() == null ? null : l.before().base(), l.before() == null ? null : l.before().api(),
                l.after() == null ? null : l.after().base(), l.after() == null ? null : l.after().api())).toList();
    }

    private static PricePreview.ModelPreview shown(ModelPlan p) {
        Model m = p.model();
        return new PricePreview.ModelPreview(m.id(), m.name(), m.provider(), m.modality(), m.currency(), p.kind().priceWord(),
                p.verdict().earliestAllowed(), p.verdict().noticeSatisfied(), p.oldMarkup(), p.markup(), lines(p.diff()));
    }

    private static PricePreview.PriceImpact impact(Handle h, List<ModelPlan> plans, Instant now) {
        Map<String, List<PriceLine>> before = new LinkedHashMap<>();
        Map<String, List<PriceLine>> after = new LinkedHashMap<>();
        plans.forEach(p -> {
            before.put(p.model().id(), p.before());
            after.put(p.model().id(), p.after());
        });
        List<ImpactPreview.Usage> usage = UsageStore.quantities(h, before.keySet(), now.minus(IMPACT_WINDOW), now);
        ImpactPreview.Result r = ImpactPreview.compute(usage, before, after, LARGEST);
        Map<String, String> names = PriceStore.accountNames(h, r.largest().stream().map(ImpactPreview.AccountImpact::accountId).toList());
        List<PricePreview.AccountImpact> largest = r.largest().stream().map(a -> new PricePreview.AccountImpact(a.accountId(),
                names.getOrDefault(a.accountId(), a.accountId()), Money.normalize(a.oldCost()), Money.normalize(a.newCost()),
                Money.normalize(a.delta()), a.percent())).toList();
        String currency = plans.stream().map(p -> p.model().currency()).distinct().count() == 1
                ? plans.get(0).model().currency() : Money.DEFAULT_CURRENCY;
        return new PricePreview.PriceImpact((int) IMPACT_WINDOW.toDays(), r.accountsWithUsage(), r.accountsAffected(),
                Money.normalize(r.oldTotal()), Money.normalize(r.newTotal()), Money.normalize(r.delta()), r.percent(), currency,
                largest, r.unpricedRows());
    }

    /** What the commit must write, line for line: a commit whose plan hashes differently gets 409. */
    private static String hash(List<ModelPlan> plans, Instant effective, boolean emergency) {
        StringBuilder sb = new StringBuilder();
        sb.append(effective == null ? "at-once" : effective.toString()).append('|').append(emergency).append('\n');
        for (ModelPlan p : plans) {
            sb.append(p.model().id()).append('|').append(p.kind().wire()).append('|').append(plain(p.oldMarkup()))
                    .append('|').append(plain(p.markup())).append('\n');
            for (PriceDiff.LineChange l : p.diff().lines()) {
                sb.append(' ').append(l.unit()).append('|').append(Objects.toString(l.variant(), ""))
                        .append('|').append(l.before() == null ? "-" : plain(l.before().base()) + "/" + plain(l.before().api()))
                        .append('|').append(l.after() == null ? "-" : plain(l.after().base()) + "/" + plain(l.after().api()))
                        .append('\n');
            }
        }
        return Sha256.of(sb.toString());
    }

    private static String plain(BigDecimal d) {
        return Money.normalize(d).toPlainString();
    }

    // ---------------------------------------------------------------- committing

    /** What a commit wrote: the changes (applied or scheduled), the batch id of a bulk change, and the notices. */
    public record Committed(String batchId, List<PriceChange> changes, int notices, NoticeRule.Verdict verdict, Plan plan) {}

    /**
     * Writes {@code plan} exactly: one change per model (one transaction, the caller's), notices for raises, and applies
     * at once what takes effect now. Refuses (422) a reason that is missing or a notice the rule does not allow;
     * refuses (409) a {@code previewHash} that is not this plan's.
     */
    public static Committed commit(Handle h, Plan plan, String reason, String previewHash, String author, boolean bulk, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Enforcement.reasonProblem(reason).ifPresent(m -> errors.add(new FieldError("reason", m)));
        errors.addAll(plan.verdict().errors().stream().filter(e -> !e.field().equals("reason") || errors.isEmpty()).toList());
        if (bulk && (previewHash == null || previewHash.isBlank())) {
            errors.add(new FieldError("preview_hash", "is required: preview the bulk change first and send its preview_hash"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(dedupe(errors));
        }
        if (previewHash != null && !previewHash.equals(plan.preview().previewHash())) {
            throw ApiException.conflict("The catalog changed since your preview: prices or scheduled changes of the selected "
                    + "models are not what the preview showed. Preview again, check it, and commit the new preview.");
        }
        NoticeRule.Verdict verdict = plan.verdict();
        Instant effective = verdict.effectiveAt();
        boolean atOnce = !effective.isAfter(now);
        String batchId = bulk ? PrefixedIds.next("pcb_", now) : null;
        List<String> ids = new ArrayList<>();
        int notices = 0;
        for (ModelPlan p : plan.models()) {
            Model locked = CatalogStore.lock(h, p.model().id()).orElseThrow(() -> ApiException.notFound("model", p.model().id()));
            if (locked.version() != p.model().version()) {
                throw ApiException.conflict("Model " + locked.name() + " changed while this change was being saved; preview again.");
            }
            String id = PrefixedIds.next("pc_", now);
            ids.add(id);
            boolean waived = verdict.emergencyOverride() && !p.verdict().noticeSatisfied();
            PriceStore.insertChange(h, new PriceStore.NewChange(id, p.model().id(), batchId, p.kind().priceWord(), p.markup(),
                    effective, now, p.verdict().earliestAllowed(), reason.strip(), author, waived), lines(p.diff()));
            if (p.kind().needsNotice()) {
                notices += notify(h, id, p, effective, reason.strip(), waived, now);
            }
            if (atOnce) {
                catchUp(h, p.model().id(), now, id);
                apply(h, id, now);
            } else {
                CatalogStore.touch(h, p.model().id(), now);
            }
        }
        List<PriceChange> changes = ids.stream().map(id -> PriceStore.find(h, id).orElseThrow()).toList();
        return new Committed(batchId, changes, notices, verdict, plan);
    }

    /**
     * Schedules a new card for one model, validated like an operator's change (the catalog import schedules imported
     * raises through this): lines as typed, effective at {@code effectiveAt} (null: at once), under the notice rule.
     * {@code emergency} is a lead's override, which the caller has checked the author may make. Throws 404 for an
     * unknown model and 422 with field errors (lines[i].*, effective_at naming the earliest allowed instant, reason).
     */
    public static PriceChange schedule(Handle h, String modelId, List<PriceLineDraft> lines, Instant effectiveAt, String reason,
                                       String author, boolean emergency, Instant now) {
        PriceChangeRequest body = new PriceChangeRequest(modelId, lines, null, null,
                effectiveAt == null ? null : effectiveAt.toString(), reason, emergency, null);
        Plan plan = plan(h, body, emergency ? Role.LEAD : Role.OPS, now);
        return commit(h, plan, reason, null, author, false, now).changes().get(0);
    }

    private static int notify(Handle h, String changeId, ModelPlan p, Instant effective, String reason, boolean emergency, Instant now) {
        List<String> accounts = UsageStore.accountsUsing(h, p.model().id(), now.minus(NOTICE_LOOKBACK), now);
        String summary = summary(p, effective, emergency);
        List<PriceStore.NewNotice> rows = new ArrayList<>();
        for (String account : accounts) {
            rows.add(new PriceStore.NewNotice(PrefixedIds.next("pn_", now), changeId, account, p.model().id(), now, effective,
                    summary, reason, emergency));
        }
        PriceStore.insertNotices(h, rows);
        return rows.size();
    }

    /** The notice text: what changes, from when (the mailer's body). */
    static String summary(ModelPlan p, Instant effective, boolean emergency) {
        StringBuilder sb = new StringBuilder();
        sb.append(emergency ? "Emergency price change" : "Price change").append(" for ").append(p.model().name())
                .append(" (").append(p.model().slug()).append(") from ").append(effective).append(':');
        for (PriceDiff.LineChange l : p.diff().lines()) {
            if (l.change().equals("same")) {
                continue;
            }
            sb.append(' ').append(l.unit()).append(l.variant() == null ? "" : " " + l.variant()).append(' ');
            sb.append(l.before() == null ? "new" : l.before().api().stripTrailingZeros().toPlainString())
                    .append(" → ").append(l.after() == null ? "withdrawn" : l.after().api().stripTrailingZeros().toPlainString())
                    .append(' ').append(p.model().currency());
            BigDecimal pct = l.before() == null || l.after() == null ? null : Pricing.percentChange(l.before().api(), l.after().api());
            if (pct != null) {
                sb.append(" (").append(pct.signum() > 0 ? "+" : "").append(pct.toPlainString()).append(" %)");
            }
            sb.append(';');
        }
        String text = sb.toString();
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }

    // ---------------------------------------------------------------- applying

    /** Applies every change of the model due at {@code now} except {@code except}, in order (a change about to apply at once goes last). */
    private static void catchUp(Handle h, String modelId, Instant now, String except) {
        for (String id : PriceStore.due(h, now, modelId)) {
            if (!id.equals(except)) {
                apply(h, id, now);
            }
        }
    }

    /** Puts a scheduled change in force: the history gets a version from its effective instant, the catalog its card. */
    static void apply(Handle h, String changeId, Instant now) {
        PriceChange c = PriceStore.find(h, changeId).orElseThrow();
        Model m = CatalogStore.lock(h, c.modelId()).orElseThrow();
        if (!PriceStore.hasVersions(h, m.id())) {
            PriceStore.insertVersion(h, PrefixedIds.next("pv_", now), m.id(), null, c.effectiveAt(), m.markup(), null, false, m.priceCard());
        } else {
            PriceStore.closeOpen(h, m.id(), c.effectiveAt());
        }
        List<PriceLine> card = newCard(c);
        PriceStore.insertVersion(h, PrefixedIds.next("pv_", now), m.id(), c.effectiveAt(), null, c.markup(), c.id(), c.emergency(), card);
        CatalogStore.replaceCard(h, m.id(), c.markup(), card, now);
        PriceStore.markApplied(h, c.id(), now);
    }

    /** A change applied by the sweep, for its audit entry. */
    public record Applied(String changeId, String modelId, Instant effectiveAt) {}

    /**
     * Applies, each in its own transaction, every scheduled change due at {@code now} (the periodic sweep, and once at
     * start-up for whatever fell due while the gateway was down). A change applied or cancelled by another process
     * meanwhile is skipped under its row lock.
     */
    public static List<Applied> applyDue(org.jdbi.v3.core.Jdbi jdbi, Instant now, java.util.function.BiConsumer<Handle, Applied> audit) {
        List<String> due = jdbi.withHandle(h -> PriceStore.due(h, now, null));
        List<Applied> applied = new ArrayList<>();
        for (String id : due) {
            Applied a = jdbi.inTransaction(h -> {
                if (!"scheduled".equals(PriceStore.lockState(h, id).orElse(null))) {
                    return null;
                }
                PriceChange c = PriceStore.find(h, id).orElseThrow();
                apply(h, id, now);
                Applied done = new Applied(id, c.modelId(), c.effectiveAt());
                audit.accept(h, done);
                return done;
            });
            if (a != null) {
                applied.add(a);
            }
        }
        return applied;
    }

    // ---------------------------------------------------------------- cancelling

    /** Withdraws a change that has not taken effect; 409 when it has or was already withdrawn. */
    public static PriceChange cancel(Handle h, String id, String reason, String by, Instant now) {
        String state = PriceStore.lockState(h, id).orElseThrow(() -> ApiException.notFound("price change", abbreviate(id)));
        PriceChange before = PriceStore.find(h, id).orElseThrow();
        if (state.equals("applied")) {
            throw ApiException.conflict("Price change " + id + " took effect at " + before.effectiveAt()
                    + "; it cannot be withdrawn. Schedule a new change instead.");
        }
        if (state.equals("cancelled")) {
            throw ApiException.finalState("Price change " + id + " was already withdrawn at " + before.cancelledAt() + ".");
        }
        if (!before.effectiveAt().isAfter(now)) {
            throw ApiException.conflict("Price change " + id + " fell due at " + before.effectiveAt()
                    + " and is being applied; it cannot be withdrawn. Schedule a new change instead.");
        }
        PriceStore.markCancelled(h, id, by, reason, now);
        CatalogStore.touch(h, before.modelId(), now);
        return PriceStore.find(h, id).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    private static List<FieldError> dedupe(List<FieldError> errors) {
        Map<String, FieldError> seen = new LinkedHashMap<>();
        errors.forEach(e -> seen.putIfAbsent(e.field() + "\u0000" + e.message(), e));
        return List.copyOf(seen.values());
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }

    static Comparator<PriceChange> byEffective() {
        return Comparator.comparing(PriceChange::effectiveAt).thenComparing(PriceChange::id);
    }
}
