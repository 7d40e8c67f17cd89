package dev.gatehouse.console.refunds;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.console.accounts.AccountCells;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.TextFilter;
import dev.gatehouse.console.shell.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds refunds.fxml to {@link RefundsViewModel}; decisions open in the reason-dialog style, the policy in a drawer. */
public final class RefundsController {
    private static final Duration FILTER_SETTLE = Duration.millis(300);
    private final RefundsViewModel vm;
    private final ModalLayer layer;
    private TextFilter accountFilter;

    @FXML private BorderPane refundsRoot;
    @FXML private Label refundsCountLabel;
    @FXML private ProgressBar refundsLoadingBar;
    @FXML private Button refundsRefreshButton;
    @FXML private Label presetLabel;
    @FXML private Button policyButton;
    @FXML private ComboBox<dev.gatehouse.policy.RefundState> refundStateFilter;
    @FXML private ComboBox<dev.gatehouse.policy.RefundEligibility.Verdict> refundVerdictFilter;
    @FXML private TextField refundAccountField;
    @FXML private Button refundsClearFiltersButton;
    @FXML private SplitPane refundsSplit;
    @FXML private TableView<Refund> refundsTable;
    @FXML private TableColumn<Refund, Refund> refundAccountColumn;
    @FXML private TableColumn<Refund, Refund> refundAmountColumn;
    @FXML private TableColumn<Refund, Refund> refundVerdictColumn;
    @FXML private TableColumn<Refund, Refund> refundStateColumn;
    @FXML private TableColumn<Refund, Refund> refundRequestedColumn;
    @FXML private VBox refundsPlaceholder;
    @FXML private ProgressIndicator refundsPlaceholderProgress;
    @FXML private FontIcon refundsPlaceholderIcon;
    @FXML private Label refundsPlaceholderTitle;
    @FXML private Label refundsPlaceholderMessage;
    @FXML private Button refundsPlaceholderButton;
    @FXML private HBox refundsFooter;
    @FXML private Label refundsFooterMessage;
    @FXML private Button loadMoreRefundsButton;
    @FXML private VBox refundDetailEmpty;
    @FXML private VBox refundDetailLoading;
    @FXML private VBox refundDetailError;
    @FXML private Label refundDetailErrorMessage;
    @FXML private ScrollPane refundDetailScroll;
    @FXML private Label refundTitle;
    @FXML private Label refundState;
    @FXML private Label refundSubtitle;
    @FXML private Button approveRefundButton;
    @FXML private Button denyRefundButton;
    @FXML private Button retryPayoutButton;
    @FXML private Label refundActionNote;
    @FXML private Label refundVerdict;
    @FXML private Label refundRefundable;
    @FXML private Label refundDecidingRule;
    @FXML private Label refundCap;
    @FXML private Label refundFourEyes;
    @FXML private VBox refundReasons;
    @FXML private Label lotBought;
    @FXML private Label lotUsed;
    @FXML private Label lotHeld;
    @FXML private Label lotExpiring;
    @FXML private Label lotRefunded;
    @FXML private Label refundAccountCredits;
    @FXML private TableView<LedgerEntry> lotHistoryTable;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> historyAtColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> historyKindColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> historyAmountColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> historyDescriptionColumn;
    @FXML private Label refundDecision;
    @FXML private Label refundZoneNote;

    public RefundsController(RefundsViewModel vm, ModalLayer layer) {
        this.vm = vm;
        this.layer = layer;
    }

    @FXML
    private void initialize() {
        SplitPane.setResizableWithParent(refundsSplit.getItems().get(1), false);
        refundsCountLabel.textProperty().bind(vm.list().countTextProperty());
        refundsLoadingBar.visibleProperty().bind(vm.loadingProperty());
        refundsRefreshButton.disableProperty().bind(vm.loadingProperty());
        presetLabel.textProperty().bind(vm.presetTextProperty());
        accountFilter = TextFilter.bind(refundAccountField, vm.accountIdProperty(), FILTER_SETTLE);
        FilterOptions.bind(refundStateFilter, vm.stateProperty(), RefundsViewModel.STATES,
                s -> s == null ? "Any state" : AccountLabels.word(s.wire(), "Any state"));
        FilterOptions.bind(refundVerdictFilter, vm.verdictProperty(), RefundsViewModel.VERDICTS,
                v -> v == null ? "Any verdict" : AccountLabels.word(v.wire(), "Any verdict"));
        refundsClearFiltersButton.visibleProperty().bind(vm.list().filteredProperty().or(refundAccountField.textProperty().isNotEmpty()));
        bindTable();
        bindDetail();
    }

    private void bindTable() {
        OperatorTime t = vm.time();
        AccountCells.text(refundAccountColumn, Refund::accountName, r -> r.accountName() + "\n" + r.accountId() + "\n" + r.id());
        AccountCells.text(refundAmountColumn, r -> AccountLabels.money(r.requestedAmount(), r.currency()));
        AccountCells.pill(refundVerdictColumn, Refund::verdict);
        AccountCells.pill(refundStateColumn, Refund::state);
        AccountCells.text(refundRequestedColumn, r -> t.relative(r.requestedAt()), r -> t.both(r.requestedAt(), "—"));
        ListDetailTable.bind(refundsTable, vm.model(), refundsRoot);
        new PagedListView(refundsPlaceholder, refundsPlaceholderProgress, refundsPlaceholderIcon, refundsPlaceholderTitle,
                refundsPlaceholderMessage, refundsPlaceholderButton, refundsFooter, refundsFooterMessage, loadMoreRefundsButton)
                .bind(vm.list(), "refunds", vm::reload, this::clearFilters);
    }

    private void bindDetail() {
        var state = vm.detail().stateProperty();
        Shown.when(refundDetailEmpty, state.isEqualTo(Loader.State.IDLE));
        Shown.when(refundDetailLoading, state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNull()));
        Shown.when(refundDetailError, state.isEqualTo(Loader.State.FAILED));
        Shown.when(refundDetailScroll, state.isEqualTo(Loader.State.LOADED)
                .or(state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNotNull())));
        refundDetailErrorMessage.textProperty().bind(vm.detail().messageProperty());
        vm.detailProperty().addListener((o, a, d) -> {
            if (d != null) {
                showText(RefundText.of(d, vm.time()));
            }
        });
        bindAction(approveRefundButton, vm.approveProperty());
        approveRefundButton.textProperty().bind(vm.approveTextProperty());
        bindAction(denyRefundButton, vm.denyProperty());
        bindAction(retryPayoutButton, vm.retryProperty());
        Shown.when(retryPayoutButton, vm.retryProperty().map(Availability::allowed));
        refundActionNote.textProperty().bind(Bindings.createStringBinding(() -> {
            Availability a = vm.approveProperty().get();
            return a == null || a.allowed() || a.why().startsWith("Select") || a.why().startsWith("A ") ? "" : a.why();
        }, vm.approveProperty()));
        Shown.when(refundActionNote, refundActionNote.textProperty().isNotEmpty());
        vm.reasons().addListener((ListChangeListener<RefundEligibilityView.Line>) c -> showReasons());
        OperatorTime t = vm.time();
        AccountCells.text(historyAtColumn, e -> t.relative(e.at()), e -> t.both(e.at(), "—"));
        AccountCells.text(historyKindColumn, e -> AccountLabels.kind(e.kind()));
        AccountCells.text(historyAmountColumn, e -> (e.amount().signum() > 0 ? "+" : "") + RefundText.credits(e.amount()));
        AccountCells.text(historyDescriptionColumn, e -> e.description() == null ? "" : e.description());
        lotHistoryTable.setItems(vm.history());
        AccountCells.fitRows(lotHistoryTable, vm.history(), 8);
        refundZoneNote.setText("Times in " + t.zone().getId() + ".");
    }

    private void showText(RefundText x) {
        refundTitle.setText(x.title());
        AccountCells.style(refundState, x.state());
        refundSubtitle.setText(x.subtitle());
        AccountCells.style(refundVerdict, x.verdict());
        refundRefundable.setText(x.refundable());
        refundDecidingRule.setText(x.decidingRule());
        refundCap.setText(x.cap());
        refundFourEyes.setText(x.fourEyes());
        lotBought.setText(x.bought());
        lotUsed.setText(x.used());
        lotHeld.setText(x.held());
        lotExpiring.setText(x.expiring());
        lotRefunded.setText(x.refundedBefore());
        refundAccountCredits.setText(x.accountCredits());
        refundDecision.setText(x.decision());
    }

    private void showReasons() {
        refundReasons.getChildren().clear();
        boolean first = true;
        for (RefundEligibilityView.Line line : vm.reasons()) {
            Label l = new Label(line.text(), new FontIcon(first ? "mdoal-gavel" : "mdoal-info"));
            l.setWrapText(true);
            l.getStyleClass().add(first ? "reason-deciding" : "reason-line");
            refundReasons.getChildren().add(l);
            first = false;
        }
    }

    private static void bindAction(Button button, ObservableValue<Availability> availability) {
        button.disableProperty().bind(availability.map(a -> !a.allowed()));
    }

    private void openDecision(RefundDecisionViewModel dialog) {
        RefundDecisionController controller = new RefundDecisionController(dialog, layer::close);
        Region view = (Region) Views.load("refund-decision.fxml", controller);
        layer.show(view, Pos.CENTER, null);
    }

    @FXML
    private void openPolicy() {
        PolicyPanelViewModel panel = vm.policyPanel();
        Region view = (Region) Views.load("policy-panel.fxml", new PolicyPanelController(panel, layer::close));
        view.setPrefWidth(Math.max(560, refundsRoot.getWidth() * 0.45));
        layer.show(view, Pos.CENTER_RIGHT, null);
    }

    void focus() {
        refundsTable.requestFocus();
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void retryDetail() { vm.reloadDetail(); }
    @FXML private void approve() { if (vm.detailProperty().get() != null) openDecision(vm.approveDialog()); }
    @FXML private void deny() { if (vm.detailProperty().get() != null) openDecision(vm.denyDialog()); }
    @FXML private void retryPayout() { if (vm.detailProperty().get() != null) openDecision(vm.retryDialog()); }
    @FXML private void showWaiting() { vm.showWaiting(); }
    @FXML private void clearFilters() {
        accountFilter.cancel();
        vm.clearFilters();
    }
}
