package dev.gatehouse.console.catalog;

import dev.gatehouse.console.actions.ConflictDialog;
import dev.gatehouse.console.actions.ModalLayer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import java.util.function.Consumer;

import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.Model;
import dev.gatehouse.console.catalog.CatalogViewModel.PriceRow;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.SearchField;
import dev.gatehouse.console.shell.TextFilter;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Function;

/** Binds catalog.fxml to {@link CatalogViewModel}; no logic beyond showing and forwarding. */
public final class CatalogController {
    /** Typing settles for this long before the platform is asked. */
    static final Duration SEARCH_DEBOUNCE = Duration.millis(250);

    private final CatalogViewModel vm;
    private TextFilter searchFilter;

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

    private final Runnable openImport;
    @FXML private Button importCatalogButton;
    @FXML private Button openPricingButton;
    @FXML private VBox statusBox;
    @FXML private ComboBox<String> statusChoice;
    @FXML private TextField statusEffectiveField;
    @FXML private Label statusEffectiveError;
    @FXML private TextField statusReasonField;
    @FXML private CheckBox statusEmergencyBox;
    @FXML private Button applyStatusButton;
    @FXML private ProgressIndicator statusProgress;
    @FXML private Label statusMessage;
    private final ModelStatusViewModel statusVm;
    private final Consumer<Model> openPricing;
    private final ModalLayer modal;

    public CatalogController(CatalogViewModel vm) {
        this(vm, null);
    }

    /** {@code openImport}: opens the import flow (issue 13), or null when this operator may not import. */
    public CatalogController(CatalogViewModel vm, Runnable openImport) {
        this(vm, openImport, null, null, null);
    }

    /**
     * {@code status}: the status controls (null: not shown, no session to act in); {@code openPricing}: opens the Pricing
     * area on a model (null: the button is disabled); {@code modal}: where the conflict dialog opens.
     */
    public CatalogController(CatalogViewModel vm, Runnable openImport, ModelStatusViewModel status, Consumer<Model> openPricing,
                             ModalLayer modal) {
        this.vm = vm;
        this.openImport = openImport;
        this.statusVm = status;
        this.openPricing = openPricing;
        this.modal = modal;
    }

    @FXML
    private void openPricing() {
        Model m = vm.selectedProperty().get();
        if (openPricing != null && m != null) {
            openPricing.accept(m);
        }
    }

    @FXML
    private void applyStatus() {
        if (statusVm != null) {
            statusVm.apply();
        }
    }

    private void bindStatus() {
        openPricingButton.setDisable(openPricing == null);
        statusBox.setVisible(statusVm != null);
        statusBox.setManaged(statusVm != null);
        if (statusVm == null) {
            return;
        }
        vm.selectedProperty().addListener((o, a, m) -> statusVm.modelProperty().set(m));
        statusVm.modelProperty().set(vm.selectedProperty().get());
        dev.gatehouse.console.shell.FilterOptions.bind(statusChoice, statusVm.statusProperty(), ModelStatusViewModel.STATUSES,
                s -> s == null ? "" : CatalogLabels.status(s));
        statusEffectiveField.textProperty().bindBidirectional(statusVm.effectiveAtProperty());
        statusEffectiveError.textProperty().bind(statusVm.effectiveErrorProperty());
        statusEffectiveError.visibleProperty().bind(statusVm.effectiveErrorProperty().isNotEmpty());
        statusEffectiveError.managedProperty().bind(statusEffectiveError.visibleProperty());
        statusReasonField.textProperty().bindBidirectional(statusVm.reasonProperty());
        statusEmergencyBox.selectedProperty().bindBidirectional(statusVm.emergencyProperty());
        statusEmergencyBox.setVisible(statusVm.canOverride());
        statusEmergencyBox.setManaged(statusVm.canOverride());
        for (javafx.scene.Node n : new javafx.scene.Node[] {statusChoice, statusEffectiveField, statusReasonField}) {
            n.setDisable(!statusVm.canEdit());
        }
        applyStatusButton.disableProperty().bind(statusVm.canApplyBinding().not());
        statusProgress.visibleProperty().bind(statusVm.savingProperty());
        statusProgress.managedProperty().bind(statusProgress.visibleProperty());
        statusMessage.textProperty().bind(statusVm.messageProperty());
        statusVm.failedProperty().addListener((o, a, bad) -> statusMessage.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), bad));
        if (modal != null) {
            ConflictDialog.bind(modal, statusVm.conflicts(), "this model", statusVm::retryWithMine, statusVm::takeTheirs);
        }
    }

    @FXML
    private void importCatalog() {
        if (openImport != null) {
            openImport.run();
        }
    }

    @FXML
    private void initialize() {
        importCatalogButton.setDisable(openImport == null);
        if (openImport == null) {
            importCatalogButton.setTooltip(new javafx.scene.control.Tooltip("Ops and leads import catalogs."));
        }
        bindHeader();
        bindFilters();
        bindTable();
        bindDetail();
        bindStatus();
        SearchField.focusOnFind(catalogRoot, searchField);
    }

    private void bindHeader() {
        countLabel.textProperty().bind(vm.countTextProperty());
        loadingBar.visibleProperty().bind(vm.loadingProperty());
        refreshButton.disableProperty().bind(vm.loadingProperty());
    }

    private void bindFilters() {
        searchFilter = TextFilter.bind(searchField, vm.searchProperty(), SEARCH_DEBOUNCE);
        SearchField.decorate(searchField, "clearSearchButton", searchFilter::applyNow);
        FilterOptions.bind(modalityFilter, vm.modalityProperty(), CatalogViewModel.MODALITIES, CatalogLabels::modality);
        FilterOptions.bind(statusFilter, vm.statusProperty(), CatalogViewModel.STATUSES, CatalogLabels::status);
        FilterOptions.bind(providerFilter, vm.providerProperty(), vm.providerOptions(), p -> p == null || p.isEmpty() ? "All providers" : p);
        providerFilter.setVisibleRowCount(16);
        clearFiltersButton.visibleProperty().bind(vm.filteredProperty().or(searchField.textProperty().isNotEmpty()));
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
        ListDetailTable.bind(modelTable, sorted, vm.model(), catalogRoot);
        new PagedListView(placeholder, placeholderProgress, placeholderIcon, placeholderTitle, placeholderMessage, placeholderButton,
                null, null, null).bind(vm.list(), new PagedListView.Titles("Loading the catalog…", "Couldn't load the catalog",
                "No models", "No matching models"), vm::retry, this::clearFilters);
    }

    private void bindDetail() {
        detailEmpty.visibleProperty().bind(vm.selectedProperty().isNull());
        detailPane.visibleProperty().bind(vm.selectedProperty().isNotNull());
        detailTitle.textProperty().bind(vm.selectedTitleProperty());
        pricingNote.textProperty().bind(vm.selectedPricingProperty());
        detailSubtitle.textProperty().bind(vm.selectedSubtitleProperty());
        vm.selectedProperty().addListener((o, a, m) -> {
            if (m != null) {
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
        searchFilter.cancel();
        vm.clearFilters();
    }

    /** Keyboard focus starts on the table (arrows move through models; Ctrl+F searches). */
    public void focus() {
        modelTable.requestFocus();
    }
}
