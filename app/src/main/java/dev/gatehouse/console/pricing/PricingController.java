package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.pricing.PricingViewModel.DiffRow;
import dev.gatehouse.console.pricing.PricingViewModel.DraftLine;
import dev.gatehouse.console.pricing.PricingViewModel.TimelineEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Binds pricing.fxml to {@link PricingViewModel}; no logic beyond showing and forwarding. */
public final class PricingController {
    private final PricingViewModel vm;

    @FXML private BorderPane pricingRoot;
    @FXML private Label readOnlyBadge;
    @FXML private TextField searchField;
    @FXML private TableView<Model> modelTable;
    @FXML private TableColumn<Model, String> modelNameColumn;
    @FXML private TableColumn<Model, String> modelProviderColumn;
    @FXML private Label modelsPlaceholder;
    @FXML private VBox editorEmpty;
    @FXML private VBox editor;
    @FXML private Label modelTitle;
    @FXML private Label modelSubtitle;
    @FXML private GridPane draftGrid;
    @FXML private TextField effectiveField;
    @FXML private Button earliestButton;
    @FXML private Label effectiveError;
    @FXML private TextArea reasonArea;
    @FXML private CheckBox emergencyBox;
    @FXML private Button previewButton;
    @FXML private Button saveButton;
    @FXML private ProgressIndicator previewProgress;
    @FXML private Label messageLabel;
    @FXML private VBox conflictPane;
    @FXML private ListView<String> conflictList;
    @FXML private Button retryButton;
    @FXML private VBox previewPane;
    @FXML private Label noticeLabel;
    @FXML private TableView<DiffRow> diffTable;
    @FXML private TableColumn<DiffRow, String> diffLineColumn;
    @FXML private TableColumn<DiffRow, String> diffOldColumn;
    @FXML private TableColumn<DiffRow, String> diffNewColumn;
    @FXML private TableColumn<DiffRow, String> diffPercentColumn;
    @FXML private Label impactLabel;
    @FXML private TableView<PricingViewModel.AccountRow> largestTable;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> largestAccountColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> largestBeforeColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> largestAfterColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> largestDeltaColumn;
    @FXML private TextField cancelReasonField;
    @FXML private ListView<TimelineEntry> timelineList;
    @FXML private ComboBox<String> bulkProvider;
    @FXML private ComboBox<String> bulkModality;
    @FXML private ComboBox<String> bulkStatus;
    @FXML private ComboBox<String> bulkMode;
    @FXML private TextField bulkValueField;
    @FXML private Label bulkValueError;
    @FXML private TextField bulkEffectiveField;
    @FXML private Button bulkEarliestButton;
    @FXML private Label bulkEffectiveError;
    @FXML private Button bulkPreviewButton;
    @FXML private ProgressIndicator bulkProgress;
    @FXML private Label bulkProgressLabel;
    @FXML private VBox bulkResult;
    @FXML private Label bulkSummaryLabel;
    @FXML private Label bulkImpactLabel;
    @FXML private TableView<DiffRow> bulkTable;
    @FXML private TableColumn<DiffRow, String> bulkModelColumn;
    @FXML private TableColumn<DiffRow, String> bulkLineColumn;
    @FXML private TableColumn<DiffRow, String> bulkOldColumn;
    @FXML private TableColumn<DiffRow, String> bulkNewColumn;
    @FXML private TableColumn<DiffRow, String> bulkPercentColumn;
    @FXML private TableView<PricingViewModel.AccountRow> bulkLargestTable;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> bulkLargestAccountColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> bulkLargestBeforeColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> bulkLargestAfterColumn;
    @FXML private TableColumn<PricingViewModel.AccountRow, String> bulkLargestDeltaColumn;
    @FXML private TextField bulkReasonField;
    @FXML private Button commitButton;
    @FXML private Label bulkMessageLabel;

    public PricingController(PricingViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        show(readOnlyBadge, !vm.canEdit());
        // the model list
        column(modelNameColumn, Model::name);
        column(modelProviderColumn, Model::provider);
        modelTable.setItems(vm.models());
        modelsPlaceholder.textProperty().bind(Bindings.when(vm.modelsLoader().loadingBinding()).then("Loading models…")
                .otherwise(Bindings.when(vm.modelsLoader().messageProperty().isEmpty()).then("No model matches.")
                        .otherwise(vm.modelsLoader().messageProperty())));
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        searchField.setOnAction(e -> vm.searchModels());
        modelTable.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> vm.selectedProperty().set(m));
        vm.selectedProperty().addListener((o, a, m) -> {
            show(editor, m != null);
            show(editorEmpty, m == null);
            modelTitle.setText(m == null ? "" : m.name());
            modelSubtitle.setText(m == null ? "" : m.provider() + " · " + m.modality() + " · " + m.slug() + " · markup ×"
                    + m.markup().stripTrailingZeros().toPlainString());
        });
        show(editor, false);
        // the draft card
        vm.draft().addListener((ListChangeListener<DraftLine>) c -> drawDraft());
        effectiveField.textProperty().bindBidirectional(vm.effectiveAtProperty());
        effectiveError.textProperty().bind(vm.effectiveErrorProperty());
        reasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        emergencyBox.selectedProperty().bindBidirectional(vm.emergencyProperty());
        show(emergencyBox, vm.canOverride());
        for (var n : new javafx.scene.Node[] {effectiveField, earliestButton, reasonArea, cancelReasonField}) {
            n.setDisable(!vm.canEdit());
        }
        previewButton.disableProperty().bind(vm.canPreviewBinding().not());
        saveButton.disableProperty().bind(vm.canSaveBinding().not());
        previewProgress.visibleProperty().bind(vm.previewLoader().loadingBinding().or(vm.savingProperty()));
        previewProgress.managedProperty().bind(previewProgress.visibleProperty());
        messageLabel.textProperty().bind(Bindings.when(vm.previewLoader().messageProperty().isEmpty())
                .then(vm.messageProperty()).otherwise(vm.previewLoader().messageProperty()));
        // conflicts
        conflictList.setItems(vm.conflicts());
        conflictPane.visibleProperty().bind(Bindings.isNotEmpty(vm.conflicts()));
        conflictPane.managedProperty().bind(conflictPane.visibleProperty());
        // the preview
        previewPane.visibleProperty().bind(vm.previewCurrentProperty());
        previewPane.managedProperty().bind(previewPane.visibleProperty());
        noticeLabel.textProperty().bind(vm.noticeTextProperty());
        vm.noticeTextProperty().addListener((o, a, t) -> tone(noticeLabel, vm.noticeOkProperty().get()));
        diffTable.setItems(vm.diff());
        column(diffLineColumn, DiffRow::line);
        column(diffOldColumn, DiffRow::oldApi);
        column(diffNewColumn, DiffRow::newApi);
        column(diffPercentColumn, DiffRow::percent);
        impactLabel.textProperty().bind(vm.impactTextProperty());
        accounts(largestTable, vm.largest(), largestAccountColumn, largestBeforeColumn, largestAfterColumn, largestDeltaColumn);
        // the timeline
        timelineList.setItems(vm.timeline());
        timelineList.setCellFactory(l -> new TimelineCell());
        // bulk
        bulkProvider.setItems(vm.providerOptions());
        bulkProvider.valueProperty().bindBidirectional(vm.bulkProviderProperty());
        bulkModality.getItems().setAll(PricingViewModel.MODALITIES);
        bulkModality.valueProperty().bindBidirectional(vm.bulkModalityProperty());
        bulkStatus.getItems().setAll(PricingViewModel.STATUSES);
        bulkStatus.valueProperty().bindBidirectional(vm.bulkStatusProperty());
        for (ComboBox<String> box : java.util.List.of(bulkProvider, bulkModality, bulkStatus)) {
            box.setButtonCell(anyCell(box.getPromptText()));
            box.setCellFactory(l -> anyCell(box.getPromptText()));
        }
        bulkMode.getItems().setAll(PricingViewModel.ADJUSTMENTS);
        bulkMode.valueProperty().bindBidirectional(vm.bulkModeProperty());
        bulkValueField.textProperty().bindBidirectional(vm.bulkValueProperty());
        bulkValueError.textProperty().bind(vm.bulkValueErrorProperty());
        bulkEffectiveField.textProperty().bindBidirectional(vm.bulkEffectiveAtProperty());
        bulkEffectiveError.textProperty().bind(vm.bulkEffectiveErrorProperty());
        bulkReasonField.textProperty().bindBidirectional(vm.bulkReasonProperty());
        bulkPreviewButton.disableProperty().bind(vm.canBulkPreviewBinding().not());
        commitButton.disableProperty().bind(vm.canCommitBinding().not());
        bulkProgress.visibleProperty().bind(vm.bulkPreviewLoader().loadingBinding());
        bulkProgressLabel.visibleProperty().bind(bulkProgress.visibleProperty());
        bulkResult.visibleProperty().bind(vm.bulkPreviewCurrentProperty());
        bulkResult.managedProperty().bind(bulkResult.visibleProperty());
        bulkSummaryLabel.textProperty().bind(vm.bulkSummaryProperty());
        bulkImpactLabel.textProperty().bind(vm.bulkImpactProperty());
        bulkTable.setItems(vm.bulkRows());
        column(bulkModelColumn, DiffRow::model);
        column(bulkLineColumn, DiffRow::line);
        column(bulkOldColumn, DiffRow::oldApi);
        column(bulkNewColumn, DiffRow::newApi);
        column(bulkPercentColumn, DiffRow::percent);
        accounts(bulkLargestTable, vm.bulkLargest(), bulkLargestAccountColumn, bulkLargestBeforeColumn, bulkLargestAfterColumn,
                bulkLargestDeltaColumn);
        bulkMessageLabel.textProperty().bind(Bindings.when(vm.bulkPreviewLoader().messageProperty().isEmpty())
                .then(vm.bulkMessageProperty()).otherwise(vm.bulkPreviewLoader().messageProperty()));
        for (var n : new javafx.scene.Node[] {bulkProvider, bulkModality, bulkStatus, bulkMode, bulkValueField, bulkEffectiveField,
                bulkEarliestButton, bulkReasonField}) {
            n.setDisable(!vm.canEdit());
        }
    }

    private void drawDraft() {
        draftGrid.getChildren().clear();
        String[] heads = {"Line", "API now", "New base", "API after", ""};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("column-head");
            draftGrid.add(h, c, 0);
        }
        int row = 1;
        for (DraftLine d : vm.draft()) {
            Label line = new Label(d.label());
            Label now = new Label(PriceText.money(d.current().api()));
            now.getStyleClass().add("numeric");
            TextField base = new TextField();
            base.setId("base-" + (row - 1));
            base.setPrefColumnCount(9);
            base.textProperty().bindBidirectional(d.baseProperty());
            base.setDisable(!vm.canEdit());
            Label after = new Label();
            after.getStyleClass().addAll("numeric", "strong");
            after.textProperty().bind(d.newApiProperty());
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(d.errorProperty());
            d.errorProperty().addListener((o, a, e) -> base.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !e.isEmpty()));
            draftGrid.addRow(row++, line, now, base, after, error);
        }
    }

    private final class TimelineCell extends ListCell<TimelineEntry> {
        @Override
        protected void updateItem(TimelineEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label when = new Label(e.when());
            when.getStyleClass().add("timeline-when");
            Label what = new Label(e.what());
            what.getStyleClass().add(e.emergency() ? "pill-emergency" : e.scheduled() != null ? "pill-scheduled" : "pill-history");
            what.getStyleClass().add("pill");
            Label detail = new Label(e.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("text-muted");
            VBox text = new VBox(2, new HBox(8, when, what), detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, text);
            if (e.scheduled() != null && vm.canEdit()) {
                Region gap = new Region();
                Button cancel = new Button("Cancel change");
                cancel.getStyleClass().addAll("flat", "danger");
                cancel.disableProperty().bind(cancelReasonField.textProperty().isEmpty());
                cancel.setOnAction(a -> vm.cancel(e.scheduled(), cancelReasonField.getText().strip()));
                row.getChildren().addAll(gap, cancel);
            }
            setText(null);
            setGraphic(row);
        }
    }

    private static void accounts(TableView<PricingViewModel.AccountRow> table, javafx.collections.ObservableList<PricingViewModel.AccountRow> rows,
                                 TableColumn<PricingViewModel.AccountRow, String> account, TableColumn<PricingViewModel.AccountRow, String> before,
                                 TableColumn<PricingViewModel.AccountRow, String> after, TableColumn<PricingViewModel.AccountRow, String> delta) {
        table.setItems(rows);
        column(account, PricingViewModel.AccountRow::account);
        column(before, PricingViewModel.AccountRow::before);
        column(after, PricingViewModel.AccountRow::after);
        column(delta, PricingViewModel.AccountRow::delta);
        table.setPlaceholder(new Label("No account used these prices in the window."));
    }

    private static ListCell<String> anyCell(String prompt) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null || item.isEmpty() ? prompt : item);
            }
        };
    }

    private static void tone(Label label, boolean ok) {
        label.getStyleClass().removeAll("notice-ok", "notice-short");
        label.getStyleClass().add(ok ? "notice-ok" : "notice-short");
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML private void useEarliest() { vm.useEarliest(); }
    @FXML private void useEarliestForBulk() { vm.useEarliestForBulk(); }
    @FXML private void preview() { vm.preview(); }
    @FXML private void save() { vm.save(); }
    @FXML private void retryWithMine() { vm.retryWithMine(); }
    @FXML private void previewBulk() { vm.previewBulk(); }
    @FXML private void commitBulk() { vm.commitBulk(); }

    void focus() {
        searchField.requestFocus();
    }
}
