package dev.gatehouse.console.keys;

import dev.gatehouse.console.shell.Shown;
import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.console.accounts.AccountCells;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.AccountText;
import dev.gatehouse.console.accounts.ActionOptions;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialog;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.SearchField;
import dev.gatehouse.console.shell.TextFilter;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Binds keys.fxml to {@link KeysViewModel}; the key's account opens in a drawer holding the shared 360° view. */
public final class KeysController {
    private final KeysViewModel vm;
    private final ModalLayer layer;
    private final Node accountView;
    private static final Duration FILTER_SETTLE = Duration.millis(300);
    private TextFilter prefixFilter;
    private TextFilter accountFilter;

    @FXML private BorderPane keysRoot;
    @FXML private Label keysCountLabel;
    @FXML private ProgressBar keysLoadingBar;
    @FXML private Button keysRefreshButton;
    @FXML private CustomTextField keyPrefixField;
    @FXML private TextField keyAccountField;
    @FXML private ComboBox<KeyStatus> keyStatusFilter;
    @FXML private ComboBox<KeyMode> keyModeFilter;
    @FXML private Button keysClearFiltersButton;
    @FXML private SplitPane keysSplit;
    @FXML private TableView<ApiKey> keysTable;
    @FXML private TableColumn<ApiKey, ApiKey> keyColumn;
    @FXML private TableColumn<ApiKey, ApiKey> nameColumn;
    @FXML private TableColumn<ApiKey, ApiKey> accountColumn;
    @FXML private TableColumn<ApiKey, ApiKey> statusColumn;
    @FXML private TableColumn<ApiKey, ApiKey> createdColumn;
    @FXML private TableColumn<ApiKey, ApiKey> lastUsedColumn;
    @FXML private TableColumn<ApiKey, ApiKey> expiresColumn;
    @FXML private VBox keysPlaceholder;
    @FXML private ProgressIndicator keysPlaceholderProgress;
    @FXML private FontIcon keysPlaceholderIcon;
    @FXML private Label keysPlaceholderTitle;
    @FXML private Label keysPlaceholderMessage;
    @FXML private Button keysPlaceholderButton;
    @FXML private HBox keysFooter;
    @FXML private Label keysFooterMessage;
    @FXML private Button loadMoreKeysButton;
    @FXML private VBox keyDetailEmpty;
    @FXML private VBox keyDetailLoading;
    @FXML private VBox keyDetailError;
    @FXML private Label keyDetailErrorMessage;
    @FXML private ScrollPane keyDetailScroll;
    @FXML private Label keyTitle;
    @FXML private Label keyStatus;
    @FXML private Label keyMode;
    @FXML private Label keySubtitle;
    @FXML private Button suspendKeyButton;
    @FXML private Button reinstateKeyButton;
    @FXML private Button revokeKeyButton;
    @FXML private Button issueReplacementButton;
    @FXML private Label keyPermissionNote;
    @FXML private Hyperlink keyAccountLink;
    @FXML private Label keyAccountStatus;
    @FXML private Label keyAccountId;
    @FXML private Label keyCreated;
    @FXML private Label keyLastUsed;
    @FXML private Label keyExpires;
    @FXML private Label keyId;
    @FXML private TableView<LedgerEntry> usageTable;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> usageAtColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> usageAmountColumn;
    @FXML private TableColumn<LedgerEntry, LedgerEntry> usageDescriptionColumn;
    @FXML private TableView<EnforcementAction> keyEnforcementTable;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> keyEnfAtColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> keyEnfActionColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> keyEnfReasonColumn;
    @FXML private TableColumn<EnforcementAction, EnforcementAction> keyEnfActorColumn;
    @FXML private Label keyZoneNote;

    public KeysController(KeysViewModel vm, ModalLayer layer, Node accountView) {
        this.vm = vm;
        this.layer = layer;
        this.accountView = accountView;
    }

    @FXML
    private void initialize() {
        SplitPane.setResizableWithParent(keysSplit.getItems().get(1), false);
        keysCountLabel.textProperty().bind(vm.countTextProperty());
        keysLoadingBar.visibleProperty().bind(vm.loadingProperty());
        keysRefreshButton.disableProperty().bind(vm.loadingProperty());
        bindFilters();
        bindTable();
        bindDetail();
        SearchField.focusOnFind(keysRoot, keyPrefixField);
    }

    private void bindFilters() {
        prefixFilter = TextFilter.bind(keyPrefixField, vm.prefixProperty(), FILTER_SETTLE);
        accountFilter = TextFilter.bind(keyAccountField, vm.accountIdProperty(), FILTER_SETTLE);
        SearchField.decorate(keyPrefixField, "clearKeySearchButton", prefixFilter::applyNow);
        FilterOptions.bind(keyStatusFilter, vm.statusProperty(), KeysViewModel.STATUSES,
                s -> AccountLabels.status(s == null ? null : s.wire()));
        FilterOptions.bind(keyModeFilter, vm.modeProperty(), KeysViewModel.MODES,
                m -> AccountLabels.mode(m == null ? null : m.wire()));
        keysClearFiltersButton.visibleProperty().bind(vm.filteredProperty()
                .or(keyPrefixField.textProperty().isNotEmpty()).or(keyAccountField.textProperty().isNotEmpty()));
    }

    private void bindTable() {
        OperatorTime t = vm.time();
        // no Mode column: the key's own sk-live- / sk-test- prefix says it
        AccountCells.text(keyColumn, ApiKey::masked, k -> k.masked() + " · " + k.mode() + " key");
        AccountCells.text(nameColumn, AccountText::keyName);
        bindAccountColumn();
        AccountCells.pill(statusColumn, ApiKey::status);
        AccountCells.text(createdColumn, k -> t.date(k.createdAt()), k -> t.both(k.createdAt(), "—"));
        AccountCells.text(lastUsedColumn, k -> k.lastUsedAt() == null ? "never" : t.relative(k.lastUsedAt()), k -> t.both(k.lastUsedAt(), "never used"));
        AccountCells.text(expiresColumn, k -> k.expiresAt() == null ? "never" : t.date(k.expiresAt()), k -> t.both(k.expiresAt(), "does not expire"));
        ListDetailTable.bind(keysTable, vm.model(), keysRoot);
        new PagedListView(keysPlaceholder, keysPlaceholderProgress, keysPlaceholderIcon, keysPlaceholderTitle,
                keysPlaceholderMessage, keysPlaceholderButton, keysFooter, keysFooterMessage, loadMoreKeysButton)
                .bind(vm.list(), "keys", vm::reload, this::clearFilters);
    }

    private void bindDetail() {
        var state = vm.detail().stateProperty();
        Shown.when(keyDetailEmpty, state.isEqualTo(Loader.State.IDLE));
        Shown.when(keyDetailLoading, state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNull()));
        Shown.when(keyDetailError, state.isEqualTo(Loader.State.FAILED));
        // While a reload runs the last detail stays up, so a refresh after an action does not flash.
        Shown.when(keyDetailScroll, state.isEqualTo(Loader.State.LOADED)
                .or(state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNotNull())));
        keyDetailErrorMessage.textProperty().bind(vm.detail().messageProperty());
        vm.selectedTextProperty().addListener((o, a, k) -> showKey(k));
        vm.accountTextProperty().addListener((o, a, text) -> showAccount(text));
        bindAction(suspendKeyButton, vm.availabilityProperty(KeyAction.SUSPEND));
        bindAction(reinstateKeyButton, vm.availabilityProperty(KeyAction.REINSTATE));
        bindAction(revokeKeyButton, vm.availabilityProperty(KeyAction.REVOKE));
        bindAction(issueReplacementButton, vm.issueReplacementProperty());
        keyPermissionNote.setText(vm.permissionNote());
        keyPermissionNote.setVisible(!keyPermissionNote.getText().isEmpty());
        keyPermissionNote.setManaged(keyPermissionNote.isVisible());

        OperatorTime t = vm.time();
        AccountCells.text(usageAtColumn, e -> t.relative(e.at()), e -> t.both(e.at(), "—")); // the tooltip has the minute
        AccountCells.text(usageAmountColumn, e -> AccountLabels.signed(e.amount(), e.currency()));
        AccountCells.text(usageDescriptionColumn, e -> e.description() == null ? "" : e.description());
        usageTable.setItems(vm.recentUsage());
        AccountCells.fitRows(usageTable, vm.recentUsage(), 10);
        AccountCells.text(keyEnfAtColumn, e -> t.relative(e.at()), e -> t.both(e.at(), "—"));
        AccountCells.text(keyEnfActionColumn, e -> AccountLabels.kind(e.action()));
        AccountCells.text(keyEnfReasonColumn, EnforcementAction::reason);
        AccountCells.text(keyEnfActorColumn, EnforcementAction::actor);
        keyEnforcementTable.setItems(vm.enforcement());
        AccountCells.fitRows(keyEnforcementTable, vm.enforcement(), 6);
        keyZoneNote.setText("Times in " + t.zone().getId() + ".");
    }

    private void showKey(KeyText k) {
        if (k == null) {
            return;
        }
        keyTitle.setText(k.title());
        AccountCells.style(keyStatus, k.status());
        keyMode.setText(k.mode());
        keyMode.getStyleClass().removeAll("badge-live", "badge-test");
        keyMode.getStyleClass().add(k.modeStyle());
        keySubtitle.setText(k.subtitle());
        keyCreated.setText(k.created());
        keyLastUsed.setText(k.lastUsed());
        keyExpires.setText(k.expires());
        keyId.setText(k.id());
    }

    private void showAccount(KeyText.AccountText a) {
        if (a == null) {
            return;
        }
        keyAccountLink.setText(a.name());
        keyAccountId.setText(a.facts());
        keyAccountLink.setTooltip(new Tooltip(a.tooltip()));
        AccountCells.style(keyAccountStatus, a.status());
    }

    /** The account's name; a warned, suspended or terminated account also gets its status pill. Full id in the tooltip. */
    private void bindAccountColumn() {
        accountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        accountColumn.setCellFactory(col -> new TableCell<>() {
            private final Label name = new Label();
            private final Label pill = new Label();
            private final FontIcon mark = new FontIcon();
            private final HBox box = new HBox(6, name, pill, mark);
            private final Text measure = new Text();

            {
                name.setMinWidth(0);
                pill.getStyleClass().add("pill");
                pill.setMinWidth(Region.USE_PREF_SIZE);
                for (Node n : List.of(pill, mark)) {
                    n.managedProperty().bind(n.visibleProperty());
                    n.setVisible(false);
                }
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(ApiKey k, boolean empty) {
                super.updateItem(k, empty);
                setText(null);
                if (empty || k == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                name.setText(KeysViewModel.accountText(k));
                String flag = KeysViewModel.accountFlag(k);
                pill.setVisible(flag != null);
                mark.setVisible(false);
                if (flag != null) {
                    AccountCells.style(pill, flag);
                    mark.setIconLiteral(switch (flag) {
                        case "warned" -> "mdoal-error_outline";
                        case "suspended" -> "mdomz-pause_circle_outline";
                        default -> "mdoal-block";
                    });
                    mark.setIconSize(14);
                    // FontIcon keeps its font family in the inline style: add the colour to it, don't replace it
                    mark.setStyle(mark.getStyle().replaceAll("-fx-icon-color:[^;]*;", "")
                            + "-fx-icon-color: " + ("warned".equals(flag) ? "-color-warning-fg" : "-color-danger-fg") + ";");
                }
                setTooltip(new Tooltip(KeysViewModel.accountTooltip(k)));
                setGraphic(box);
            }

            /** The status pill when name and pill both fit; in a narrow column an icon in its colour, and the name keeps the room. */
            @Override
            protected void layoutChildren() {
                if (!isEmpty() && getItem() != null && KeysViewModel.accountFlag(getItem()) != null) {
                    measure.setFont(pill.getFont());
                    measure.setText(pill.getText());
                    double word = measure.getLayoutBounds().getWidth() + pill.snappedLeftInset() + pill.snappedRightInset();
                    double room = getWidth() - snappedLeftInset() - snappedRightInset();
                    boolean fits = name.prefWidth(-1) + box.getSpacing() + word <= room;
                    if (pill.isVisible() != fits) {
                        pill.setVisible(fits);
                        mark.setVisible(!fits);
                    }
                }
                super.layoutChildren();
            }
        });
    }

    private static void bindAction(Button button, ObservableValue<Availability> availability) {
        button.disableProperty().bind(availability.map(a -> !a.allowed()));
    }

    private void openAction(KeyAction action) {
        if (vm.selectedProperty().get() != null) {
            ActionDialog.open(layer, vm.keyAction(action), ActionOptions.destructive(action));
        }
    }

    /** The drawer: the shared account view with a title bar, docked right over the Keys screen. */
    @FXML
    private void openAccount() {
        ApiKeyDetail d = vm.detailProperty().get();
        if (d == null) {
            return;
        }
        vm.openAccount(d.account().id());
        Label title = new Label(vm.accountDrawerTitle());
        title.getStyleClass().add("title-4");
        Button close = new Button(null, new FontIcon("mdoal-close"));
        close.setId("closeAccountDrawerButton");
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Close (Esc)"));
        close.setOnAction(e -> layer.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("drawer-bar");
        VBox drawer = new VBox(bar, accountView);
        VBox.setVgrow(accountView, Priority.ALWAYS);
        drawer.setId("accountDrawer");
        drawer.getStyleClass().add("drawer");
        drawer.setPrefWidth(Math.max(620, keysRoot.getWidth() * 0.58));
        layer.show(drawer, Pos.CENTER_RIGHT, null);
    }

    void focus() {
        keyPrefixField.requestFocus();
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void retryDetail() { vm.reloadDetail(); }
    @FXML private void suspend() { openAction(KeyAction.SUSPEND); }
    @FXML private void reinstate() { openAction(KeyAction.REINSTATE); }
    @FXML private void revoke() { openAction(KeyAction.REVOKE); }
    @FXML private void issueReplacement() {
        var dialog = vm.issueReplacement(dev.gatehouse.console.accounts.IssueKeyController::copyToClipboard);
        if (dialog != null) {
            dev.gatehouse.console.accounts.IssueKeyController.open(layer, dialog);
        }
    }
    @FXML private void clearFilters() {
        prefixFilter.cancel();
        accountFilter.cancel();
        vm.clearFilters();
    }
}
