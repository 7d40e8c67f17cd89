package dev.gatehouse.console.accounts;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.console.accounts.AccountEditViewModel.State;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds account-edit.fxml to {@link AccountEditViewModel}. */
public final class AccountEditController {
    private final AccountEditViewModel vm;
    private final Runnable close;

    @FXML private VBox editRoot;
    @FXML private Label editTarget;
    @FXML private ComboBox<String> tierField;
    @FXML private TextField nameField;
    @FXML private TextField emailField;
    @FXML private TextField editReasonField;
    @FXML private Label permissionNote;
    @FXML private VBox conflictBox;
    @FXML private VBox conflictLines;
    @FXML private HBox editErrorBanner;
    @FXML private Label editError;
    @FXML private ProgressIndicator saveProgress;
    @FXML private Button editCancelButton;
    @FXML private Button keepTheirsButton;
    @FXML private Button retryMineButton;
    @FXML private Button saveButton;

    public AccountEditController(AccountEditViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        editTarget.setText(vm.original().name() + " · " + vm.original().id());
        tierField.getItems().setAll(AccountEditViewModel.TIERS);
        tierField.setConverter(new StringConverter<>() {
            @Override public String toString(String wire) { return AccountLabels.tier(wire); }
            @Override public String fromString(String text) { return text; }
        });
        tierField.valueProperty().bindBidirectional(vm.tierProperty());
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        emailField.textProperty().bindBidirectional(vm.emailProperty());
        editReasonField.textProperty().bindBidirectional(vm.reasonProperty());
        var saving = vm.stateProperty().isEqualTo(State.SAVING);
        tierField.disableProperty().bind(saving.or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.canChangeTier())));
        nameField.setDisable(!vm.canChangeContact());
        emailField.setDisable(!vm.canChangeContact());
        if (!vm.canChangeContact()) {
            permissionNote.setText("Your role may change the tier but not the name or email (support, ops and leads may).");
        } else if (!vm.canChangeTier()) {
            permissionNote.setText("Your role may change the name and email but not the tier (ops and leads may).");
        } else {
            permissionNote.setText("Only the fields you change are sent; another operator's change is never overwritten.");
        }
        var conflict = vm.stateProperty().isEqualTo(State.CONFLICT);
        Shown.when(conflictBox, conflict);
        Shown.when(keepTheirsButton, conflict);
        Shown.when(retryMineButton, conflict);
        Shown.when(saveButton, conflict.not());
        vm.conflicts().addListener((ListChangeListener<String>) c -> {
            conflictLines.getChildren().clear();
            for (String line : vm.conflicts()) {
                Label l = new Label("• " + line);
                l.setWrapText(true);
                l.getStyleClass().add("conflict-line");
                conflictLines.getChildren().add(l);
            }
        });
        editError.textProperty().bind(vm.errorProperty());
        Shown.when(editErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(saveProgress, saving);
        saveButton.disableProperty().bind(saving);
        retryMineButton.disableProperty().bind(saving);
        keepTheirsButton.disableProperty().bind(saving);
        editCancelButton.disableProperty().bind(saving);
        vm.stateProperty().addListener((o, a, s) -> {
            if (s == State.DONE) {
                close.run();
            }
        });
    }

    @FXML private void save() { vm.save(); }
    @FXML private void retryWithMine() { vm.retryWithMine(); }
    @FXML private void keepTheirs() { vm.keepTheirs(); }
    @FXML private void cancel() { close.run(); }
}
