package dev.gatehouse.console.refunds;

import dev.gatehouse.console.shell.Shown;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds refund-decision.fxml to {@link RefundDecisionViewModel}; only shows and forwards. */
public final class RefundDecisionController {
    private final RefundDecisionViewModel vm;
    private final Runnable close;

    @FXML private VBox refundDialogRoot;
    @FXML private Label refundDialogTitle;
    @FXML private Label refundDialogTarget;
    @FXML private VBox refundAmountBox;
    @FXML private Label refundAmountHint;
    @FXML private TextField refundAmountField;
    @FXML private Label refundCurrency;
    @FXML private CheckBox refundExceptionBox;
    @FXML private Label refundAmountError;
    @FXML private TextArea refundReasonArea;
    @FXML private Label refundReasonError;
    @FXML private VBox refundChangesBox;
    @FXML private HBox refundErrorBanner;
    @FXML private Label refundErrorLabel;
    @FXML private ProgressIndicator refundSubmitProgress;
    @FXML private Button refundCancelButton;
    @FXML private Button refundSubmitButton;

    public RefundDecisionController(RefundDecisionViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        refundDialogTitle.setText(vm.title());
        refundDialogTarget.setText(vm.target());
        Shown.when(refundAmountBox, javafx.beans.binding.Bindings.createBooleanBinding(vm::hasAmount));
        refundAmountField.textProperty().bindBidirectional(vm.amountProperty());
        refundAmountField.setEditable(vm.amountEditable());
        refundCurrency.setText(vm.detail().refund().currency());
        var e = vm.detail().eligibility();
        refundAmountHint.setText(vm.amountEditable() ? "exact, up to 6 decimals · refundable " + dev.gatehouse.console.accounts.AccountLabels.money(e.refundable(), vm.detail().refund().currency())
                : "the first approval's amount, confirmed as it is");
        refundExceptionBox.selectedProperty().bindBidirectional(vm.exceptionProperty());
        Shown.when(refundExceptionBox, vm.exceptionNeededProperty().or(vm.exceptionProperty()));
        refundAmountError.textProperty().bind(vm.amountErrorProperty());
        Shown.when(refundAmountError, vm.amountErrorProperty().isNotEmpty());
        refundAmountField.getStyleClass().add("amount-field");
        vm.amountErrorProperty().addListener((o, a, err) -> refundAmountField.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), !err.isEmpty()));
        refundReasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        refundReasonError.textProperty().bind(vm.reasonErrorProperty());
        Shown.when(refundReasonError, vm.reasonErrorProperty().isNotEmpty());
        vm.changes().addListener((ListChangeListener<String>) c -> showChanges());
        showChanges();
        refundErrorLabel.textProperty().bind(vm.errorProperty());
        Shown.when(refundErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(refundSubmitProgress, vm.submittingProperty());
        refundSubmitButton.setText(vm.submitText());
        if (vm.kind() == RefundDecisionViewModel.Kind.DENY) {
            refundSubmitButton.getStyleClass().add("danger");
        } else {
            refundSubmitButton.getStyleClass().add("accent");
        }
        vm.errorProperty().addListener((o, a, err) -> refundSubmitButton.setText(err.isEmpty() ? vm.submitText() : "Retry: " + vm.submitText()));
        refundSubmitButton.disableProperty().bind(vm.canSubmitBinding().not());
        refundCancelButton.disableProperty().bind(vm.submittingProperty());
        refundReasonArea.disableProperty().bind(vm.submittingProperty());
        refundAmountField.disableProperty().bind(vm.submittingProperty());
        vm.doneProperty().addListener((o, a, d) -> {
            if (d) {
                close.run();
            }
        });
        refundDialogRoot.addEventFilter(KeyEvent.KEY_PRESSED, ev -> {
            if (ev.isShortcutDown() && ev.getCode() == KeyCode.ENTER) {
                vm.submit();
                ev.consume();
            }
        });
        Platform.runLater(() -> (vm.amountEditable() ? refundAmountField : refundReasonArea).requestFocus());
    }

    private void showChanges() {
        refundChangesBox.getChildren().clear();
        for (String change : vm.changes()) {
            Label line = new Label(change, new FontIcon("mdoal-arrow_right"));
            line.setWrapText(true);
            line.getStyleClass().add("change-line");
            refundChangesBox.getChildren().add(line);
        }
    }

    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { close.run(); }
}
