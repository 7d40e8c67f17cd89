package dev.gatehouse.console.team;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.console.accounts.AccountCells;
import dev.gatehouse.console.actions.ActionDialog;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds team.fxml to {@link TeamViewModel}; the actions open the shared reason dialog over the screen. */
public final class TeamController {
    private final TeamViewModel vm;
    private final ModalLayer layer;

    @FXML private BorderPane teamRoot;
    @FXML private Label teamCountLabel;
    @FXML private Label teamListMessage;
    @FXML private ProgressBar teamLoadingBar;
    @FXML private Button teamRefreshButton;
    @FXML private Button inviteButton;
    @FXML private TableView<OperatorProfile> operatorsTable;
    @FXML private TableColumn<OperatorProfile, OperatorProfile> operatorNameColumn;
    @FXML private TableColumn<OperatorProfile, OperatorProfile> operatorRoleColumn;
    @FXML private TableColumn<OperatorProfile, OperatorProfile> operatorStatusColumn;
    @FXML private TableColumn<OperatorProfile, OperatorProfile> operatorSeenColumn;
    @FXML private TableColumn<OperatorProfile, OperatorProfile> operatorTokenColumn;
    @FXML private Label operatorsPlaceholder;
    @FXML private VBox tokenPanel;
    @FXML private Label tokenTitle;
    @FXML private TextField tokenField;
    @FXML private Button copyTokenButton;
    @FXML private Label copiedLabel;
    @FXML private Button dismissTokenButton;
    @FXML private VBox invitePanel;
    @FXML private TextField inviteNameField;
    @FXML private TextField inviteEmailField;
    @FXML private ComboBox<Role> inviteRoleField;
    @FXML private TextField inviteExpiresField;
    @FXML private TextField inviteReasonField;
    @FXML private HBox inviteErrorBanner;
    @FXML private Label inviteError;
    @FXML private ProgressIndicator inviteProgress;
    @FXML private Button inviteCancelButton;
    @FXML private Button inviteSendButton;
    @FXML private VBox operatorEmpty;
    @FXML private VBox operatorPanel;
    @FXML private Label operatorName;
    @FXML private Label operatorStatus;
    @FXML private Label operatorContact;
    @FXML private Label operatorFacts;
    @FXML private Label operatorMeNote;
    @FXML private ComboBox<Role> operatorRoleField;
    @FXML private Button changeRoleButton;
    @FXML private Button rotateButton;
    @FXML private Button deactivateButton;
    @FXML private Button reactivateButton;

    public TeamController(TeamViewModel vm, ModalLayer layer) {
        this.vm = vm;
        this.layer = layer;
    }

    @FXML
    private void initialize() {
        teamLoadingBar.visibleProperty().bind(vm.loadingProperty());
        teamRefreshButton.disableProperty().bind(vm.loadingProperty());
        teamListMessage.textProperty().bind(vm.listMessageProperty());
        Shown.when(teamListMessage, vm.listMessageProperty().isNotEmpty());
        operatorsPlaceholder.textProperty().bind(Bindings.when(vm.loadingProperty()).then("Loading the team…")
                .otherwise(Bindings.when(vm.listMessageProperty().isEmpty()).then("No operators").otherwise(vm.listMessageProperty())));
        vm.operators().addListener((ListChangeListener<OperatorProfile>) c -> teamCountLabel.setText(vm.countText()));
        bindTable();
        bindToken();
        bindInvite();
        bindDetail();
    }

    private void bindTable() {
        AccountCells.text(operatorNameColumn, OperatorProfile::name, o -> o.name() + "\n" + o.email() + "\n" + o.id());
        AccountCells.text(operatorRoleColumn, o -> Role.fromWire(o.role()).map(Role::label).orElse(o.role()));
        AccountCells.pill(operatorStatusColumn, OperatorProfile::status);
        AccountCells.text(operatorSeenColumn, vm::lastSeen);
        AccountCells.text(operatorTokenColumn, vm::tokenAge);
        operatorsTable.setItems(vm.operators());
        operatorsTable.getSelectionModel().selectedItemProperty().addListener((o, a, op) -> {
            if (op != null) {
                vm.selectedProperty().set(op);
            }
        });
        vm.selectedProperty().addListener((o, a, op) -> {
            if (op != null && operatorsTable.getSelectionModel().getSelectedItem() != op) {
                operatorsTable.getSelectionModel().select(op);
            }
        });
    }

    private void bindToken() {
        Shown.when(tokenPanel, vm.revealedProperty().isNotNull());
        vm.revealedProperty().addListener((o, a, t) -> {
            tokenTitle.setText(t == null ? "" : "New token for " + t.operatorName() + " (" + t.what() + ")");
            tokenField.setText(t == null ? "" : t.token());
            copiedLabel.setText("");
        });
    }

    private void bindInvite() {
        Shown.when(invitePanel, vm.invitingProperty());
        inviteRoleField.getItems().setAll(TeamViewModel.ROLES);
        inviteRoleField.setConverter(roleLabels());
        operatorRoleField.getItems().setAll(TeamViewModel.ROLES);
        operatorRoleField.setConverter(roleLabels());
        inviteNameField.textProperty().bindBidirectional(vm.inviteNameProperty());
        inviteEmailField.textProperty().bindBidirectional(vm.inviteEmailProperty());
        inviteRoleField.valueProperty().bindBidirectional(vm.inviteRoleProperty());
        inviteExpiresField.textProperty().bindBidirectional(vm.inviteExpiresProperty());
        inviteReasonField.textProperty().bindBidirectional(vm.inviteReasonProperty());
        inviteError.textProperty().bind(vm.inviteErrorProperty());
        Shown.when(inviteErrorBanner, vm.inviteErrorProperty().isNotEmpty());
        Shown.when(inviteProgress, vm.sendingProperty());
        inviteSendButton.disableProperty().bind(vm.sendingProperty());
        inviteCancelButton.disableProperty().bind(vm.sendingProperty());
        inviteButton.disableProperty().bind(vm.invitingProperty());
        vm.invitingProperty().addListener((o, a, inviting) -> {
            if (inviting) {
                inviteNameField.requestFocus();
            }
        });
    }

    private void bindDetail() {
        var selected = vm.selectedProperty();
        Shown.when(operatorEmpty, selected.isNull().and(vm.invitingProperty().not()));
        Shown.when(operatorPanel, selected.isNotNull().and(vm.invitingProperty().not()));
        operatorRoleField.valueProperty().bindBidirectional(vm.newRoleProperty());
        selected.addListener((o, a, op) -> showOperator(op));
        var active = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status().equals("active"), selected);
        Shown.when(deactivateButton, active);
        Shown.when(reactivateButton, active.not());
        changeRoleButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || vm.newRoleProperty().get() == null || vm.newRoleProperty().get().wire().equals(selected.get().role()),
                selected, vm.newRoleProperty()));
    }

    private void showOperator(OperatorProfile op) {
        if (op == null) {
            return;
        }
        operatorName.setText(op.name());
        AccountCells.style(operatorStatus, op.status());
        operatorContact.setText(op.email() + " · " + op.id());
        operatorFacts.setText("Last seen " + vm.lastSeen(op) + " · token " + vm.tokenAge(op));
        operatorMeNote.setText(vm.selectedIsMe() ? "This is you. Demoting or deactivating yourself ends your own access." : "");
        operatorMeNote.setVisible(vm.selectedIsMe());
        operatorMeNote.setManaged(vm.selectedIsMe());
    }

    private static StringConverter<Role> roleLabels() {
        return new StringConverter<>() {
            @Override public String toString(Role r) { return r == null ? "" : r.label(); }
            @Override public Role fromString(String s) { return null; }
        };
    }

    private void open(ActionDialogViewModel<?> dialog, boolean destructive) {
        if (dialog != null) {
            ActionDialog.open(layer, dialog, destructive);
            dialog.refreshPreview();
        }
    }

    void focus() {
        operatorsTable.requestFocus();
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void invite() { vm.startInvite(); }
    @FXML private void cancelInvite() { vm.cancelInvite(); }
    @FXML private void sendInvite() { vm.invite(); }
    @FXML private void dismissToken() { vm.dismissToken(); }
    @FXML private void changeRole() { open(vm.changeRoleDialog(), false); }
    @FXML private void rotate() { open(vm.actionDialog("rotate_token"), false); }
    @FXML private void deactivate() { open(vm.actionDialog("deactivate"), true); }
    @FXML private void reactivate() { open(vm.actionDialog("reactivate"), false); }

    @FXML
    private void copyToken() {
        ClipboardContent content = new ClipboardContent();
        content.putString(tokenField.getText());
        Clipboard.getSystemClipboard().setContent(content);
        copiedLabel.setText("Copied to the clipboard.");
    }
}
