package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.console.shell.PagedList.State;
import dev.gatehouse.api.ProviderSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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

    /** One row of the detail pane's price card, ready to show. */
    public record PriceRow(String unit, String variant, String base, String api) {}

    /** One fact of the detail pane ("Context window", "128K tokens"). */
    public record Fact(String label, String value) {}

    private final CatalogApi api;

    private final StringProperty modality = new SimpleStringProperty(this, "modality", "");
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    /** The catalog is small enough to hold whole: the list follows every page; the detail is the row itself. */
    private final ListDetailModel<ModelQuery, Model, Void> model;
    private final PagedList<ModelQuery, Model> list;
    private final Loader<List<ProviderSummary>> providers;
    private final ObservableList<String> providerOptions = FXCollections.observableArrayList("");
    private final ObservableList<PriceRow> priceRows = FXCollections.observableArrayList();
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();

    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total", -1);
    private final StringBinding countText;
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ReadOnlyStringWrapper selectedSubtitle = new ReadOnlyStringWrapper(this, "selectedSubtitle", "");
    private final ReadOnlyStringWrapper selectedPricing = new ReadOnlyStringWrapper(this, "selectedPricing", "");

    public CatalogViewModel(CatalogApi api, Executor fx) {
        this.api = api;
        this.list = new PagedList<>((q, cursor, limit) -> api.models(q, cursor), 200, fx, q -> !q.isAll(),
                new PagedList.Wording<>("model", "models", CatalogViewModel::emptyMessage), true);
        this.model = new ListDetailModel<ModelQuery, Model, Void>(list, this::query, Model::id, fx)
                .watch(modality, provider, status, search);
        this.providers = new Loader<List<ProviderSummary>>(fx).onLoaded(this::showProviders);
        model.selectedProperty().addListener((o, a, m) -> showDetail(m));
        list.stateProperty().addListener((o, a, s) -> {
            if ((s == State.READY || s == State.EMPTY) && !list.filteredProperty().get()) {
                total.set(list.items().size());
            }
        });
        countText = Bindings.createStringBinding(this::count, list.stateProperty(), list.countTextProperty(), total);
    }

    // ---- commands ----------------------------------------------------------------------------

    /** First load: providers for the filter and the total, then the models. */
    public void start() {
        providers.load(api::providers);
        reload();
    }

    /** Try again after an error: whatever failed is fetched again. */
    public void retry() {
        if (providers.state() != Loader.State.LOADED) {
            // Not fatal when it fails: the provider filter stays at "all" and Retry fetches the list again.
            providers.retry();
        }
        reload();
    }

    public void clearFilters() {
        model.changeFilters(() -> {
            modality.set("");
            provider.set("");
            status.set("");
            search.set("");
        });
    }

    /** Leaves the screen: answers still in flight are dropped. */
    public void close() {
        model.close();
        providers.cancel();
    }

    public ModelQuery query() {
        return new ModelQuery(modality.get(), provider.get(), status.get(), search.get());
    }

    /** Fetches every page of the current query; earlier, unfinished loads are abandoned. */
    public void reload() {
        model.reload();
    }

    private void showProviders(List<ProviderSummary> all) {
        List<String> names = new ArrayList<>();
        names.add("");
        all.stream().map(ProviderSummary::name).forEach(names::add);
        String current = provider.get() == null ? "" : provider.get().strip();
        if (!names.contains(current)) {
            names.add(current);
        }
        providerOptions.setAll(names);
        total.set(all.stream().mapToInt(ProviderSummary::models).sum());
    }

    private String count() {
        State s = list.stateProperty().get();
        if (s == State.LOADING) {
            return list.countTextProperty().get();
        }
        if (s == State.ERROR) {
            return "";
        }
        int n = list.items().size();
        if (!list.filteredProperty().get()) {
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
            selectedSubtitle.set("");
            selectedPricing.set("");
            return;
        }
        selectedTitle.set(m.name());
        selectedSubtitle.set(m.provider() + " · " + CatalogLabels.modality(m.modality()) + " · " + m.slug());
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
    public ObservableList<Model> models() { return list.items(); }
    public ObservableList<String> providerOptions() { return providerOptions; }
    public ObjectProperty<Model> selectedProperty() { return model.selectedProperty(); }
    /** Filters, rows and selection: what the shared table view binds to. */
    public ListDetailModel<ModelQuery, Model, Void> model() { return model; }
    public PagedList<ModelQuery, Model> list() { return list; }
    public ObservableList<PriceRow> priceRows() { return priceRows; }
    public ObservableList<Fact> facts() { return facts; }
    public ReadOnlyObjectProperty<State> stateProperty() { return list.stateProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return list.loadingProperty(); }
    public StringBinding countTextProperty() { return countText; }
    /** The error to show, or why the list is empty. */
    public ReadOnlyStringProperty messageProperty() { return list.messageProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return list.filteredProperty(); }
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectedTitleProperty() { return selectedTitle.getReadOnlyProperty(); }
    /** "OpenAI · Chat · openai/gpt-4o" for the selected model; empty when none is. */
    public ReadOnlyStringProperty selectedSubtitleProperty() { return selectedSubtitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectedPricingProperty() { return selectedPricing.getReadOnlyProperty(); }
}
