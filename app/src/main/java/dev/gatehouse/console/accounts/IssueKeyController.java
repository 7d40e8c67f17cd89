package dev.gatehouse.console.accounts;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Views;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds issue-key.fxml to {@link IssueKeyViewModel}: the form, then the secret shown once. */
public final class IssueKeyController {
    private final IssueKeyViewModel vm;
    private final Runnable close;

    @FXML private VBox issueKeyRoot;
    @FXML private Label issueTitle;
    @FXML private Label issueTarget;
    @FXML private VBox issueForm;
    @FXML private TextField issueName;
    @FXML private ToggleGroup issueModeGroup;
    @FXML private RadioButton issueLive;
    @FXML private RadioButton issueTest;
    @FXML private TextField issueExpires;
    @FXML private TextField issueReason;
    @FXML private VBox issuePreview;
    @FXML private HBox issueErrorBanner;
    @FXML private Label issueError;
    @FXML private ProgressIndicator issueProgress;
    @FXML private Button issueCancel;
    @FXML private Button issueSubmit;
    @FXML private VBox secretPanel;
    @FXML private Label secretTitle;
    @FXML private TextField secretField;
    @FXML private Button copySecretButton;
    @FXML private CheckBox secretStored;
    @FXML private Label copiedLabel;
    @FXML private HBox lostPanel;
    @FXML private Label lostMessage;
    @FXML private HBox doneBar;
    @FXML private Button issueDone;

    public IssueKeyController(IssueKeyViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    public static void open(ModalLayer layer, IssueKeyViewModel vm) {
        Region view = (Region) Views.load("issue-key.fxml", new IssueKeyController(vm, layer::close));
        layer.show(view, Pos.CENTER, null);
    }

    /** The system clipboard; called on the FX thread. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void initialize() {
        IssueKeyViewModel.Target t = vm.target();
        issueTarget.setText(vm.issuedSubtitle());
        if (t.replaces() != null) {
            issueTitle.setText("Issue a replacement key");
        }
        issueName.textProperty().bindBidirectional(vm.nameProperty());
        issueExpires.textProperty().bindBidirectional(vm.expiresProperty());
        issueReason.textProperty().bindBidirectional(vm.reasonProperty());
        issueLive.setUserData("live");
        issueTest.setUserData("test");
        issueModeGroup.selectToggle("test".equals(vm.modeProperty().get()) ? issueTest : issueLive);
        issueModeGroup.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                vm.modeProperty().set((String) now.getUserData());
            }
        });
        NewAccountController.lines(issuePreview, vm.previewProperty().get());
        vm.previewProperty().addListener((o, a, p) -> NewAccountController.lines(issuePreview, p));
        issueError.textProperty().bind(vm.errorProperty());
        Shown.when(issueErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(issueProgress, vm.savingProperty());
        issueSubmit.disableProperty().bind(vm.savingProperty());
        issueCancel.disableProperty().bind(vm.savingProperty());
        issueName.disableProperty().bind(vm.savingProperty());
        issueReason.disableProperty().bind(vm.savingProperty());

        var stage = vm.stageProperty();
        Shown.when(issueForm, stage.isEqualTo(IssueKeyViewModel.Stage.FORM));
        Shown.when(secretPanel, stage.isEqualTo(IssueKeyViewModel.Stage.SHOWN));
        Shown.when(lostPanel, stage.isEqualTo(IssueKeyViewModel.Stage.LOST));
        Shown.when(doneBar, stage.isNotEqualTo(IssueKeyViewModel.Stage.FORM));
        stage.addListener((o, a, s) -> {
            issueTitle.setText(s == IssueKeyViewModel.Stage.FORM ? issueTitle.getText() : vm.issuedTitle());
            issueTarget.setText(vm.issuedSubtitle());
            lostMessage.setText(vm.lostMessage());
            if (s == IssueKeyViewModel.Stage.SHOWN) {
                secretField.requestFocus();
                secretField.selectAll();
            }
        });
        secretTitle.setText("The secret, shown once");
        secretField.textProperty().bind(vm.secretProperty());
        copiedLabel.textProperty().bind(vm.copiedProperty());
        vm.storedProperty().addListener((o, a, kept) -> secretStored.setSelected(kept));
        secretStored.selectedProperty().addListener((o, a, kept) -> vm.markStored(kept));
        // Done closes the secret for good: only once it is copied or stored (a lost secret has nothing to keep)
        issueDone.disableProperty().bind(stage.isEqualTo(IssueKeyViewModel.Stage.SHOWN).and(vm.storedProperty().not()));
        // Escape closes a dialog; while an unkept secret is on screen it would lose it for good
        issueKeyRoot.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && (vm.savingProperty().get()
                    || stage.get() == IssueKeyViewModel.Stage.SHOWN && !vm.storedProperty().get())) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && stage.get() != IssueKeyViewModel.Stage.FORM) {
                e.consume();
                vm.finish();
            }
        });
        vm.doneProperty().addListener((o, a, d) -> {
            if (d) {
                close.run();
            }
        });
    }

    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { close.run(); }
    @FXML private void copy() { vm.copy(); }
    @FXML private void done() { vm.finish(); }
}
