package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPrices;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceBatch;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeLine;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceLineDraft;
import dev.gatehouse.api.PricePreview;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Validated;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * State and commands of the Pricing screen (issue 11): pick a model, type a new card with inline validation, see the
 * diff and its impact before saving, save under the notice rule (a 412 shows what the other operator changed and lets
 * the operator retry with theirs), see the model's timeline and cancel what is scheduled, and run a bulk change from
 * filter to adjustment to preview to commit. Only ops and leads edit; everyone else reads. All state changes happen
 * on {@code fx}; decimal rules are {@link Pricing}'s and notice rules {@link NoticeRule}'s, never re-implemented.
 */
public final class PricingViewModel {
    public static final List<String> MODALITIES = List.of("", "chat", "image", "video", "embedding", "audio");
    public static final List<String> STATUSES = List.of("", "active", "deprecated", "disabled");
    public static final List<String> ADJUSTMENTS = List.of("percent", "markup");

    /** One line of the new card as the operator types it, validated as they type. */
    public static final class DraftLine {
        private final PriceLine current;
        private final BigDecimal markup;
        private final StringProperty base = new SimpleStringProperty(this, "base");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        private final ReadOnlyStringWrapper newApi = new ReadOnlyStringWrapper(this, "newApi", "");

        DraftLine(PriceLine current, BigDecimal markup) {
            this.current = current;
            this.markup = markup;
            base.addListener((o, a, b) -> validate());
            base.set(current.base().stripTrailingZeros().scale() < 2 ? current.base().setScale(2).toPlainString()
                    : current.base().stripTrailingZeros().toPlainString());
        }

        private void validate() {
            Validated<BigDecimal> v = Pricing.basePrice("base", base.get());
            error.set(v.isValid() ? "" : v.errors().get(0).message());
            newApi.set(v.isValid() ? PriceText.money(Pricing.apiPrice(v.value(), markup)) : "");
        }

        public PriceLine current() { return current; }
        public String label() { return current.unit() + (current.variant() == null ? "" : " · " + current.variant()); }
        public StringProperty baseProperty() { return base; }
        public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
        public ReadOnlyStringProperty newApiProperty() { return newApi.getReadOnlyProperty(); }
        public boolean valid() { return error.get().isEmpty(); }
        PriceLineDraft draft() { return new PriceLineDraft(current.unit(), current.variant(), base.get().strip()); }
    }

    /** One row of a diff or of a bulk preview: model, line, old → new API price and the change in percent. */
    public record DiffRow(String model, String line, String oldApi, String newApi, String percent, String change) {}

    /** One account of the impact's largest changes: who, what they paid, what they would have paid, the difference. */
    public record AccountRow(String account, String before, String after, String delta) {}

    /** One entry of a model's timeline: when, what, and the scheduled change it is (for cancel), if any. */
    public record TimelineEntry(String when, String what, String detail, boolean emergency, PriceChange scheduled) {}

    private final PricingApi api;
    private final Executor fx;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean canEdit;
    private final boolean canOverride;

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Model> models = FXCollections.observableArrayList();
    private final Loader<Page<Model>> modelsLoader;
    private final ObjectProperty<Model> selected = new SimpleObjectProperty<>(this, "selected");
    private final Loader<ModelPrices> prices;
    private final ObservableList<DraftLine> draft = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final javafx.beans.property.IntegerProperty draftErrors = new javafx.beans.property.SimpleIntegerProperty(this, "draftErrors");

    private final StringProperty effectiveAt = new SimpleStringProperty(this, "effectiveAt", "");
    private final ReadOnlyStringWrapper effectiveError = new ReadOnlyStringWrapper(this, "effectiveError", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final BooleanProperty emergency = new SimpleBooleanProperty(this, "emergency", false);

    private final Loader<PricePreview> preview;
    private final ObservableList<DiffRow> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper(this, "noticeText", "");
    private final ReadOnlyBooleanWrapper noticeOk = new ReadOnlyBooleanWrapper(this, "noticeOk", false);
    private final ReadOnlyStringWrapper impactText = new ReadOnlyStringWrapper(this, "impactText", "");
    private final ObservableList<AccountRow> largest = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper previewCurrent = new ReadOnlyBooleanWrapper(this, "previewCurrent", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private final BooleanBinding canPreview;
    private final BooleanBinding canSave;

    // bulk
    private final StringProperty bulkProvider = new SimpleStringProperty(this, "bulkProvider", "");
    private final StringProperty bulkModality = new SimpleStringProperty(this, "bulkModality", "");
    private final StringProperty bulkStatus = new SimpleStringProperty(this, "bulkStatus", "active");
    private final StringProperty bulkMode = new SimpleStringProperty(this, "bulkMode", "percent");
    private final StringProperty bulkValue = new SimpleStringProperty(this, "bulkValue", "");
    private final ReadOnlyStringWrapper bulkValueError = new ReadOnlyStringWrapper(this, "bulkValueError", "");
    private final StringProperty bulkEffectiveAt = new SimpleStringProperty(this, "bulkEffectiveAt", "");
    private final ReadOnlyStringWrapper bulkEffectiveError = new ReadOnlyStringWrapper(this, "bulkEffectiveError", "");
    private final StringProperty bulkReason = new SimpleStringProperty(this, "bulkReason", "");
    private final ObservableList<String> providerOptions = FXCollections.observableArrayList("");
    private final Loader<PricePreview> bulkPreview;
    private final ObservableList<DiffRow> bulkRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper bulkSummary = new ReadOnlyStringWrapper(this, "bulkSummary", "");
    private final ReadOnlyStringWrapper bulkImpact = new ReadOnlyStringWrapper(this, "bulkImpact", "");
    private final ObservableList<AccountRow> bulkLargest = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper bulkPreviewCurrent = new ReadOnlyBooleanWrapper(this, "bulkPreviewCurrent", false);
    private final ReadOnlyStringWrapper bulkMessage = new ReadOnlyStringWrapper(this, "bulkMessage", "");
    private final ReadOnlyBooleanWrapper committing = new ReadOnlyBooleanWrapper(this, "committing", false);
    private final BooleanBinding canBulkPreview;
    private final BooleanBinding canCommit;
    private PriceChangeRequest previewedBulk;
    private String idempotencyKey = UUID.randomUUID().toString();

    public PricingViewModel(PricingApi api, Executor fx, Role role, Clock clock) {
        this.api = api;
        this.fx = fx;
        this.clock = clock;
        this.zone = clock.getZone();
        this.canEdit = Permission.EDIT_PRICES.allows(role);
        this.canOverride = Permission.EMERGENCY_PRICE_CHANGE.allows(role);
        this.modelsLoader = new Loader<Page<Model>>(fx).onLoaded(p -> {
            models.setAll(p.data());
            String wanted = pendingSlug;
            pendingSlug = null;
            if (wanted != null) {
                p.data().stream().filter(m -> m.slug().equals(wanted)).findFirst().ifPresent(selected::set);
            }
        });
        this.prices = new Loader<ModelPrices>(fx).onLoaded(this::showPrices);
        this.preview = new Loader<PricePreview>(fx).onLoaded(this::showPreview);
        this.bulkPreview = new Loader<PricePreview>(fx).onLoaded(this::showBulkPreview);
        selected.addListener((o, a, m) -> select(m));
        effectiveAt.addListener((o, a, b) -> effectiveError.set(effectiveProblem(b)));
        bulkEffectiveAt.addListener((o, a, b) -> bulkEffectiveError.set(effectiveProblem(b)));
        bulkValue.addListener((o, a, b) -> bulkValueError.set(bulkValueProblem()));
        bulkMode.addListener((o, a, b) -> bulkValueError.set(bulkValueProblem()));
        // any edit after a preview makes it stale: saving needs a preview of exactly what is saved
        Runnable stale = () -> previewCurrent.set(false);
        effectiveAt.addListener((o, a, b) -> stale.run());
        emergency.addListener((o, a, b) -> stale.run());
        Runnable bulkStale = () -> bulkPreviewCurrent.set(false);
        for (StringProperty p : List.of(bulkProvider, bulkModality, bulkStatus, bulkMode, bulkValue, bulkEffectiveAt)) {
            p.addListener((o, a, b) -> bulkStale.run());
        }
        this.canPreview = Bindings.createBooleanBinding(() -> canEdit && selected.get() != null && !draft.isEmpty()
                        && draft.stream().allMatch(DraftLine::valid) && effectiveError.get().isEmpty() && !preview.isLoading(),
                selected, draft, draftErrors, effectiveError, preview.stateProperty());
        this.canSave = Bindings.createBooleanBinding(() -> canEdit && previewCurrent.get() && !saving.get()
                        && (noticeOk.get() || emergency.get() && canOverride) && Enforcement.reasonProblem(reason.get()).isEmpty(),
                previewCurrent, saving, noticeOk, emergency, reason);
        this.canBulkPreview = Bindings.createBooleanBinding(() -> canEdit && bulkValueError.get().isEmpty() && !bulkValue.get().isBlank()
                        && bulkEffectiveError.get().isEmpty() && !bulkPreview.isLoading(),
                bulkValue, bulkValueError, bulkEffectiveError, bulkPreview.stateProperty());
        this.canCommit = Bindings.createBooleanBinding(() -> canEdit && bulkPreviewCurrent.get() && !committing.get()
                        && bulkPreview.value() != null && bulkPreview.value().noticeSatisfied()
                        && Enforcement.reasonProblem(bulkReason.get()).isEmpty(),
                bulkPreviewCurrent, committing, bulkPreview.valueProperty(), bulkReason);
    }

    public void start() {
        modelsLoader.load(() -> api.models(null));
        api.providers().whenComplete((list, e) -> fx.execute(() -> {
            if (list != null) {
                providerOptions.setAll("");
                list.stream().map(ProviderSummary::name).forEach(providerOptions::add);
            }
        }));
    }

    private String pendingSlug;

    /** Opens a model by its slug (from the Catalog's "Open in Pricing"): searches for it and selects it. */
    public void openModel(String slug) {
        if (slug == null || slug.isBlank()) {
            return;
        }
        pendingSlug = slug;
        search.set(slug);
        modelsLoader.load(() -> api.models(slug));
    }

    public void searchModels() {
        String q = search.get() == null ? "" : search.get().strip();
        modelsLoader.load(() -> api.models(q.isEmpty() ? null : q));
    }

    // ---------------------------------------------------------------- one model

    private void select(Model m) {
        draft.clear();
        timeline.clear();
        conflicts.clear();
        clearPreview();
        message.set("");
        if (m == null) {
            prices.clear();
            return;
        }
        prices.load(() -> api.prices(m.id()));
    }

    private void showPrices(ModelPrices p) {
        List<DraftLine> keep = new ArrayList<>(draft);
        draft.clear();
        for (PriceLine l : p.current().lines()) {
            DraftLine d = new DraftLine(l, p.current().markup());
            keep.stream().filter(k -> k.current().unit().equals(l.unit()) && Objects.equals(k.current().variant(), l.variant()))
                    .findFirst().ifPresent(k -> d.baseProperty().set(k.baseProperty().get()));
            d.baseProperty().addListener((o, a, b) -> previewCurrent.set(false));
            d.errorProperty().addListener((o, a, b) -> draftChanged());
            draft.add(d);
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (PriceChange c : p.scheduled()) {
            entries.add(new TimelineEntry(PriceText.when(c.effectiveAt(), zone), "Scheduled " + c.kind()
                    + (c.emergency() ? " · EMERGENCY" : ""), describe(c), c.emergency(), c));
        }
        for (PriceVersion v : p.history()) {
            String when = v.validFrom() == null ? "Since listing" : PriceText.when(v.validFrom(), zone);
            String what = v.validTo() == null ? "In force now" : "Until " + PriceText.when(v.validTo(), zone);
            entries.add(new TimelineEntry(when, what + (v.emergency() ? " · EMERGENCY" : ""), card(v.lines()), v.emergency(), null));
        }
        if (p.history().isEmpty()) {
            entries.add(new TimelineEntry("Since listing", "In force now", card(p.current().lines()), false, null));
        }
        timeline.setAll(entries);
    }

    private void draftChanged() {
        previewCurrent.set(false);
        draftErrors.set(draftErrors.get() + 1); // the bindings read every line's error; this tells them one changed
    }

    private static String describe(PriceChange c) {
        StringBuilder sb = new StringBuilder();
        for (PriceChangeLine l : c.lines()) {
            if (!"same".equals(l.change())) {
                sb.append(l.unit()).append(l.variant() == null ? "" : " " + l.variant()).append(' ')
                        .append(PriceText.money(l.oldApi())).append(" → ").append(PriceText.money(l.api()))
                        .append(" (").append(PriceText.percent(l.percent())).append(")  ");
            }
        }
        sb.append("— ").append(c.reason()).append(" (").append(c.author()).append(", ").append(c.notices()).append(" notices)");
        return sb.toString().strip();
    }

    private static String card(List<PriceLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (PriceLine l : lines) {
            sb.append(l.unit()).append(l.variant() == null ? "" : " " + l.variant()).append(' ').append(PriceText.money(l.api())).append("   ");
        }
        return sb.toString().strip();
    }

    /** The earliest instant a raise scheduled now may take effect, rounded up to the next hour: what "Use earliest" fills in. */
    public Instant earliestForRaise() {
        return NoticeRule.suggestedStart(ChangeKind.TIGHTENING, clock.instant());
    }

    public void useEarliest() {
        effectiveAt.set(earliestForRaise().toString());
    }

    public void useEarliestForBulk() {
        bulkEffectiveAt.set(earliestForRaise().toString());
    }

    private static String effectiveProblem(String text) {
        Validated<Optional<Instant>> v = NoticeRule.effectiveAt(text);
        return v.isValid() ? "" : v.errors().get(0).message();
    }

    private PriceChangeRequest request() {
        Model m = selected.get();
        String when = effectiveAt.get() == null || effectiveAt.get().isBlank() ? null : effectiveAt.get().strip();
        return new PriceChangeRequest(m.id(), draft.stream().map(DraftLine::draft).toList(), null, null, when,
                reason.get() == null || reason.get().isBlank() ? null : reason.get().strip(), emergency.get() ? Boolean.TRUE : null, null);
    }

    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        message.set("");
        PriceChangeRequest body = request();
        preview.load(() -> api.preview(new PriceChangeRequest(body.modelId(), body.lines(), null, null, body.effectiveAt(), null,
                body.emergency(), null)));
    }

    private void clearPreview() {
        preview.clear();
        diff.clear();
        largest.clear();
        noticeText.set("");
        impactText.set("");
        noticeOk.set(false);
        previewCurrent.set(false);
    }

    private void showPreview(PricePreview p) {
        List<DiffRow> rows = new ArrayList<>();
        for (PricePreview.ModelPreview m : p.models()) {
            rows.addAll(rows(m));
        }
        diff.setAll(rows);
        noticeOk.set(p.noticeSatisfied());
        noticeText.set(notice(p));
        impactText.set(impact(p.impact()));
        largest.setAll(largest(p.impact()));
        previewCurrent.set(true);
    }

    private String notice(PricePreview p) {
        String when = PriceText.when(p.effectiveAt(), zone);
        if (p.noticeSatisfied()) {
            return "Notice satisfied: a " + p.kind() + " taking effect " + when + (p.kind().equals("decrease") ? " (decreases may apply at once)."
                    : " (earliest allowed " + PriceText.when(p.earliestAllowed(), zone) + ").");
        }
        return "Not enough notice: a " + p.kind() + " needs 30 days. Earliest allowed: " + PriceText.when(p.earliestAllowed(), zone)
                + (canOverride ? ". A lead may override it as an emergency, with a reason." : ".");
    }

    static List<DiffRow> rows(PricePreview.ModelPreview m) {
        List<DiffRow> rows = new ArrayList<>();
        for (PriceChangeLine l : m.lines()) {
            rows.add(new DiffRow(m.modelName(), l.unit() + (l.variant() == null ? "" : " · " + l.variant()), PriceText.money(l.oldApi()),
                    PriceText.money(l.api()), PriceText.percent(l.percent()), l.change()));
        }
        return rows;
    }

    static String impact(PricePreview.PriceImpact i) {
        if (i.accountsWithUsage() == 0) {
            return "No account used " + "these prices in the last " + i.windowDays() + " days: nobody would have paid differently.";
        }
        return "Over the last " + i.windowDays() + " days this would have changed what " + i.accountsAffected() + " of "
                + i.accountsWithUsage() + " accounts paid by " + PriceText.signedCents(i.delta()) + " in total ("
                + PriceText.percent(i.percent()) + "): " + PriceText.cents(i.oldTotal()) + " → " + PriceText.cents(i.newTotal())
                + ", at API prices before volume discounts.";
    }

    static List<AccountRow> largest(PricePreview.PriceImpact i) {
        return i.largest().stream().map(a -> new AccountRow(a.accountName(), PriceText.cents(a.oldCost()), PriceText.cents(a.newCost()),
                PriceText.signedCents(a.delta()) + "  " + PriceText.percent(a.percent()))).toList();
    }

    public void save() {
        ModelPrices p = prices.value();
        if (!canSave.get() || p == null) {
            return;
        }
        PricePreview shown = preview.value();
        PriceChangeRequest body = request();
        PriceChangeRequest withHash = new PriceChangeRequest(body.modelId(), body.lines(), null, null, body.effectiveAt(), body.reason(),
                body.emergency(), shown.previewHash());
        saving.set(true);
        message.set("");
        String key = idempotencyKey;
        api.schedule(withHash, p.version(), key).whenComplete((c, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                idempotencyKey = UUID.randomUUID().toString();
                message.set(("applied".equals(c.state()) ? "Applied at once: " : "Scheduled for " + PriceText.when(c.effectiveAt(), zone) + ": ")
                        + c.kind() + (c.emergency() ? " (emergency override)" : "") + ", " + c.notices() + " customer notices recorded.");
                reason.set("");
                emergency.set(false);
                effectiveAt.set("");
                clearPreview();
                prices.load(() -> api.prices(c.modelId()));
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (e.is(ProblemType.STALE_VERSION)) {
                idempotencyKey = UUID.randomUUID().toString();
                fetchTheirs(p);
            } else if (e.is(ProblemType.CONFLICT)) {
                idempotencyKey = UUID.randomUUID().toString();
                previewCurrent.set(false);
                message.set(e.getMessage());
            } else {
                message.set(e.getMessage());
            }
        }));
    }

    /** After a 412: what the other operator changed (their card and scheduled changes against what this operator saw). */
    private void fetchTheirs(ModelPrices mine) {
        api.prices(mine.modelId()).whenComplete((theirs, failure) -> fx.execute(() -> {
            if (failure != null) {
                message.set("Another operator changed this model, and fetching their change failed: "
                        + PlatformException.of(failure).getMessage() + " Nothing was saved; try again.");
                return;
            }
            conflicts.setAll(describeConflict(mine, theirs));
            previewCurrent.set(false);
        }));
    }

    static List<String> describeConflict(ModelPrices mine, ModelPrices theirs) {
        List<String> lines = new ArrayList<>();
        for (PriceLine t : theirs.current().lines()) {
            PriceLine m = mine.current().lines().stream()
                    .filter(l -> l.unit().equals(t.unit()) && Objects.equals(l.variant(), t.variant())).findFirst().orElse(null);
            if (m == null) {
                lines.add(t.unit() + (t.variant() == null ? "" : " " + t.variant()) + " was added at " + PriceText.money(t.api()));
            } else if (m.api().compareTo(t.api()) != 0) {
                lines.add(t.unit() + (t.variant() == null ? "" : " " + t.variant()) + " is now " + PriceText.money(t.api())
                        + " (you saw " + PriceText.money(m.api()) + ")");
            }
        }
        for (PriceChange c : theirs.scheduled()) {
            if (mine.scheduled().stream().noneMatch(s -> s.id().equals(c.id()))) {
                lines.add("New scheduled " + c.kind() + " by " + c.author() + " for " + c.effectiveAt() + ": " + c.reason());
            }
        }
        for (PriceChange c : mine.scheduled()) {
            if (theirs.scheduled().stream().noneMatch(s -> s.id().equals(c.id()))) {
                lines.add("The scheduled " + c.kind() + " for " + c.effectiveAt() + " was cancelled or has taken effect");
            }
        }
        if (lines.isEmpty()) {
            lines.add("Someone else saved this model (version " + mine.version() + " → " + theirs.version() + ") without changing its prices.");
        }
        return lines;
    }

    /** After a conflict: keeps the operator's typed prices over the model as it is now; preview again, then save. */
    public void retryWithMine() {
        Model m = selected.get();
        conflicts.clear();
        if (m != null) {
            prices.load(() -> api.prices(m.id()));
        }
    }

    /** After a conflict: drops the typed prices and shows the model's card as the other operator left it. */
    public void takeTheirs() {
        Model m = selected.get();
        conflicts.clear();
        draft.clear();
        if (m != null) {
            prices.load(() -> api.prices(m.id()));
        }
    }

    /** Withdraws a scheduled change with a reason; the timeline reloads. */
    public void cancel(PriceChange change, String why) {
        if (!canEdit || change == null) {
            return;
        }
        api.cancel(change.id(), why, UUID.randomUUID().toString()).whenComplete((c, failure) -> fx.execute(() -> {
            if (failure != null) {
                message.set(PlatformException.of(failure).getMessage());
                return;
            }
            message.set("Withdrawn: the " + c.kind() + " scheduled for " + PriceText.when(c.effectiveAt(), zone) + ".");
            prices.load(() -> api.prices(c.modelId()));
        }));
    }

    // ---------------------------------------------------------------- bulk

    private String bulkValueProblem() {
        String v = bulkValue.get();
        if (v == null || v.isBlank()) {
            return "";
        }
        Validated<BigDecimal> r = "markup".equals(bulkMode.get()) ? Pricing.markup("markup", v) : Pricing.percent("percent", v);
        return r.isValid() ? "" : r.errors().get(0).message();
    }

    private PriceChangeRequest bulkRequest(String hash) {
        PriceChangeRequest.PriceFilter filter = new PriceChangeRequest.PriceFilter(blankToNull(bulkProvider.get()),
                blankToNull(bulkModality.get()), blankToNull(bulkStatus.get()), null);
        String v = bulkValue.get().strip();
        PriceChangeRequest.PriceAdjustment adj = "markup".equals(bulkMode.get())
                ? new PriceChangeRequest.PriceAdjustment(null, v, null) : new PriceChangeRequest.PriceAdjustment(v, null, null);
        return new PriceChangeRequest(null, null, filter, adj, blankToNull(bulkEffectiveAt.get()), blankToNull(bulkReason.get()), null, hash);
    }

    /**
     * A deep link to a bulk preview ({@code console --area "pricing/bulk?provider=Anthropic&percent=5"}): fills the filter
     * (provider, modality, status) and the adjustment (percent or markup) and previews it, as an operator would.
     */
    public void openBulkLink(String query) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        bulkProvider.set(p.getOrDefault("provider", ""));
        bulkModality.set(p.getOrDefault("modality", ""));
        bulkStatus.set(p.getOrDefault("status", "active"));
        bulkMode.set(p.containsKey("markup") ? "markup" : "percent");
        bulkValue.set(p.getOrDefault(p.containsKey("markup") ? "markup" : "percent", ""));
        previewBulk();
    }

    public void previewBulk() {
        if (!canBulkPreview.get()) {
            return;
        }
        bulkMessage.set("");
        PriceChangeRequest body = bulkRequest(null);
        previewedBulk = body;
        bulkRows.clear();
        bulkPreview.load(() -> api.preview(body));
    }

    private void showBulkPreview(PricePreview p) {
        List<DiffRow> rows = new ArrayList<>();
        p.models().forEach(m -> rows.addAll(rows(m)));
        bulkRows.setAll(rows);
        bulkSummary.set(p.modelCount() + " models, " + p.lineCount() + " lines: a " + p.kind() + " taking effect "
                + PriceText.when(p.effectiveAt(), zone) + ". " + (p.noticeSatisfied() ? "Notice satisfied."
                : "Not enough notice: earliest allowed " + PriceText.when(p.earliestAllowed(), zone) + "."));
        bulkImpact.set(impact(p.impact()));
        bulkLargest.setAll(largest(p.impact()));
        bulkPreviewCurrent.set(true);
    }

    public void commitBulk() {
        PricePreview p = bulkPreview.value();
        if (!canCommit.get() || p == null || previewedBulk == null) {
            return;
        }
        committing.set(true);
        PriceChangeRequest body = new PriceChangeRequest(null, null, previewedBulk.filter(), previewedBulk.adjustment(),
                previewedBulk.effectiveAt(), bulkReason.get().strip(), null, p.previewHash());
        api.commitBulk(body, UUID.randomUUID().toString()).whenComplete((PriceBatch b, Throwable failure) -> fx.execute(() -> {
            committing.set(false);
            if (failure == null) {
                bulkMessage.set("Committed " + b.changes().size() + " changes in one batch (" + b.batchId() + "); "
                        + b.notices() + " customer notices recorded.");
                bulkPreviewCurrent.set(false);
                Model m = selected.get();
                if (m != null) {
                    prices.load(() -> api.prices(m.id()));
                }
                return;
            }
            PlatformException e = PlatformException.of(failure);
            bulkPreviewCurrent.set(false);
            bulkMessage.set(e.is(ProblemType.CONFLICT)
                    ? "The catalog changed since this preview, so nothing was written. Preview again and check it before committing."
                    : e.getMessage());
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- properties

    public boolean canEdit() { return canEdit; }
    public boolean canOverride() { return canOverride; }
    public ZoneId zone() { return zone; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Model> models() { return models; }
    public Loader<Page<Model>> modelsLoader() { return modelsLoader; }
    public ObjectProperty<Model> selectedProperty() { return selected; }
    public Loader<ModelPrices> prices() { return prices; }
    public ObservableList<DraftLine> draft() { return draft; }
    public ObservableList<TimelineEntry> timeline() { return timeline; }
    public StringProperty effectiveAtProperty() { return effectiveAt; }
    public ReadOnlyStringProperty effectiveErrorProperty() { return effectiveError.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public BooleanProperty emergencyProperty() { return emergency; }
    public Loader<PricePreview> previewLoader() { return preview; }
    public ObservableList<DiffRow> diff() { return diff; }
    public ReadOnlyStringProperty noticeTextProperty() { return noticeText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty noticeOkProperty() { return noticeOk.getReadOnlyProperty(); }
    public ReadOnlyStringProperty impactTextProperty() { return impactText.getReadOnlyProperty(); }
    public ObservableList<AccountRow> largest() { return largest; }
    public ReadOnlyBooleanProperty previewCurrentProperty() { return previewCurrent.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<String> conflicts() { return conflicts; }
    public BooleanBinding canPreviewBinding() { return canPreview; }
    public BooleanBinding canSaveBinding() { return canSave; }
    public StringProperty bulkProviderProperty() { return bulkProvider; }
    public StringProperty bulkModalityProperty() { return bulkModality; }
    public StringProperty bulkStatusProperty() { return bulkStatus; }
    public StringProperty bulkModeProperty() { return bulkMode; }
    public StringProperty bulkValueProperty() { return bulkValue; }
    public ReadOnlyStringProperty bulkValueErrorProperty() { return bulkValueError.getReadOnlyProperty(); }
    public StringProperty bulkEffectiveAtProperty() { return bulkEffectiveAt; }
    public ReadOnlyStringProperty bulkEffectiveErrorProperty() { return bulkEffectiveError.getReadOnlyProperty(); }
    public StringProperty bulkReasonProperty() { return bulkReason; }
    public ObservableList<String> providerOptions() { return providerOptions; }
    public Loader<PricePreview> bulkPreviewLoader() { return bulkPreview; }
    public ObservableList<DiffRow> bulkRows() { return bulkRows; }
    public ReadOnlyStringProperty bulkSummaryProperty() { return bulkSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bulkImpactProperty() { return bulkImpact.getReadOnlyProperty(); }
    public ObservableList<AccountRow> bulkLargest() { return bulkLargest; }
    public ReadOnlyBooleanProperty bulkPreviewCurrentProperty() { return bulkPreviewCurrent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bulkMessageProperty() { return bulkMessage.getReadOnlyProperty(); }
    public BooleanBinding canBulkPreviewBinding() { return canBulkPreview; }
    public BooleanBinding canCommitBinding() { return canCommit; }
}
