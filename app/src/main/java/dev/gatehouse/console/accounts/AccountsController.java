package dev.gatehouse.console.accounts;

import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.Account;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.SearchField;
import dev.gatehouse.console.shell.TextFilter;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Tier;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;


/** Binds accounts.fxml to {@link AccountsViewModel}; the 360° view is its own component in the right pane. */
public final class AccountsController {
    private final AccountsViewModel vm;
    private final Node detailView;
    private static final Duration SEARCH_SETTLE = Duration.millis(250);
    private TextFilter searchFilter;

    @FXML private BorderPane accountsRoot;
    @FXML private Label accountsCountLabel;
    @FXML private ProgressBar accountsLoadingBar;
    @FXML private Button accountsRefreshButton;
    @FXML private CustomTextField accountSearchField;
    @FXML private ComboBox<AccountStatus> accountStatusFilter;
    @FXML private ComboBox<Tier> accountTierFilter;
    @FXML private Button accountsClearFiltersButton;
    @FXML private SplitPane accountsSplit;
    @FXML private TableView<Account> accountsTable;
    @FXML private TableColumn<Account, Account> accountNameColumn;
    @FXML private TableColumn<Account, Account> accountTierColumn;
    @FXML private TableColumn<Account, Account> accountStatusColumn;
    @FXML private TableColumn<Account, Account> accountBalanceColumn;
    @FXML private VBox accountsPlaceholder;
    @FXML private ProgressIndicator accountsPlaceholderProgress;
    @FXML private FontIcon accountsPlaceholderIcon;
    @FXML private Label accountsPlaceholderTitle;
    @FXML private Label accountsPlaceholderMessage;
    @FXML private Button accountsPlaceholderButton;
    @FXML private HBox accountsFooter;
    @FXML private Label accountsFooterMessage;
    @FXML private Button loadMoreAccountsButton;
    @FXML private StackPane accountDetailHost;

    private final dev.gatehouse.console.actions.ModalLayer layer;
    @FXML private Button newAccountButton;

    public AccountsController(AccountsViewModel vm, Node detailView, dev.gatehouse.console.actions.ModalLayer layer) {
        this.vm = vm;
        this.detailView = detailView;
        this.layer = layer;
    }

    @FXML
    private void initialize() {
        accountDetailHost.getChildren().setAll(detailView);
        SplitPane.setResizableWithParent(accountDetailHost, false);
        accountsCountLabel.textProperty().bind(vm.countTextProperty());
        accountsLoadingBar.visibleProperty().bind(vm.loadingProperty());
        accountsRefreshButton.disableProperty().bind(vm.loadingProperty());
        bindFilters();
        bindTable();
        newAccountButton.setDisable(!vm.canOpenAccounts());
        if (!vm.canOpenAccounts()) {
            newAccountButton.setTooltip(new javafx.scene.control.Tooltip("Support and leads open accounts."));
        }
        SearchField.focusOnFind(accountsRoot, accountSearchField);
    }

    private void bindFilters() {
        searchFilter = TextFilter.bind(accountSearchField, vm.searchProperty(), SEARCH_SETTLE);
        SearchField.decorate(accountSearchField, "clearAccountSearchButton", searchFilter::applyNow);
        FilterOptions.bind(accountStatusFilter, vm.statusProperty(), AccountsViewModel.STATUSES,
                s -> AccountLabels.status(s == null ? null : s.wire()));
        FilterOptions.bind(accountTierFilter, vm.tierProperty(), AccountsViewModel.TIERS,
                t -> AccountLabels.tier(t == null ? null : t.wire()));
        accountsClearFiltersButton.visibleProperty().bind(vm.filteredProperty().or(accountSearchField.textProperty().isNotEmpty()));
    }

    private void bindTable() {
        AccountCells.text(accountNameColumn, Account::name, a -> a.name() + "\n" + a.email() + "\n" + a.id());
        AccountCells.text(accountTierColumn, a -> AccountLabels.tier(a.tier()));
        AccountCells.pill(accountStatusColumn, Account::status);
        AccountCells.text(accountBalanceColumn, a -> AccountLabels.money(a.balance(), a.currency()));
        ListDetailTable.bind(accountsTable, vm.model(), accountsRoot);
        new PagedListView(accountsPlaceholder, accountsPlaceholderProgress, accountsPlaceholderIcon, accountsPlaceholderTitle,
                accountsPlaceholderMessage, accountsPlaceholderButton, accountsFooter, accountsFooterMessage, loadMoreAccountsButton)
                .bind(vm.list(), "accounts", vm::reload, this::clearFilters);
    }

    void focus() {
        accountSearchField.requestFocus();
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void newAccount() { NewAccountController.open(layer, vm.newAccount()); }
    @FXML private void clearFilters() {
        searchFilter.cancel();
        vm.clearFilters();
    }
}
