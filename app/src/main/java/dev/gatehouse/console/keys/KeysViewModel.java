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
import dev.gatehouse.console.accounts.KeyChanged;
import dev.gatehouse.console.accounts.ActionOptions;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The Keys screen: search by prefix, account, status and mode (on the gateway, a page at a time), the selected
 * key's detail with its account, recent usage and enforcement history, and suspend / reinstate / revoke as the
 * operator's role allows (support may suspend a compromised key, not revoke it: ai-visual-studio §3).
 * A key's account opens in the same 360° view the Accounts screen uses; changes made there update the rows here.
 */
public final class KeysViewModel {
    public static final List<String> STATUSES = List.of("", "active", "suspended", "revoked", "expired");
    public static final List<String> MODES = List.of("", "live", "test");
    public static final int PAGE = 100;

    public enum DetailState { EMPTY, LOADING, READY, ERROR }

    private final KeysApi api;
    private final Executor fx;
    private final Role role;
    private final OperatorTime time;
    private final AccountDetailViewModel accountView;

    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "");
    private final PagedList<KeyQuery, ApiKey> list;
    private final ObservableList<ApiKey> keys;
    private final ObjectProperty<ApiKey> selected = new SimpleObjectProperty<>(this, "selected");

    private final ReadOnlyObjectWrapper<DetailState> detailState = new ReadOnlyObjectWrapper<>(this, "detailState", DetailState.EMPTY);
    private final ReadOnlyStringWrapper detailMessage = new ReadOnlyStringWrapper(this, "detailMessage", "");
    private final ReadOnlyObjectWrapper<ApiKeyDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObservableList<LedgerEntry> recentUsage = FXCollections.observableArrayList();
    private final ObservableList<EnforcementAction> enforcement = FXCollections.observableArrayList();
    private final Map<KeyAction, ReadOnlyObjectWrapper<Availability>> actions = new EnumMap<>(KeyAction.class);

    private long detailGeneration;
    private boolean applyingFilters;
    private ActionAnnouncer announcer = ActionAnnouncer.UNHEARD;
    private EventBus.Subscription following = EventBus.Subscription.NONE;

    public KeysViewModel(KeysApi api, Executor fx, Role role, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.time = time;
        this.accountView = new AccountDetailViewModel(api, fx, role, time);
        this.list = new PagedList<>(api::keys, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("key", "keys", KeysViewModel::emptyMessage));
        this.keys = list.items();
        for (KeyAction a : KeyAction.values()) {
            actions.put(a, new ReadOnlyObjectWrapper<>(this, a.wire(), new Availability(false, "Select a key first.")));
        }
        for (StringProperty filter : List.of(prefix, accountId, status, mode)) {
            filter.addListener((o, a, b) -> {
                if (!applyingFilters && !norm(a).equals(norm(b))) {
                    reload();
                }
            });
        }
        selected.addListener((o, a, k) -> {
            updateAvailability(k);
            if (k == null || a == null || !a.id().equals(k.id())) {
                openDetail(k);
            }
        });
        accountView.onChanges(new AccountDetailViewModel.Changes() {
            @Override public void accountChanged(Account account) {
                accountUpdated(account);
                ApiKey k = selected.get();
                if (k != null && k.accountId().equals(account.id())) {
                    openDetail(k); // the account's state shows in the key's detail; a termination revoked its keys
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
                events.subscribe(AccountChanged.class, e -> accountChangedElsewhere(e.account())));
    }

    private void keyChangedElsewhere(ApiKey key) {
        ApiKey shown = selected.get();
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

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    public KeyQuery query() {
        return new KeyQuery(prefix.get(), accountId.get(), status.get(), mode.get());
    }

    public void start() {
        reload();
    }

    public void clearFilters() {
        applyingFilters = true;
        prefix.set("");
        accountId.set("");
        status.set("");
        mode.set("");
        applyingFilters = false;
        reload();
    }

    public void reload() {
        selected.set(null);
        list.reload(query());
    }

    public void loadMore() {
        list.loadMore();
    }

    private static String emptyMessage(KeyQuery q) {
        return q.isAll() ? "This platform has no API keys yet."
                : "No keys match these filters. The prefix is the start of a key as shown, e.g. sk-live-AbCd.";
    }

    private void openDetail(ApiKey k) {
        long gen = ++detailGeneration;
        if (k == null) {
            detail.set(null);
            recentUsage.clear();
            enforcement.clear();
            detailState.set(DetailState.EMPTY);
            return;
        }
        detailState.set(DetailState.LOADING);
        detailMessage.set("");
        api.key(k.id()).whenComplete((d, failure) -> fx.execute(() -> {
            if (gen != detailGeneration) {
                return;
            }
            if (failure != null) {
                detailMessage.set(PlatformException.of(failure).getMessage());
                detailState.set(DetailState.ERROR);
                return;
            }
            detail.set(d);
            recentUsage.setAll(d.recentUsage());
            enforcement.setAll(d.enforcement());
            replace(d.key());
            detailState.set(DetailState.READY);
        }));
    }

    /** Fetches the selected key's detail again. */
    public void reloadDetail() {
        openDetail(selected.get());
    }

    private void updateAvailability(ApiKey k) {
        for (KeyAction a : KeyAction.values()) {
            actions.get(a).set(k == null ? new Availability(false, "Select a key first.") : ActionOptions.key(role, k, a));
        }
    }

    /** The reason dialog for the selected key; on success its row, its detail and an open account view update. */
    public ActionDialogViewModel<KeyActionResult> keyAction(KeyAction action) {
        ApiKey key = selected.get();
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

    /** A key changed: its row (and the selection) shows the new state. */
    public void replace(ApiKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(key.id())) {
                boolean wasSelected = selected.get() != null && selected.get().id().equals(key.id());
                keys.set(i, key);
                if (wasSelected) {
                    selected.set(key);
                    updateAvailability(key);
                }
            }
        }
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
        list.close();
        detailGeneration++;
        accountView.open(null);
    }

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public AccountDetailViewModel accountView() { return accountView; }
    public StringProperty prefixProperty() { return prefix; }
    public StringProperty accountIdProperty() { return accountId; }
    public StringProperty statusProperty() { return status; }
    public StringProperty modeProperty() { return mode; }
    public ObservableList<ApiKey> keys() { return keys; }
    public ObjectProperty<ApiKey> selectedProperty() { return selected; }
    /** The paged rows and their loading state, for the view around the table. */
    public PagedList<KeyQuery, ApiKey> list() { return list; }
    public ReadOnlyObjectProperty<PagedList.State> stateProperty() { return list.stateProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return list.loadingProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return list.moreProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return list.filteredProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return list.countTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return list.messageProperty(); }
    public ReadOnlyObjectProperty<DetailState> detailStateProperty() { return detailState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailMessageProperty() { return detailMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ApiKeyDetail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ObservableList<LedgerEntry> recentUsage() { return recentUsage; }
    public ObservableList<EnforcementAction> enforcement() { return enforcement; }
    public ReadOnlyObjectProperty<Availability> availabilityProperty(KeyAction action) { return actions.get(action).getReadOnlyProperty(); }
}
