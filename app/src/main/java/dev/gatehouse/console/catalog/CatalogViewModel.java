package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.api.ProviderSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * State and commands of the Catalog screen. Filters run on the gateway; every page of 200 is fetched
 * in the background until the last one, and answers to a query the operator has since changed are dropped.
 * All state changes happen through {@code fx} (Platform::runLater in the app, direct in tests).
 */
public final class CatalogViewModel {
    /** "" means "any" in every filter. */
    public static final List<String> MODALITIES = List.of("", "chat", "image", "video", "embedding", "audio");
    public static final List<String> STATUSES = List.of("", "active", "deprecated", "disabled");

    public enum State { LOADING, READY, EMPTY, ERROR }

    /** One row of the detail pane's price card, ready to show. */
    public record PriceRow(String unit, String variant, String base, String api) {}

    /** One fact of the detail pane ("Context window", "128K tokens"). */
    public record Fact(String label, String value) {}

    private final CatalogApi api;
    private final Executor fx;

    private final StringProperty modality = new SimpleStringProperty(this, "modality", "");
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    private final ObservableList<Model> models = FXCollections.observableArrayList();
    private final ObservableList<String> providerOptions = FXCollections.observableArrayList("");
    private final ObjectProperty<Model> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PriceRow> priceRows = FXCollections.observableArrayList();
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper(this, "filtered");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total", -1);
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ReadOnlyStringWrapper selectedPricing = new ReadOnlyStringWrapper(this, "selectedPricing", "");

    private long generation;
    private boolean providersLoaded;
    private boolean applyingFilters;

    public CatalogViewModel(CatalogApi api, Executor fx) {
        this.api = api;
        this.fx = fx;
        for (StringProperty filter : List.of(modality, provider, status, search)) {
            filter.addListener((o, a, b) -> filterChanged(a, b));
        }
        selected.addListener((o, a, m) -> showDetail(m));
    }

    // ---- commands ----------------------------------------------------------------------------

    /** First load: providers for the filter and the total, then the models. */
    public void start() {
        loadProviders();
        reload();
    }

    /** Try again after an error: whatever failed is fetched again. */
    public void retry() {
        if (!providersLoaded) {
            loadProviders();
        }
        reload();
    }

    public void clearFilters() {
        applyingFilters = true;
        modality.set("");
        provider.set("");
        status.set("");
        search.set("");
        applyingFilters = false;
        reload();
    }

    /** Leaves the screen: answers still in flight are dropped. */
    public void close() {
        generation++;
    }

    public ModelQuery query() {
        return new ModelQuery(modality.get(), provider.get(), status.get(), search.get());
    }

    /** Fetches every page of the current query; earlier, unfinished loads are abandoned. */
    public void reload() {
        long gen = ++generation;
        ModelQuery q = query();
        filtered.set(!q.isAll());
        models.clear();
        selected.set(null);
        message.set("");
        loading.set(true);
        state.set(State.LOADING);
        countText.set("Loading models…");
        fetch(gen, q, null);
    }

    private void fetch(long gen, ModelQuery q, String cursor) {
        api.models(q, cursor).whenComplete((page, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return; // the operator changed the filters meanwhile
            }
            if (failure != null) {
                fail(PlatformException.of(failure));
                return;
            }
            models.addAll(page.data());
            if (page.nextCursor() != null && !page.data().isEmpty()) {
                countText.set("Loading models… " + number(models.size()) + " so far");
                fetch(gen, q, page.nextCursor());
            } else {
                finish(q);
            }
        }));
    }

    private void finish(ModelQuery q) {
        loading.set(false);
        if (q.isAll()) {
            total.set(models.size());
        }
        countText.set(count());
        if (models.isEmpty()) {
            state.set(State.EMPTY);
            message.set(emptyMessage(q));
        } else {
            state.set(State.READY);
        }
    }

    private void fail(PlatformException e) {
        loading.set(false);
        models.clear();
        countText.set("");
        message.set(e.getMessage());
        state.set(State.ERROR);
    }

    private void loadProviders() {
        api.providers().whenComplete((list, failure) -> fx.execute(() -> {
            if (failure != null) {
                // Not fatal: the provider filter stays at "all" and Retry fetches the list again.
                providersLoaded = false;
                return;
            }
            providersLoaded = true;
            List<String> names = new ArrayList<>();
            names.add("");
            list.stream().map(ProviderSummary::name).forEach(names::add);
            String current = normalized(provider.get());
            if (!names.contains(current)) {
                names.add(current);
            }
            providerOptions.setAll(names);
            total.set(list.stream().mapToInt(ProviderSummary::models).sum());
            if (state.get() == State.READY || state.get() == State.EMPTY) {
                countText.set(count());
            }
        }));
    }

    private void filterChanged(String before, String after) {
        // null, "" and blanks all mean "any": changing between them asks nothing new of the platform.
        if (!applyingFilters && !normalized(before).equals(normalized(after))) {
            reload();
        }
    }

    private static String normalized(String filter) {
        return filter == null ? "" : filter.strip();
    }

    private String count() {
        int n = models.size();
        if (!filtered.get()) {
            return number(n) + (n == 1 ? " model" : " models");
        }
        return total.get() >= 0 ? number(n) + " of " + number(total.get()) + " match" : number(n) + (n == 1 ? " model matches" : " models match");
    }

    private static String emptyMessage(ModelQuery q) {
        if (q.isAll()) {
            return "This platform's catalog has no models yet.";
        }
        StringBuilder s = new StringBuilder("No models match");
        if (q.q() != null) {
            s.append(" '").append(q.q()).append("'");
        }
        List<String> parts = new ArrayList<>();
        if (q.modality() != null) parts.add(CatalogLabels.modality(q.modality()).toLowerCase(Locale.ROOT));
        if (q.provider() != null) parts.add(q.provider());
        if (q.status() != null) parts.add(CatalogLabels.status(q.status()).toLowerCase(Locale.ROOT));
        if (!parts.isEmpty()) {
            s.append(q.q() != null ? " among " : " ").append(String.join(" · ", parts)).append(" models");
        }
        return s.append(". Clear the filters to see the whole catalog.").toString();
    }

    private void showDetail(Model m) {
        if (m == null) {
            priceRows.clear();
            facts.clear();
            selectedTitle.set("");
            selectedPricing.set("");
            return;
        }
        selectedTitle.set(m.name());
        selectedPricing.set("API price = base " + CatalogLabels.markup(m.markup()) + " markup · in " + (m.currency() == null ? "USD" : m.currency())
                + (m.priceCard().stream().anyMatch(l -> l.unit().endsWith("_mtok")) ? " · token prices per 1M tokens" : ""));
        List<PriceRow> rows = new ArrayList<>();
        for (PriceLine l : m.priceCard()) {
            rows.add(new PriceRow(CatalogLabels.unit(l.unit()), l.variant() == null ? "—" : CatalogLabels.resolution(l.variant()),
                    CatalogLabels.money(l.base(), m.currency()), CatalogLabels.money(l.api(), m.currency())));
        }
        priceRows.setAll(rows);
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("Provider", m.provider()));
        f.add(new Fact("Family", m.family() == null ? "—" : m.family()));
        f.add(new Fact("Modality", CatalogLabels.modality(m.modality())));
        f.add(new Fact("Status", CatalogLabels.status(m.status())));
        if (m.contextWindow() != null) {
            f.add(new Fact("Context window", CatalogLabels.tokens(m.contextWindow()) + " (" + number(m.contextWindow()) + ")"));
        }
        if (m.maxOutputTokens() != null) {
            f.add(new Fact("Max output", CatalogLabels.tokens(m.maxOutputTokens()) + " (" + number(m.maxOutputTokens()) + ")"));
        }
        if (!m.resolutions().isEmpty()) {
            f.add(new Fact("Resolutions", CatalogLabels.resolutions(m)));
        }
        f.add(new Fact("Released", m.released() == null ? "—" : m.released().toString()));
        f.add(new Fact("Slug", m.slug()));
        f.add(new Fact("ID", m.id()));
        f.add(new Fact("Markup", CatalogLabels.markup(m.markup())));
        f.add(new Fact("Currency", m.currency() == null ? "USD" : m.currency()));
        facts.setAll(f);
    }

    private static String number(int n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    // ---- properties --------------------------------------------------------------------------

    public StringProperty modalityProperty() { return modality; }
    public StringProperty providerProperty() { return provider; }
    public StringProperty statusProperty() { return status; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Model> models() { return models; }
    public ObservableList<String> providerOptions() { return providerOptions; }
    public ObjectProperty<Model> selectedProperty() { return selected; }
    public ObservableList<PriceRow> priceRows() { return priceRows; }
    public ObservableList<Fact> facts() { return facts; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    /** The error, or why the list is empty. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return filtered.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectedTitleProperty() { return selectedTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectedPricingProperty() { return selectedPricing.getReadOnlyProperty(); }
}
