package dev.gatehouse.console.pricing;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.Model;
import dev.gatehouse.console.actions.ConflictDialog;
import dev.gatehouse.console.actions.ModalLayer;
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
    @FXML private javafx.scene.control.TabPane tabs;
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
    @FXML private Label discountInForce;
    @FXML private Label discountScheduled;
    @FXML private GridPane discountGrid;
    @FXML private Button addDiscountButton;
    @FXML private Label discountStepsError;
    @FXML private Label discountKind;
    @FXML private TextField discountEffectiveField;
    @FXML private Button discountEarliestButton;
    @FXML private Label discountEffectiveError;
    @FXML private TextArea discountReasonArea;
    @FXML private CheckBox discountEmergencyBox;
    @FXML private Button discountSaveButton;
    @FXML private ProgressIndicator discountProgress;
    @FXML private Label discountMessage;
    @FXML private ListView<VolumeDiscountsViewModel.HistoryRow> discountHistory;
    @FXML private Label noticeDetail;
    @FXML private TextField noticeAccountField;
    @FXML private TextField noticeModelField;
    @FXML private ProgressIndicator noticeProgress;
    @FXML private TableView<PriceNoticesViewModel.Row> noticeTable;
    @FXML private TableColumn<PriceNoticesViewModel.Row, String> noticeSentColumn;
    @FXML private TableColumn<PriceNoticesViewModel.Row, String> noticeAccountColumn;
    @FXML private TableColumn<PriceNoticesViewModel.Row, String> noticeModelColumn;
    @FXML private TableColumn<PriceNoticesViewModel.Row, String> noticeEffectiveColumn;
    @FXML private TableColumn<PriceNoticesViewModel.Row, String> noticeSummaryColumn;
    @FXML private Label noticePlaceholder;
    @FXML private Button moreNoticesButton;

    private final VolumeDiscountsViewModel discounts;
    private final PriceNoticesViewModel notices;
    private final ModalLayer modal;

    public PricingController(PricingViewModel vm, VolumeDiscountsViewModel discounts, PriceNoticesViewModel notices, ModalLayer modal) {
        this.vm = vm;
        this.discounts = discounts;
        this.notices = notices;
        this.modal = modal;
    }

    @FXML
    private void initialize() {
        Shown.set(readOnlyBadge, !vm.canEdit());
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
            if (m != null && m != modelTable.getSelectionModel().getSelectedItem()) {
                modelTable.getSelectionModel().select(m);
                modelTable.scrollTo(m);
            }
        });
        vm.selectedProperty().addListener((o, a, m) -> {
            Shown.set(editor, m != null);
            Shown.set(editorEmpty, m == null);
            modelTitle.setText(m == null ? "" : m.name());
            modelSubtitle.setText(m == null ? "" : m.provider() + " · " + m.modality() + " · " + m.slug() + " · markup ×"
                    + m.markup().stripTrailingZeros().toPlainString());
        });
        Shown.set(editor, false);
        // the draft card
        vm.draft().addListener((ListChangeListener<DraftLine>) c -> drawDraft());
        effectiveField.textProperty().bindBidirectional(vm.effectiveAtProperty());
        effectiveError.textProperty().bind(vm.effectiveErrorProperty());
        EditorBindings.collapseWhenEmpty(effectiveError);
        reasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        emergencyBox.selectedProperty().bindBidirectional(vm.emergencyProperty());
        Shown.set(emergencyBox, vm.canOverride());
        for (var n : new javafx.scene.Node[] {effectiveField, earliestButton, reasonArea, cancelReasonField}) {
            n.setDisable(!vm.canEdit());
        }
        previewButton.disableProperty().bind(vm.canPreviewBinding().not());
        saveButton.disableProperty().bind(vm.canSaveBinding().not());
        EditorBindings.busy(previewProgress, vm.previewLoader(), vm.savingProperty());
        EditorBindings.message(messageLabel, vm.previewLoader(), vm.messageProperty());
        // a 412 opens the conflict dialog
        ConflictDialog.bind(modal, vm.conflicts(), "this model's prices", vm::retryWithMine, vm::takeTheirs);
        // the preview
        EditorBindings.shownWhen(previewPane, vm.previewCurrentProperty());
        EditorBindings.notice(noticeLabel, vm.noticeTextProperty(), vm.noticeOkProperty());
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
        bindDiscounts();
        bindNotices();
    }

    private void bindDiscounts() {
        discountInForce.textProperty().bind(discounts.inForceProperty());
        discountScheduled.textProperty().bind(discounts.scheduledProperty());
        EditorBindings.collapseWhenEmpty(discountScheduled);
        discounts.rows().addListener((ListChangeListener<VolumeDiscountsViewModel.StepRow>) c -> drawDiscounts());
        discountStepsError.textProperty().bind(discounts.stepsErrorProperty());
        EditorBindings.notice(discountKind, discounts.kindTextProperty(), discounts.noticeOkProperty());
        EditorBindings.collapseWhenEmpty(discountKind);
        discountEffectiveField.textProperty().bindBidirectional(discounts.effectiveAtProperty());
        discountEffectiveError.textProperty().bind(discounts.effectiveErrorProperty());
        EditorBindings.collapseWhenEmpty(discountEffectiveError);
        EditorBindings.collapseWhenEmpty(discountStepsError);
        discountReasonArea.textProperty().bindBidirectional(discounts.reasonProperty());
        discountEmergencyBox.selectedProperty().bindBidirectional(discounts.emergencyProperty());
        Shown.set(discountEmergencyBox, discounts.canOverride());
        for (var n : new javafx.scene.Node[] {addDiscountButton, discountEffectiveField, discountEarliestButton, discountReasonArea}) {
            n.setDisable(!discounts.canEdit());
        }
        discountSaveButton.disableProperty().bind(discounts.canSaveBinding().not());
        EditorBindings.busy(discountProgress, discounts.loader(), discounts.savingProperty());
        EditorBindings.message(discountMessage, discounts.loader(), discounts.messageProperty());
        discountHistory.setItems(discounts.history());
        discountHistory.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VolumeDiscountsViewModel.HistoryRow h, boolean empty) {
                super.updateItem(h, empty);
                setText(null);
                if (empty || h == null) {
                    setGraphic(null);
                    return;
                }
                Label when = new Label(h.when());
                when.getStyleClass().add("timeline-when");
                Label what = new Label(h.what());
                what.getStyleClass().addAll("pill", h.emergency() ? "pill-emergency" : h.what().startsWith("scheduled") ? "pill-scheduled" : "pill-history");
                Label steps = new Label(h.steps());
                steps.setWrapText(true);
                Label who = new Label(h.who());
                who.setWrapText(true);
                who.getStyleClass().add("text-muted");
                VBox box = new VBox(2, new HBox(8, when, what), steps, who);
                box.setMaxWidth(Double.MAX_VALUE);
                box.prefWidthProperty().bind(discountHistory.widthProperty().subtract(30));
                setGraphic(box);
            }
        });
        discountHistory.setPlaceholder(new Label("No change to the discounts yet."));
        ConflictDialog.bind(modal, discounts.conflicts(), "the volume discounts", discounts::retryWithMine, discounts::takeTheirs);
    }

    /** One row per tier: from (monthly spend), percent off, remove, and the row's error. */
    private void drawDiscounts() {
        discountGrid.getChildren().clear();
        String[] heads = {"Tier", "From monthly spend ($)", "Percent off", "", ""};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("column-head");
            discountGrid.add(h, c, 0);
        }
        if (discounts.rows().isEmpty()) {
            Label none = new Label("No tiers: nobody gets a volume discount. Add one to start.");
            none.getStyleClass().add("text-muted");
            discountGrid.add(none, 0, 1, 5, 1);
            return;
        }
        int row = 1;
        for (VolumeDiscountsViewModel.StepRow r : discounts.rows()) {
            Label n = new Label(Integer.toString(row));
            n.getStyleClass().add("text-muted");
            TextField from = decimalField("discount-from-" + (row - 1), r.fromProperty(), r.errorProperty(), 12);
            TextField off = decimalField("discount-off-" + (row - 1), r.offProperty(), r.errorProperty(), 6);
            Button remove = new Button("Remove");
            remove.getStyleClass().addAll("flat", "danger", "small");
            remove.setDisable(!discounts.canEdit());
            remove.setOnAction(e -> discounts.removeRow(r));
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(r.errorProperty());
            discountGrid.addRow(row++, n, from, off, remove, error);
        }
    }

    /** A decimal text field bound to a typed value, disabled when read-only, flagged while its row has an error. */
    private TextField decimalField(String id, javafx.beans.property.StringProperty value,
                                   javafx.beans.value.ObservableStringValue error, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        f.setDisable(!vm.canEdit());
        f.pseudoClassStateChanged(DANGER, !error.get().isEmpty());
        error.addListener((o, a, e) -> f.pseudoClassStateChanged(DANGER, !e.isEmpty()));
        return f;
    }

    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");

    private void bindNotices() {
        noticeAccountField.textProperty().bindBidirectional(notices.accountFilterProperty());
        noticeModelField.textProperty().bindBidirectional(notices.modelFilterProperty());
        noticeAccountField.setOnAction(e -> notices.search());
        noticeModelField.setOnAction(e -> notices.search());
        noticeTable.setItems(notices.rows());
        column(noticeSentColumn, PriceNoticesViewModel.Row::created);
        column(noticeAccountColumn, PriceNoticesViewModel.Row::account);
        column(noticeModelColumn, PriceNoticesViewModel.Row::model);
        column(noticeEffectiveColumn, r -> r.effective() + (r.emergency() ? " · EMERGENCY" : ""));
        column(noticeSummaryColumn, PriceNoticesViewModel.Row::summary);
        noticePlaceholder.textProperty().bind(Bindings.when(notices.loader().loadingBinding()).then("Loading notices…")
                .otherwise(Bindings.when(notices.loader().messageProperty().isEmpty()).then("No notices match.")
                        .otherwise(notices.loader().messageProperty())));
        noticeProgress.visibleProperty().bind(notices.loader().loadingBinding());
        noticeProgress.managedProperty().bind(noticeProgress.visibleProperty());
        noticeTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> noticeDetail.setText(r == null
                ? "Select a notice to read it as it would be sent."
                : "To " + r.account() + " · " + r.model() + " · from " + r.effective() + (r.emergency() ? " (emergency override)" : "")
                + "\n" + r.summary() + "\nWhy: " + r.reason()));
        noticeDetail.setText("Select a notice to read it as it would be sent.");
        moreNoticesButton.visibleProperty().bind(notices.moreProperty());
        moreNoticesButton.managedProperty().bind(moreNoticesButton.visibleProperty());
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
            TextField base = decimalField("base-" + (row - 1), d.baseProperty(), d.errorProperty(), 9);
            Label after = new Label();
            after.getStyleClass().addAll("numeric", "strong");
            after.textProperty().bind(d.newApiProperty());
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(d.errorProperty());
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

    private static <S> void column(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML private void useEarliest() { vm.useEarliest(); }
    @FXML private void useEarliestForBulk() { vm.useEarliestForBulk(); }
    @FXML private void preview() { vm.preview(); }
    @FXML private void save() { vm.save(); }
    @FXML private void addDiscount() { discounts.addRow(); }
    @FXML private void useEarliestForDiscounts() { discounts.useEarliest(); }
    @FXML private void saveDiscounts() { discounts.save(); }
    @FXML private void searchNotices() { notices.search(); }
    @FXML private void moreNotices() { notices.loadMore(); }
    @FXML private void previewBulk() { vm.previewBulk(); }
    @FXML private void commitBulk() { vm.commitBulk(); }

    void focus() {
        searchField.requestFocus();
    }

    void showModelTab() {
        tabs.getSelectionModel().select(0);
    }

    void showBulkTab() {
        tabs.getSelectionModel().select(1);
    }
}
