package dev.gatehouse.console.accounts;

import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.Account;
import dev.gatehouse.console.shell.PagedList.State;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
        accountsRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                accountSearchField.requestFocus();
                accountSearchField.selectAll();
                e.consume();
            }
        });
    }

    private void bindFilters() {
        accountSearchField.setLeft(new FontIcon("mdomz-search"));
        Button clear = new Button(null, new FontIcon("mdoal-clear"));
        clear.setId("clearAccountSearchButton");
        clear.getStyleClass().addAll("button-icon", "flat", "search-clear");
        clear.setCursor(Cursor.DEFAULT);
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(accountSearchField.textProperty().isNotEmpty());
        clear.setOnAction(e -> {
            accountSearchField.clear();
            applySearchNow();
        });
        accountSearchField.setRight(clear);
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
        accountsTable.getSelectionModel().selectedItemProperty().addListener((o, a, acct) -> {
            if (acct != null) {
                vm.selectedProperty().set(acct);
            }
        });
        vm.selectedProperty().addListener((o, a, acct) -> {
            if (acct == null) {
                accountsTable.getSelectionModel().clearSelection();
            } else if (accountsTable.getSelectionModel().getSelectedItem() != acct) {
                accountsTable.getSelectionModel().select(acct);
            }
        });
        loadMoreAccountsButton.visibleProperty().bind(vm.moreProperty());
        loadMoreAccountsButton.managedProperty().bind(vm.moreProperty());
        loadMoreAccountsButton.disableProperty().bind(vm.loadingProperty());
        accountsFooterMessage.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(State.READY))
                .then(Bindings.when(vm.messageProperty().isEmpty()).then(vm.countTextProperty()).otherwise(vm.messageProperty()))
                .otherwise(""));
        accountsFooter.visibleProperty().bind(vm.stateProperty().isEqualTo(State.READY));
        accountsFooter.managedProperty().bind(accountsFooter.visibleProperty());
    }

    private void bindPlaceholder() {
        accountsPlaceholderProgress.visibleProperty().bind(vm.stateProperty().isEqualTo(State.LOADING));
        accountsPlaceholderProgress.managedProperty().bind(accountsPlaceholderProgress.visibleProperty());
        accountsPlaceholderIcon.visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.LOADING));
        accountsPlaceholderIcon.managedProperty().bind(accountsPlaceholderIcon.visibleProperty());
        accountsPlaceholderMessage.textProperty().bind(vm.messageProperty());
        vm.stateProperty().addListener((o, a, s) -> showState(s));
        showState(vm.stateProperty().get());
    }

    private void showState(State s) {
        accountsPlaceholder.getStyleClass().removeAll("placeholder-error");
        switch (s) {
            case LOADING -> {
                accountsPlaceholderTitle.setText("Loading accounts…");
                accountsPlaceholderButton.setVisible(false);
            }
            case ERROR -> {
                accountsPlaceholder.getStyleClass().add("placeholder-error");
                accountsPlaceholderIcon.setIconLiteral("mdoal-error_outline");
                accountsPlaceholderTitle.setText("Couldn't load accounts");
                accountsPlaceholderButton.setText("Retry");
                accountsPlaceholderButton.setGraphic(new FontIcon("mdomz-refresh"));
                accountsPlaceholderButton.setVisible(true);
            }
            case EMPTY -> {
                accountsPlaceholderIcon.setIconLiteral("mdoal-filter_alt");
                accountsPlaceholderTitle.setText(vm.filteredProperty().get() ? "No matching accounts" : "No accounts");
                accountsPlaceholderButton.setText("Clear filters");
                accountsPlaceholderButton.setGraphic(new FontIcon("mdoal-clear"));
                accountsPlaceholderButton.setVisible(vm.filteredProperty().get());
            }
            case READY -> accountsPlaceholderButton.setVisible(false);
        }
        accountsPlaceholderButton.setManaged(accountsPlaceholderButton.isVisible());
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
