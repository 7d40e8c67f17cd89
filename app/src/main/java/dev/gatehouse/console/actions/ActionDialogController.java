package dev.gatehouse.console.actions;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.console.actions.ActionDialogViewModel.PreviewState;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds action-dialog.fxml to {@link ActionDialogViewModel}; only shows and forwards. */
public final class ActionDialogController {
    private final ActionDialogViewModel<?> vm;
    private final boolean destructive;
    private final Runnable close;
    private final PauseTransition previewDebounce = new PauseTransition(Duration.millis(400));

    @FXML private VBox dialogRoot;
    @FXML private Label dialogTitle;
    @FXML private Label dialogTarget;
    @FXML private TextArea reasonArea;
    @FXML private Label reasonError;
    @FXML private VBox durationBox;
    @FXML private TextField durationField;
    @FXML private Label durationError;
    @FXML private VBox changesBox;
    @FXML private ProgressIndicator previewProgress;
    @FXML private Label previewMessage;
    @FXML private Label auditActor;
    @FXML private Label auditAction;
    @FXML private Label auditTarget;
    @FXML private Label auditReason;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator submitProgress;
    @FXML private Button cancelButton;
    @FXML private Button submitButton;

    public ActionDialogController(ActionDialogViewModel<?> vm, boolean destructive, Runnable close) {
        this.vm = vm;
        this.destructive = destructive;
        this.close = close;
    }

    @FXML
    private void initialize() {
        dialogTitle.setText(vm.title());
        dialogTarget.setText(vm.targetLabel());
        reasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        Shown.when(reasonError, vm.reasonErrorProperty().isNotEmpty());
        reasonError.textProperty().bind(vm.reasonErrorProperty());

        Shown.when(durationBox, javafx.beans.binding.Bindings.createBooleanBinding(vm::acceptsDuration));
        durationField.textProperty().bindBidirectional(vm.durationProperty());
        durationError.textProperty().bind(vm.durationErrorProperty());
        Shown.when(durationError, vm.durationErrorProperty().isNotEmpty());
        previewDebounce.setOnFinished(e -> vm.refreshPreview());
        vm.durationProperty().addListener((o, a, b) -> previewDebounce.playFromStart());

        Shown.when(previewProgress, vm.previewStateProperty().isEqualTo(PreviewState.LOADING));
        previewMessage.textProperty().bind(vm.previewMessageProperty());
        Shown.when(previewMessage, vm.previewMessageProperty().isNotEmpty());
        vm.previewStateProperty().addListener((o, a, s) -> {
            previewMessage.getStyleClass().removeAll("field-error");
            if (s == PreviewState.REFUSED) {
                previewMessage.getStyleClass().add("field-error");
            }
        });
        vm.changes().addListener((ListChangeListener<String>) c -> showChanges());
        vm.auditProperty().addListener((o, a, entry) -> showAudit(entry));
        auditReason.textProperty().bind(vm.reasonProperty().map(r -> r == null || r.isBlank() ? "(type a reason above)" : r.strip()));

        errorLabel.textProperty().bind(vm.errorProperty());
        Shown.when(errorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(submitProgress, vm.submittingProperty());
        submitButton.setText(vm.title());
        if (destructive) {
            submitButton.getStyleClass().add("danger");
        }
        vm.errorProperty().addListener((o, a, e) -> submitButton.setText(e.isEmpty() ? vm.title() : "Retry: " + vm.title()));
        submitButton.disableProperty().bind(vm.canSubmitBinding().not());
        cancelButton.disableProperty().bind(vm.submittingProperty());
        reasonArea.disableProperty().bind(vm.submittingProperty());
        durationField.disableProperty().bind(vm.submittingProperty());
        vm.doneProperty().addListener((o, a, d) -> {
            if (d) {
                close.run();
            }
        });
        // Enter writes a new line in the reason; Ctrl+Enter sends, so the dialog works without the mouse.
        dialogRoot.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.submit();
                e.consume();
            }
        });
        vm.refreshPreview();
        Platform.runLater(reasonArea::requestFocus);
    }

    private void showChanges() {
        changesBox.getChildren().clear();
        for (String change : vm.changes()) {
            FontIcon icon = new FontIcon("mdoal-arrow_right");
            Label line = new Label(change, icon);
            line.setWrapText(true);
            line.getStyleClass().add("change-line");
            changesBox.getChildren().add(line);
        }
    }

    private void showAudit(AuditEntry entry) {
        auditActor.setText(entry == null ? "—" : entry.actor() + " (you)");
        auditAction.setText(entry == null ? "—" : entry.action());
        auditTarget.setText(entry == null ? "—" : entry.target());
    }

    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { close.run(); }
    @FXML private void durationDay() { vm.durationProperty().set("24"); }
    @FXML private void durationWeek() { vm.durationProperty().set("168"); }
    @FXML private void durationMonth() { vm.durationProperty().set("720"); }
    @FXML private void durationNone() { vm.durationProperty().set(""); }

    public VBox root() {
        return dialogRoot;
    }
}
