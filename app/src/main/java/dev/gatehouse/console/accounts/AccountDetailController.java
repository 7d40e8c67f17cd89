package dev.gatehouse.console.accounts;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.CreditLot;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.actions.ActionDialog;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


/** Binds account-detail.fxml (the 360° view of one account) to {@link AccountDetailViewModel}. */
public final class AccountDetailController {
    private static final PseudoClass EXPIRED = PseudoClass.getPseudoClass("expired");

    private final AccountDetailViewModel vm;
    private final ModalLayer layer;

    @FXML private StackPane accountDetailRoot;
    @FXML private VBox detailEmpty;
    @FXML private VBox detailLoading;
    @FXML private VBox detailError;
    @FXML private Label detailErrorMessage;
    @FXML private ScrollPane detailScroll;
    @FXML private Label accountName;
    @FXML private Label accountStatus;
    @FXML private Label accountTier;
    @FXML private Label accountContact;
    @FXML private Label accountSince;
    @FXML private Label accountSuspension;
    @FXML private Button warnButton;
    @FXML private Button suspendButton;
    @FXML private Button reinstateButton;
    @FXML private Button terminateButton;
    @FXML private Button editButton;
    @FXML private Button grantCreditsButton;
    @FXML private Button issueKeyButton;
    @FXML private Label actionsNote;
    @FXML private Label balanceLabel;
    @FXML private Label balanceNote;
    @FXML private Label lotsSummary;
    @FXML private TableView<CreditLot> lotsTable;
    @FXML private TableColumn<CreditLot, CreditLot> lotKindColumn;
    @FXML private TableColumn<CreditLot, CreditLot> lotAmountColumn;
    @FXML private TableColumn<CreditLot, CreditLot> lotRemainingColumn;
    @FXML private TableColumn<CreditLot, CreditLot> lotPaidColumn;
    @FXML private TableColumn<CreditLot, CreditLot> lotPurchasedColumn;
    @FXML private TableColumn<CreditLot, CreditLot> lotExpiresColumn;
    @FXML private Label keysSummary;
    @FXML private TableView<ApiKey> accountKeysTable;
    @FXML private TableColumn<ApiKey, ApiKey> keyMaskedColumn;
    @FXML private TableColumn<ApiKey, ApiKey> keyNameColumn;
    @FXML private TableColumn<ApiKey, ApiKey> keyModeColumn;
    @FXML private TableColumn<ApiKey, ApiKey> keyStatusColumn;
    @FXML private TableColumn<ApiKey, ApiKey> keyLastUsedColumn;
    @FXML private Button suspendKeyButton;
    @FXML private Button reinstateKeyButton;
    @FXML private Button revokeKeyButton;
    @FXML private TableView<LedgerEntry> ledgerTable;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> ledgerAtColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> ledgerKindColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> ledgerAmountColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> ledgerBalanceColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> ledgerDescriptionColumn;
    @FXML private Label ledgerPlaceholder;
    @FXML private Label ledgerCount;
    @FXML private ProgressIndicator ledgerProgress;
    @FXML private Button loadMoreLedgerButton;
    @FXML private TableView<EnforcementAction> enforcementTable;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> enfAtColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> enfActionColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> enfReasonColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> enfActorColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> enfUntilColumn;
    @FXML private Label zoneNote;

    public AccountDetailController(AccountDetailViewModel vm, ModalLayer layer) {
        this.vm = vm;
        this.layer = layer;
    }

    @FXML
    private void initialize() {
        var state = vm.stateProperty();
        Shown.when(detailEmpty, state.isEqualTo(Loader.State.IDLE));
        Shown.when(detailLoading, state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNull()));
        Shown.when(detailError, state.isEqualTo(Loader.State.FAILED));
        // While a reload runs (after an action) the account stays up, so the view does not flash.
        Shown.when(detailScroll, state.isEqualTo(Loader.State.LOADED)
                .or(state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNotNull())));
        detailErrorMessage.textProperty().bind(vm.messageProperty());
        vm.headerProperty().addListener((o, a, text) -> showHeader(text));
        vm.summaryProperty().addListener((o, a, summary) -> showSummaries(summary));
        bindActions();
        bindLots();
        bindKeys();
        bindLedger();
        bindEnforcement();
        zoneNote.setText("Times in " + vm.time().zone().getId() + ".");
    }

    private void showHeader(AccountText a) {
        if (a == null) {
            return;
        }
        accountName.setText(a.name());
        AccountCells.style(accountStatus, a.status());
        accountTier.setText(a.tier());
        accountContact.setText(a.contact());
        accountSince.setText(a.since());
        accountSuspension.setVisible(a.suspended());
        accountSuspension.setManaged(a.suspended());
        accountSuspension.setText(a.suspension());
        balanceLabel.setText(a.balance());
    }

    private void showSummaries(AccountText.Summary s) {
        if (s == null) {
            return;
        }
        balanceNote.setText(s.balanceNote());
        lotsSummary.setText(s.lots());
        keysSummary.setText(s.keys());
    }

    private void bindActions() {
        bindAction(warnButton, vm.availabilityProperty(AccountAction.WARN));
        bindAction(suspendButton, vm.availabilityProperty(AccountAction.SUSPEND));
        bindAction(reinstateButton, vm.availabilityProperty(AccountAction.REINSTATE));
        bindAction(terminateButton, vm.availabilityProperty(AccountAction.TERMINATE));
        bindAction(editButton, vm.editProperty());
        grantCreditsButton.disableProperty().bind(vm.accountProperty().map(a -> !vm.grantAvailability().allowed()));
        bindAction(issueKeyButton, vm.accountProperty().map(a -> vm.issueKeyAvailability()));
        // A disabled button shows no tooltip, so why the ladder is closed is said in words under it.
        actionsNote.textProperty().bind(vm.actionsNoteProperty());
        actionsNote.visibleProperty().bind(actionsNote.textProperty().isNotEmpty());
        actionsNote.managedProperty().bind(actionsNote.visibleProperty());
    }

    private static void bindAction(Button button, ObservableValue<Availability> availability) {
        button.disableProperty().bind(availability.map(a -> !a.allowed()));
        availability.addListener((o, a, now) -> tooltip(button, now));
        tooltip(button, availability.getValue());
    }

    private static void tooltip(Button button, Availability a) {
        button.setTooltip(a == null || a.why().isEmpty() ? null : new Tooltip(a.why()));
    }

    private void bindLots() {
        OperatorTime t = vm.time();
        AccountCells.text(lotKindColumn, l -> AccountLabels.kind(l.kind()));
        AccountCells.text(lotAmountColumn, l -> AccountLabels.money(l.amount(), l.currency()));
        AccountCells.text(lotRemainingColumn, l -> AccountLabels.money(l.remaining(), l.currency()));
        AccountCells.text(lotPaidColumn, AccountText::lotPaid);
        AccountCells.text(lotPurchasedColumn, l -> t.date(l.purchasedAt()), l -> t.both(l.purchasedAt(), "—"));
        AccountCells.text(lotExpiresColumn, l -> AccountText.lotExpires(l, t), l -> t.both(l.expiresAt(), "never expires"));
        lotsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CreditLot lot, boolean empty) {
                super.updateItem(lot, empty);
                pseudoClassStateChanged(EXPIRED, !empty && lot != null && lot.expired());
            }
        });
        lotsTable.setItems(vm.lots());
        AccountCells.fitRows(lotsTable, vm.lots(), 8);
    }

    private void bindKeys() {
        OperatorTime t = vm.time();
        AccountCells.text(keyMaskedColumn, ApiKey::masked);
        AccountCells.text(keyNameColumn, AccountText::keyName);
        AccountCells.text(keyModeColumn, k -> k.mode());
        AccountCells.pill(keyStatusColumn, ApiKey::status);
        AccountCells.text(keyLastUsedColumn, k -> k.lastUsedAt() == null ? "never" : t.day(k.lastUsedAt()), k -> t.both(k.lastUsedAt(), "never used"));
        accountKeysTable.setItems(vm.keys());
        AccountCells.fitRows(accountKeysTable, vm.keys(), 8);
        var selected = accountKeysTable.getSelectionModel().selectedItemProperty();
        bindKeyAction(suspendKeyButton, selected, KeyAction.SUSPEND);
        bindKeyAction(reinstateKeyButton, selected, KeyAction.REINSTATE);
        bindKeyAction(revokeKeyButton, selected, KeyAction.REVOKE);
    }

    private void bindKeyAction(Button button, ObservableValue<ApiKey> selected, KeyAction action) {
        ObservableValue<Availability> availability = Bindings.createObjectBinding(() -> selected.getValue() == null
                ? new Availability(false, "Select a key in the table first.")
                : vm.keyAvailability(selected.getValue(), action), selected, vm.keys());
        bindAction(button, availability);
    }

    private void bindLedger() {
        OperatorTime t = vm.time();
        AccountCells.text(ledgerAtColumn, e -> t.day(e.at()), e -> t.both(e.at(), "—"));
        AccountCells.text(ledgerKindColumn, e -> AccountLabels.kind(e.kind()));
        AccountCells.text(ledgerAmountColumn, e -> AccountLabels.signed(e.amount(), e.currency()));
        AccountCells.text(ledgerBalanceColumn, e -> AccountLabels.money(e.balanceAfter(), e.currency()));
        AccountCells.text(ledgerDescriptionColumn, e -> e.description() == null ? "" : e.description());
        ledgerTable.setItems(vm.ledger());
        ledgerPlaceholder.textProperty().bind(Bindings.when(vm.ledgerMessageProperty().isEmpty())
                .then("Loading the ledger…").otherwise(vm.ledgerMessageProperty()));
        ledgerCount.textProperty().bind(vm.ledgerCountProperty());
        Shown.when(ledgerProgress, vm.ledgerLoadingProperty());
        Shown.when(loadMoreLedgerButton, vm.ledgerMoreProperty());
        loadMoreLedgerButton.disableProperty().bind(vm.ledgerLoadingProperty());
    }

    private void bindEnforcement() {
        OperatorTime t = vm.time();
        AccountCells.text(enfAtColumn, e -> t.day(e.at()), e -> t.both(e.at(), "—"));
        AccountCells.text(enfActionColumn, vm::enforcementAction);
        AccountCells.text(enfReasonColumn, EnforcementAction::reason);
        AccountCells.text(enfActorColumn, EnforcementAction::actor);
        AccountCells.text(enfUntilColumn, e -> AccountText.enforcementUntil(e, t));
        enforcementTable.setItems(vm.enforcement());
        AccountCells.fitRows(enforcementTable, vm.enforcement(), 6);
    }

    private void openAccountAction(AccountAction action) {
        ActionDialog.open(layer, vm.accountAction(action), ActionOptions.destructive(action));
    }

    private void openKeyAction(KeyAction action) {
        ApiKey key = accountKeysTable.getSelectionModel().getSelectedItem();
        if (key != null) {
            ActionDialog.open(layer, vm.keyAction(key, action), ActionOptions.destructive(action));
        }
    }

    @FXML private void retry() { vm.reload(); }
    @FXML private void warn() { openAccountAction(AccountAction.WARN); }
    @FXML private void suspend() { openAccountAction(AccountAction.SUSPEND); }
    @FXML private void reinstate() { openAccountAction(AccountAction.REINSTATE); }
    @FXML private void terminate() { openAccountAction(AccountAction.TERMINATE); }
    @FXML private void suspendKey() { openKeyAction(KeyAction.SUSPEND); }
    @FXML private void reinstateKey() { openKeyAction(KeyAction.REINSTATE); }
    @FXML private void revokeKey() { openKeyAction(KeyAction.REVOKE); }
    @FXML private void loadMoreLedger() { vm.loadMoreLedger(); }
    @FXML private void edit() { AccountEditDialog.open(layer, vm.edit()); }
    @FXML private void grantCredits() { GrantCreditsController.open(layer, vm.grantCredits()); }
    @FXML private void issueKey() { IssueKeyController.open(layer, vm.issueKey(IssueKeyController::copyToClipboard)); }

    public StackPane root() {
        return accountDetailRoot;
    }
}
