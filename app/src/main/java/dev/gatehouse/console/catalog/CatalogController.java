package dev.gatehouse.console.catalog;

import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.Model;
import dev.gatehouse.console.catalog.CatalogViewModel.PriceRow;
import dev.gatehouse.console.catalog.CatalogViewModel.State;
import dev.gatehouse.console.shell.SearchField;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Function;

/** Binds catalog.fxml to {@link CatalogViewModel}; no logic beyond showing and forwarding. */
public final class CatalogController {
    /** Typing settles for this long before the platform is asked. */
    static final Duration SEARCH_DEBOUNCE = Duration.millis(250);

    private final CatalogViewModel vm;
    private final PauseTransition searchDebounce = new PauseTransition(SEARCH_DEBOUNCE);

    @FXML private BorderPane catalogRoot;
    @FXML private Label countLabel;
    @FXML private ProgressBar loadingBar;
    @FXML private Button refreshButton;
    @FXML private CustomTextField searchField;
    @FXML private ComboBox<String> modalityFilter;
    @FXML private ComboBox<String> providerFilter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private Button clearFiltersButton;
    @FXML private SplitPane splitPane;
    @FXML private TableView<Model> modelTable;
    @FXML private TableColumn<Model, String> nameColumn;
    @FXML private TableColumn<Model, String> providerColumn;
    @FXML private TableColumn<Model, String> modalityColumn;
    @FXML private TableColumn<Model, String> statusColumn;
    @FXML private TableColumn<Model, Model> capacityColumn;
    @FXML private TableColumn<Model, Model> priceColumn;
    @FXML private VBox placeholder;
    @FXML private ProgressIndicator placeholderProgress;
    @FXML private FontIcon placeholderIcon;
    @FXML private Label placeholderTitle;
    @FXML private Label placeholderMessage;
    @FXML private Button placeholderButton;
    @FXML private VBox detailEmpty;
    @FXML private VBox detailPane;
    @FXML private Label detailTitle;
    @FXML private Label detailStatus;
    @FXML private Label detailSubtitle;
    @FXML private TableView<PriceRow> priceCardTable;
    @FXML private TableColumn<PriceRow, String> unitColumn;
    @FXML private TableColumn<PriceRow, String> variantColumn;
    @FXML private TableColumn<PriceRow, String> baseColumn;
    @FXML private TableColumn<PriceRow, String> apiColumn;
    @FXML private Label pricingNote;
    @FXML private GridPane factsGrid;

    public CatalogController(CatalogViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindFilters();
        bindTable();
        bindPlaceholder();
        bindDetail();
        SearchField.focusOnFind(catalogRoot, searchField);
    }

    private void bindHeader() {
        countLabel.textProperty().bind(vm.countTextProperty());
        loadingBar.visibleProperty().bind(vm.loadingProperty());
        refreshButton.disableProperty().bind(vm.loadingProperty());
    }

    private void bindFilters() {
        SearchField.decorate(searchField, "clearSearchButton", this::applySearchNow);
        searchDebounce.setOnFinished(e -> vm.searchProperty().set(searchField.getText()));
        searchField.textProperty().addListener((o, a, b) -> searchDebounce.playFromStart());
        searchField.setOnAction(e -> applySearchNow());
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                applySearchNow();
                e.consume();
            }
        });
        vm.searchProperty().addListener((o, a, b) -> {
            if (!searchField.getText().equals(b)) {
                searchField.setText(b);
                searchDebounce.stop();
            }
        });

        modalityFilter.getItems().setAll(CatalogViewModel.MODALITIES);
        modalityFilter.setConverter(labels(CatalogLabels::modality));
        modalityFilter.valueProperty().bindBidirectional(vm.modalityProperty());
        statusFilter.getItems().setAll(CatalogViewModel.STATUSES);
        statusFilter.setConverter(labels(CatalogLabels::status));
        statusFilter.valueProperty().bindBidirectional(vm.statusProperty());
        providerFilter.setItems(vm.providerOptions());
        providerFilter.setConverter(labels(p -> p == null || p.isEmpty() ? "All providers" : p));
        providerFilter.valueProperty().bindBidirectional(vm.providerProperty());
        providerFilter.setVisibleRowCount(16);
        clearFiltersButton.visibleProperty().bind(vm.filteredProperty().or(searchField.textProperty().isNotEmpty()));
    }

    private void applySearchNow() {
        searchDebounce.stop();
        vm.searchProperty().set(searchField.getText());
    }

    private void bindTable() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        providerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().provider()));
        modalityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(CatalogLabels.modality(c.getValue().modality())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        statusColumn.setCellFactory(col -> new StatusCell<>());
        capacityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        capacityColumn.setCellFactory(col -> textCell(CatalogLabels::capacity));
        capacityColumn.setComparator(Comparator.comparing((Model m) -> m.contextWindow() == null ? 0 : m.contextWindow())
                .thenComparing(m -> m.resolutions().size()));
        priceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        priceColumn.setCellFactory(col -> textCell(CatalogLabels::headlinePrice));
        priceColumn.setComparator(Comparator.comparing(CatalogLabels::lowestPrice, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder())));

        SplitPane.setResizableWithParent(splitPane.getItems().get(1), false);
        SortedList<Model> sorted = new SortedList<>(vm.models());
        sorted.comparatorProperty().bind(modelTable.comparatorProperty());
        modelTable.setItems(sorted);
        modelTable.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> vm.selectedProperty().set(m));
        vm.selectedProperty().addListener((o, a, m) -> {
            if (m == null) {
                modelTable.getSelectionModel().clearSelection();
            }
        });
    }

    private void bindPlaceholder() {
        placeholderProgress.visibleProperty().bind(vm.stateProperty().isEqualTo(State.LOADING));
        placeholderProgress.managedProperty().bind(placeholderProgress.visibleProperty());
        placeholderIcon.visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.LOADING));
        placeholderIcon.managedProperty().bind(placeholderIcon.visibleProperty());
        placeholderMessage.textProperty().bind(vm.messageProperty());
        placeholderMessage.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        placeholderMessage.managedProperty().bind(placeholderMessage.visibleProperty());
        vm.stateProperty().addListener((o, a, s) -> showState(s));
        showState(vm.stateProperty().get());
    }

    private void showState(State s) {
        placeholder.getStyleClass().removeAll("placeholder-error");
        switch (s) {
            case LOADING -> {
                placeholderTitle.setText("Loading the catalog…");
                placeholderButton.setVisible(false);
            }
            case ERROR -> {
                placeholder.getStyleClass().add("placeholder-error");
                placeholderIcon.setIconLiteral("mdoal-error_outline");
                placeholderTitle.setText("Couldn't load the catalog");
                placeholderButton.setText("Retry");
                placeholderButton.setGraphic(new FontIcon("mdomz-refresh"));
                placeholderButton.setVisible(true);
            }
            case EMPTY -> {
                placeholderIcon.setIconLiteral("mdoal-filter_alt");
                placeholderTitle.setText(vm.filteredProperty().get() ? "No matching models" : "No models");
                placeholderButton.setText("Clear filters");
                placeholderButton.setGraphic(new FontIcon("mdoal-clear"));
                placeholderButton.setVisible(vm.filteredProperty().get());
            }
            case READY -> placeholderButton.setVisible(false);
        }
        placeholderButton.setManaged(placeholderButton.isVisible());
    }

    private void bindDetail() {
        detailEmpty.visibleProperty().bind(vm.selectedProperty().isNull());
        detailPane.visibleProperty().bind(vm.selectedProperty().isNotNull());
        detailTitle.textProperty().bind(vm.selectedTitleProperty());
        pricingNote.textProperty().bind(vm.selectedPricingProperty());
        vm.selectedProperty().addListener((o, a, m) -> {
            if (m != null) {
                detailSubtitle.setText(m.provider() + " · " + CatalogLabels.modality(m.modality()) + " · " + m.slug());
                StatusCell.style(detailStatus, m.status());
            }
        });
        unitColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().unit()));
        variantColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().variant()));
        baseColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().base()));
        apiColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().api()));
        priceCardTable.setItems(vm.priceRows());
        // Tall enough for every line, so the card never scrolls inside the scrolling pane.
        priceCardTable.prefHeightProperty().bind(Bindings.size(vm.priceRows()).multiply(priceCardTable.getFixedCellSize()).add(38));
        priceCardTable.minHeightProperty().bind(priceCardTable.prefHeightProperty());
        priceCardTable.maxHeightProperty().bind(priceCardTable.prefHeightProperty());
        vm.facts().addListener((ListChangeListener<CatalogViewModel.Fact>) c -> showFacts());
    }

    private void showFacts() {
        factsGrid.getChildren().clear();
        int row = 0;
        for (CatalogViewModel.Fact f : vm.facts()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("fact-label");
            Label value = new Label(f.value());
            value.getStyleClass().add("fact-value");
            value.setId("fact-" + f.label().toLowerCase().replace(' ', '-'));
            value.setWrapText(true);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            factsGrid.addRow(row++, name, value);
        }
    }

    private static <T> TableCell<Model, T> textCell(Function<Model, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply((Model) item));
            }
        };
    }

    private static StringConverter<String> labels(Function<String, String> label) {
        return new StringConverter<>() {
            @Override public String toString(String wire) { return label.apply(wire); }
            @Override public String fromString(String text) { return text; }
        };
    }

    /** The status as a coloured pill. */
    static final class StatusCell<S> extends TableCell<S, String> {
        private final Label pill = new Label();

        StatusCell() {
            pill.getStyleClass().add("pill");
        }

        static void style(Label pill, String status) {
            pill.getStyleClass().removeIf(c -> c.startsWith("pill-"));
            pill.getStyleClass().add("pill-" + status);
            pill.setText(CatalogLabels.status(status));
        }

        @Override
        protected void updateItem(String status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
            } else {
                style(pill, status);
                setGraphic(pill);
            }
            setText(null);
        }
    }

    @FXML private void refresh() { vm.retry(); }
    @FXML private void clearFilters() {
        searchDebounce.stop();
        vm.clearFilters();
    }
    @FXML private void placeholderAction() {
        if (vm.stateProperty().get() == State.ERROR) {
            vm.retry();
        } else {
            clearFilters();
        }
    }

    /** Keyboard focus starts on the table (arrows move through models; Ctrl+F searches). */
    public void focus() {
        modelTable.requestFocus();
    }
}
