package dev.gatehouse.console.keys;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.console.accounts.AccountChanged;
import dev.gatehouse.console.accounts.AccountDetailViewModel;
import dev.gatehouse.console.accounts.ActionAnnouncer;
import dev.gatehouse.console.accounts.KeyAdded;
import dev.gatehouse.console.accounts.KeyChanged;
import dev.gatehouse.console.accounts.IssueKeyViewModel;
import dev.gatehouse.console.accounts.ActionOptions;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Keys screen: search by prefix, account, status and mode (on the gateway, a page at a time), the selected
 * key's detail with its account, recent usage and enforcement history, and suspend / reinstate / revoke as the
 * operator's role allows (support may suspend a compromised key, not revoke it: ai-visual-studio §3).
 * A key's account opens in the same 360° view the Accounts screen uses; changes made there update the rows here.
 */
public final class KeysViewModel {
    public static final List<KeyStatus> STATUSES = FilterOptions.anyOr(KeyStatus.values());
    public static final List<KeyMode> MODES = FilterOptions.anyOr(KeyMode.values());
    public static final int PAGE = 100;

    private final KeysApi api;
    private final Executor fx;
    private final Role role;
    private final OperatorTime time;
    private final AccountDetailViewModel accountView;

    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final ObjectProperty<KeyStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<KeyMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ListDetailModel<KeyQuery, ApiKey, ApiKeyDetail> model;
    private final ObservableList<ApiKey> keys;

    private final ObservableList<LedgerEntry> recentUsage = FXCollections.observableArrayList();
    private final ObservableList<EnforcementAction> enforcement = FXCollections.observableArrayList();
    private final Map<KeyAction, ReadOnlyObjectWrapper<Availability>> actions = new EnumMap<>(KeyAction.class);
    private final ReadOnlyObjectWrapper<Availability> issueReplacement = new ReadOnlyObjectWrapper<>(this, "issueReplacement",
            new Availability(false, "Select a key first."));
    private ActionAnnouncer announcer = ActionAnnouncer.UNHEARD;
    /** The last key issued that this list reloaded for, so its own event and the dialog's answer reload once. */
    private String lastAdded;
    private EventBus.Subscription following = EventBus.Subscription.NONE;
    private final ObjectBinding<KeyText> selectedText;
    private final ObjectBinding<KeyText.AccountText> accountText;

    public KeysViewModel(KeysApi api, Executor fx, Role role, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.time = time;
        this.accountView = new AccountDetailViewModel(api, fx, role, time);
        PagedList<KeyQuery, ApiKey> list = new PagedList<>(api::keys, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("key", "keys", KeysViewModel::emptyMessage));
        this.model = new ListDetailModel<KeyQuery, ApiKey, ApiKeyDetail>(list, this::query, ApiKey::id, fx)
                .detailFrom(k -> api.key(k.id()))
                .watch(prefix, accountId, status, mode);
        this.keys = model.rows();
        for (KeyAction a : KeyAction.values()) {
            actions.put(a, new ReadOnlyObjectWrapper<>(this, a.wire(), new Availability(false, "Select a key first.")));
        }
        model.detail().onLoaded(d -> {
            recentUsage.setAll(d.recentUsage());
            enforcement.setAll(d.enforcement());
            replace(d.key());
        });
        model.selectedProperty().addListener((o, a, k) -> {
            updateAvailability(k);
            if (k == null) {
                recentUsage.clear();
                enforcement.clear();
            }
        });
        selectedText = Bindings.createObjectBinding(() -> {
            ApiKey k = model.selectedProperty().get();
            return k == null ? null : KeyText.of(k, time);
        }, model.selectedProperty());
        accountText = Bindings.createObjectBinding(() -> {
            ApiKeyDetail d = model.detail().value();
            return d == null ? null : KeyText.AccountText.of(d.account());
        }, model.detail().valueProperty());
        accountView.onChanges(new AccountDetailViewModel.Changes() {
            @Override public void accountChanged(Account account) {
                accountUpdated(account);
                ApiKey k = model.selectedProperty().get();
                if (k != null && k.accountId().equals(account.id())) {
                    reloadDetail(); // the account's state shows in the key's detail; a termination revoked its keys
                }
                if (k != null && "terminated".equals(account.status())) {
                    reload();
                }
            }

            @Override public void keyChanged(ApiKey key) {
                replace(key);
            }
        });
    }

    /** Announces key actions and follows changes made elsewhere (rows here, the account drawer) until {@link #close()}. */
    public void follow(EventBus events, Notifier notifier) {
        announcer = new ActionAnnouncer(events, notifier);
        following = EventBus.Subscription.of(accountView.follow(events, notifier),
                events.subscribe(KeyChanged.class, e -> keyChangedElsewhere(e.key())),
                events.subscribe(KeyAdded.class, e -> keyAdded(e.key())),
                events.subscribe(AccountChanged.class, e -> accountChangedElsewhere(e.account())));
    }

    /** A key was issued (here or elsewhere): the list is newest first, so a reload shows it on top when the filters match. */
    private void keyAdded(ApiKey key) {
        if (!key.id().equals(lastAdded) && keys.stream().noneMatch(k -> k.id().equals(key.id())) && query().matches(key)) {
            lastAdded = key.id();
            reload();
        }
    }

    /**
     * The issue-key dialog for the selected key's account, naming the key it replaces (ai-visual-studio §3: after a
     * compromise the customer gets a replacement); null while no key is selected.
     */
    public IssueKeyViewModel issueReplacement(Consumer<String> clipboard) {
        ApiKey k = model.selectedProperty().get();
        if (k == null) {
            return null;
        }
        return new IssueKeyViewModel(new IssueKeyViewModel.Target(k.accountId(), accountText(k), k.accountStatus(), k.masked()),
                api::issueKey, fx, time, clipboard, issued -> {
                    keyAdded(issued.key());
                    accountView.keyIssued(issued.key()); // announces it to the account drawer and the other screens
                });
    }

    /** Whether this role may issue the selected key's account a replacement, and why not. */
    public ReadOnlyObjectProperty<Availability> issueReplacementProperty() {
        return issueReplacement.getReadOnlyProperty();
    }

    private void keyChangedElsewhere(ApiKey key) {
        ApiKey shown = model.selectedProperty().get();
        boolean news = shown != null && shown.id().equals(key.id()) && shown.version() < key.version();
        replace(key);
        if (news) {
            reloadDetail(); // the enforcement history entry the change wrote
        }
    }

    private void accountChangedElsewhere(Account account) {
        accountUpdated(account);
        if ("terminated".equals(account.status()) && keys.stream().anyMatch(k -> k.accountId().equals(account.id()))) {
            reload(); // a termination revoked the account's keys
        }
    }


    public KeyQuery query() {
        return new KeyQuery(prefix.get(), accountId.get(), status.get(), mode.get());
    }

    public void start() {
        reload();
    }

    public void clearFilters() {
        model.changeFilters(() -> {
            prefix.set("");
            accountId.set("");
            status.set(null);
            mode.set(null);
        });
    }

    public void reload() {
        model.reload();
    }

    public void loadMore() {
        model.loadMore();
    }

    private static String emptyMessage(KeyQuery q) {
        return q.isAll() ? "This platform has no API keys yet."
                : "No keys match these filters. The prefix is the start of a key as shown, e.g. sk-live-AbCd.";
    }

    /** Fetches the selected key's detail again. */
    public void reloadDetail() {
        model.reloadDetail();
    }

    private void updateAvailability(ApiKey k) {
        issueReplacement.set(k == null ? new Availability(false, "Select a key first.")
                : !Permission.ISSUE_KEY.allows(role) ? new Availability(false, "Only support, trust & safety and leads issue keys.")
                : "terminated".equals(k.accountStatus()) ? new Availability(false, "The account is terminated, which is final: it gets no new keys.")
                : new Availability(true, ""));
        for (KeyAction a : KeyAction.values()) {
            actions.get(a).set(k == null ? new Availability(false, "Select a key first.") : ActionOptions.key(role, k, a));
        }
    }

    /** The reason dialog for the selected key; on success its row, its detail and an open account view update. */
    public ActionDialogViewModel<KeyActionResult> keyAction(KeyAction action) {
        ApiKey key = model.selectedProperty().get();
        return AccountDetailViewModel.keyActionDialog(api, fx, key, action, r -> {
            replace(r.key());
            accountView.keyUpdated(r.key());
            if (r.key().accountId().equals(accountView.accountId())) {
                accountView.reload();
            }
            reloadDetail();
            announcer.keyActed(r);
        });
    }

    /** Opens the key's account in the 360° view. */
    public void openAccount(String id) {
        accountView.open(id);
    }

    /** The drawer's title while the selected key's account is open in it. */
    public String accountDrawerTitle() {
        ApiKeyDetail d = model.detail().value();
        return d == null ? "" : "Account of key " + d.key().masked();
    }

    /** A key changed: its row (and the selection) shows the new state. */
    public void replace(ApiKey key) {
        model.replace(key);
    }

    /** An account changed (renamed, warned, suspended…): its keys' rows show its new name and status. */
    public void accountUpdated(Account account) {
        for (ApiKey k : List.copyOf(keys)) {
            if (k.accountId().equals(account.id())
                    && !(account.name().equals(k.accountName()) && account.status().equals(k.accountStatus()))) {
                replace(new ApiKey(k.id(), k.accountId(), k.name(), k.mode(), k.prefix(), k.last4(), k.masked(), k.status(),
                        k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.version(), account.name(), account.status()));
            }
        }
    }

    /** The Account cell: the account's name, or its id from a gateway that does not send names. */
    public static String accountText(ApiKey k) {
        return k.accountName() == null || k.accountName().isBlank() ? k.accountId() : k.accountName();
    }

    /**
     * The account's status when it needs an operator's eye (warned, suspended, terminated), shown beside the name;
     * null for an active account, so the common row stays quiet.
     */
    public static String accountFlag(ApiKey k) {
        return k.accountStatus() == null || "active".equals(k.accountStatus()) ? null : k.accountStatus();
    }

    /** The Account cell's tooltip: the full id, which the cell has no room for, and the account's status. */
    public static String accountTooltip(ApiKey k) {
        String status = k.accountStatus() == null ? "" : " · account " + k.accountStatus();
        String name = accountText(k).equals(k.accountId()) ? "" : accountText(k) + "\n";
        return name + k.accountId() + status + "\nSelect the key to see and open its account.";
    }

    public void close() {
        following.close();
        model.close();
        accountView.open(null);
    }

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public AccountDetailViewModel accountView() { return accountView; }
    public StringProperty prefixProperty() { return prefix; }
    public StringProperty accountIdProperty() { return accountId; }
    public ObjectProperty<KeyStatus> statusProperty() { return status; }
    public ObjectProperty<KeyMode> modeProperty() { return mode; }
    public ObservableList<ApiKey> keys() { return keys; }
    public ObjectProperty<ApiKey> selectedProperty() { return model.selectedProperty(); }
    /** Filters, rows, selection and the selected key's detail: what the shared table view binds to. */
    public ListDetailModel<KeyQuery, ApiKey, ApiKeyDetail> model() { return model; }
    /** The paged rows and their loading state, for the view around the table. */
    public PagedList<KeyQuery, ApiKey> list() { return model.list(); }
    public ReadOnlyObjectProperty<PagedList.State> stateProperty() { return model.list().stateProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return model.list().loadingProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return model.list().moreProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return model.list().filteredProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return model.list().countTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return model.list().messageProperty(); }
    /** The selected key's detail as loaded: state, value, and why it failed. */
    public Loader<ApiKeyDetail> detail() { return model.detail(); }
    public ReadOnlyObjectProperty<ApiKeyDetail> detailProperty() { return model.detail().valueProperty(); }
    /** The selected key in words for the detail pane; null while none is selected. */
    public ObjectBinding<KeyText> selectedTextProperty() { return selectedText; }
    /** The selected key's account in words; null until its detail has loaded. */
    public ObjectBinding<KeyText.AccountText> accountTextProperty() { return accountText; }
    public String permissionNote() { return KeyText.permissionNote(role); }
    public ObservableList<LedgerEntry> recentUsage() { return recentUsage; }
    public ObservableList<EnforcementAction> enforcement() { return enforcement; }
    public ReadOnlyObjectProperty<Availability> availabilityProperty(KeyAction action) { return actions.get(action).getReadOnlyProperty(); }
}
