package dev.gatehouse.console.tiers;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.actions.ConflictDialog;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.pricing.EditorBindings;
import dev.gatehouse.console.pricing.PriceText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Function;

/** Binds tiers.fxml to {@link TiersViewModel}; no logic beyond showing and forwarding. */
public final class TiersController {
    private final TiersViewModel vm;
    private final NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    @FXML private Label readOnlyBadge;
    @FXML private TableView<RateTier> tierTable;
    @FXML private TableColumn<RateTier, String> nameColumn;
    @FXML private TableColumn<RateTier, String> rpmColumn;
    @FXML private TableColumn<RateTier, String> rpdColumn;
    @FXML private TableColumn<RateTier, String> concurrentColumn;
    @FXML private TableColumn<RateTier, String> accountsColumn;
    @FXML private TableColumn<RateTier, String> scheduledColumn;
    @FXML private Label tiersPlaceholder;
    @FXML private TextField accountField;
    @FXML private Button openAccountButton;
    @FXML private Label accountMessage;
    @FXML private ProgressIndicator accountProgress;
    @FXML private ListView<Account> accountList;
    @FXML private VBox scheduledBox;
    @FXML private TextField cancelReasonField;
    @FXML private Button cancelScheduledButton;
    @FXML private VBox editorEmpty;
    @FXML private VBox editor;
    @FXML private Label targetTitle;
    @FXML private Label scheduledLabel;
    @FXML private TextField rpmField;
    @FXML private TextField rpdField;
    @FXML private TextField concurrentField;
    @FXML private Label rpmError;
    @FXML private Label rpdError;
    @FXML private Label concurrentError;
    @FXML private Label kindLabel;
    @FXML private TextField effectiveField;
    @FXML private Button earliestButton;
    @FXML private Label effectiveError;
    @FXML private TextArea reasonArea;
    @FXML private CheckBox emergencyBox;
    @FXML private Button previewButton;
    @FXML private Button saveButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label messageLabel;
    @FXML private VBox previewPane;
    @FXML private Label noticeLabel;
    @FXML private Label reachLabel;
    @FXML private ListView<String> exceedanceList;

    private final ModalLayer modal;

    public TiersController(TiersViewModel vm, ModalLayer modal) {
        this.vm = vm;
        this.modal = modal;
    }

    @FXML
    private void initialize() {
        Shown.set(readOnlyBadge, !vm.canEdit());
        tierTable.setItems(vm.tierRows());
        column(nameColumn, t -> t.name().substring(0, 1).toUpperCase(Locale.ROOT) + t.name().substring(1));
        column(rpmColumn, t -> t.custom() ? "custom" : grouped.format(t.rpm()));
        column(rpdColumn, t -> t.custom() ? "custom" : grouped.format(t.rpd()));
        column(concurrentColumn, t -> t.custom() ? "custom" : grouped.format(t.concurrent()));
        column(accountsColumn, t -> grouped.format(t.accounts()));
        column(scheduledColumn, t -> t.scheduled() == null ? "—" : t.scheduled().after().rpm() + " / " + grouped.format(t.scheduled().after().rpd())
                + " / " + t.scheduled().after().concurrent() + " on " + PriceText.when(t.scheduled().effectiveAt(), java.time.ZoneOffset.UTC));
        tiersPlaceholder.textProperty().bind(Bindings.when(vm.tiersLoader().messageProperty().isEmpty()).then("Loading tiers…")
                .otherwise(vm.tiersLoader().messageProperty()));
        tierTable.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.selectTier(t));
        accountField.textProperty().bindBidirectional(vm.accountIdProperty());
        accountField.setOnAction(e -> vm.openAccount());
        accountMessage.textProperty().bind(vm.accountMessageProperty());
        vm.targetProperty().addListener((o, a, t) -> {
            Shown.set(editor, t != null);
            Shown.set(editorEmpty, t == null);
            targetTitle.setText(t == null ? "" : t.title());
            boolean pending = t != null && t.scheduled() != null && "scheduled".equals(t.scheduled().state());
            Shown.set(scheduledBox, pending);
            scheduledLabel.setText(!pending ? "" : "Scheduled " + t.scheduled().kind() + ": " + t.scheduled().after().rpm() + " / "
                    + grouped.format(t.scheduled().after().rpd()) + " / " + t.scheduled().after().concurrent() + " from "
                    + PriceText.when(t.scheduled().effectiveAt(), java.time.ZoneOffset.UTC) + ". A new change replaces it.");
        });
        Shown.set(editor, false);
        rpmField.textProperty().bindBidirectional(vm.rpmProperty());
        rpdField.textProperty().bindBidirectional(vm.rpdProperty());
        concurrentField.textProperty().bindBidirectional(vm.concurrentProperty());
        rpmError.textProperty().bind(vm.rpmErrorProperty());
        rpdError.textProperty().bind(vm.rpdErrorProperty());
        concurrentError.textProperty().bind(vm.concurrentErrorProperty());
        kindLabel.textProperty().bind(vm.kindTextProperty());
        effectiveField.textProperty().bindBidirectional(vm.effectiveAtProperty());
        effectiveError.textProperty().bind(vm.effectiveErrorProperty());
        EditorBindings.collapseWhenEmpty(effectiveError);
        reasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        emergencyBox.selectedProperty().bindBidirectional(vm.emergencyProperty());
        Shown.set(emergencyBox, vm.canOverride());
        for (Node n : new Node[] {rpmField, rpdField, concurrentField, effectiveField, earliestButton, reasonArea}) {
            n.setDisable(!vm.canEdit());
        }
        previewButton.disableProperty().bind(vm.canPreviewBinding().not());
        saveButton.disableProperty().bind(vm.canSaveBinding().not());
        EditorBindings.busy(progress, vm.previewLoader(), vm.savingProperty());
        EditorBindings.message(messageLabel, vm.previewLoader(), vm.messageProperty());
        ConflictDialog.bind(modal, vm.conflicts(), "these limits", vm::retryWithMine, vm::takeTheirs);
        // the Enterprise account picker
        accountList.setItems(vm.accountMatches());
        accountList.setPlaceholder(new Label("Search to list Enterprise accounts."));
        accountList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Account a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + "  ·  " + a.email() + "  ·  " + a.id()
                        + ("active".equals(a.status()) ? "" : "  ·  " + a.status()));
            }
        });
        accountList.getSelectionModel().selectedItemProperty().addListener((o, a, picked) -> vm.pickAccount(picked));
        EditorBindings.shownWhen(accountProgress, vm.searchingProperty());
        // withdrawing what is scheduled
        cancelReasonField.textProperty().bindBidirectional(vm.cancelReasonProperty());
        cancelReasonField.setDisable(!vm.canEdit());
        cancelScheduledButton.disableProperty().bind(vm.canCancelBinding().not());
        EditorBindings.shownWhen(previewPane, vm.previewCurrentProperty());
        EditorBindings.notice(noticeLabel, vm.noticeTextProperty(), vm.noticeOkProperty());
        reachLabel.textProperty().bind(vm.reachTextProperty());
        exceedanceList.setItems(vm.exceedance());
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML private void openAccount() { vm.openAccount(); }
    @FXML private void useEarliest() { vm.useEarliest(); }
    @FXML private void preview() { vm.preview(); }
    @FXML private void save() { vm.save(); }
    @FXML private void cancelScheduled() { vm.cancelScheduled(); }

    void focus() {
        tierTable.requestFocus();
    }
}
