package dev.gatehouse.console.accounts;

import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.console.shell.TableSelection;
import dev.gatehouse.api.Account;
import dev.gatehouse.console.shell.PagedList.State;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.SearchField;
import javafx.animation.PauseTransition;
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
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** Binds accounts.fxml to {@link AccountsViewModel}; the 360° view is its own component in the right pane. */
public final class AccountsController {
    private final AccountsViewModel vm;
    private final Node detailView;
    private final PauseTransition searchDebounce = new PauseTransition(Duration.millis(250));

    @FXML private BorderPane accountsRoot;
    @FXML private Label accountsCountLabel;
    @FXML private ProgressBar accountsLoadingBar;
    @FXML private Button accountsRefreshButton;
    @FXML private CustomTextField accountSearchField;
    @FXML private ComboBox<String> accountStatusFilter;
    @FXML private ComboBox<String> accountTierFilter;
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

    public AccountsController(AccountsViewModel vm, Node detailView) {
        this.vm = vm;
        this.detailView = detailView;
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
        bindPlaceholder();
        SearchField.focusOnFind(accountsRoot, accountSearchField);
    }

    private void bindFilters() {
        SearchField.decorate(accountSearchField, "clearAccountSearchButton", this::applySearchNow);
        searchDebounce.setOnFinished(e -> vm.searchProperty().set(accountSearchField.getText()));
        accountSearchField.textProperty().addListener((o, a, b) -> searchDebounce.playFromStart());
        accountSearchField.setOnAction(e -> applySearchNow());
        vm.searchProperty().addListener((o, a, b) -> {
            if (!accountSearchField.getText().equals(b)) {
                accountSearchField.setText(b);
                searchDebounce.stop();
            }
        });
        accountStatusFilter.getItems().setAll(AccountsViewModel.STATUSES);
        accountStatusFilter.setConverter(labels(AccountLabels::status));
        accountStatusFilter.valueProperty().bindBidirectional(vm.statusProperty());
        accountTierFilter.getItems().setAll(AccountsViewModel.TIERS);
        accountTierFilter.setConverter(labels(AccountLabels::tier));
        accountTierFilter.valueProperty().bindBidirectional(vm.tierProperty());
        accountsClearFiltersButton.visibleProperty().bind(vm.filteredProperty().or(accountSearchField.textProperty().isNotEmpty()));
    }

    private void applySearchNow() {
        searchDebounce.stop();
        vm.searchProperty().set(accountSearchField.getText());
    }

    private void bindTable() {
        AccountCells.text(accountNameColumn, Account::name, a -> a.name() + "\n" + a.email() + "\n" + a.id());
        AccountCells.text(accountTierColumn, a -> AccountLabels.tier(a.tier()));
        AccountCells.pill(accountStatusColumn, Account::status);
        AccountCells.text(accountBalanceColumn, a -> AccountLabels.money(a.balance(), a.currency()));
        accountsTable.setItems(vm.accounts());
        TableSelection.bind(accountsTable, vm.selectedProperty());
    }

    private void bindPlaceholder() {
        new PagedListView(accountsPlaceholder, accountsPlaceholderProgress, accountsPlaceholderIcon, accountsPlaceholderTitle,
                accountsPlaceholderMessage, accountsPlaceholderButton, accountsFooter, accountsFooterMessage, loadMoreAccountsButton)
                .bind(vm.list(), "accounts");
    }

    private static StringConverter<String> labels(Function<String, String> label) {
        return new StringConverter<>() {
            @Override public String toString(String wire) { return label.apply(wire); }
            @Override public String fromString(String text) { return text; }
        };
    }

    void focus() {
        accountSearchField.requestFocus();
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void loadMore() { vm.loadMore(); }
    @FXML private void clearFilters() {
        searchDebounce.stop();
        vm.clearFilters();
    }
    @FXML private void placeholderAction() {
        if (vm.stateProperty().get() == State.ERROR) {
            vm.reload();
        } else {
            clearFilters();
        }
    }
}
