package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.CreditLot;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.actions.ActionCall;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ActionPreview;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The 360° view of one account: header, balance, credit lots, keys, ledger (paged, newest first) and enforcement
 * history, plus the commands an operator may run on it. Enablement follows the operator's role and the account's
 * state; every action goes through the reason dialog; every change made here is told to {@code changes}, so the
 * list row the account came from updates too.
 */
public final class AccountDetailViewModel {
    public enum State { EMPTY, LOADING, READY, ERROR }

    public static final int LEDGER_PAGE = 50;

    /** Told about every change made through this view, so other views can update their rows. */
    public interface Changes {
        void accountChanged(Account account);

        void keyChanged(ApiKey key);

        Changes NONE = new Changes() {
            @Override public void accountChanged(Account account) {}
            @Override public void keyChanged(ApiKey key) {}
        };
    }

    private final AccountsApi api;
    private final Executor fx;
    private final Role role;
    private final OperatorTime time;
    private Changes changes = Changes.NONE;
    private ActionAnnouncer announcer = ActionAnnouncer.UNHEARD;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyObjectWrapper<AccountDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObservableList<CreditLot> lots = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private final ObservableList<LedgerEntry> ledger = FXCollections.observableArrayList();
    private final ObservableList<EnforcementAction> enforcement = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper ledgerLoading = new ReadOnlyBooleanWrapper(this, "ledgerLoading");
    private final ReadOnlyBooleanWrapper ledgerMore = new ReadOnlyBooleanWrapper(this, "ledgerMore");
    private final ReadOnlyStringWrapper ledgerMessage = new ReadOnlyStringWrapper(this, "ledgerMessage", "");
    private final Map<AccountAction, ReadOnlyObjectWrapper<Availability>> actions = new EnumMap<>(AccountAction.class);
    private final ReadOnlyObjectWrapper<Availability> edit = new ReadOnlyObjectWrapper<>(this, "edit", new Availability(false, ""));

    private String accountId;
    private String ledgerCursor;
    private long generation;

    public AccountDetailViewModel(AccountsApi api, Executor fx, Role role, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.time = time;
        for (AccountAction a : AccountAction.values()) {
            actions.put(a, new ReadOnlyObjectWrapper<>(this, a.wire(), new Availability(false, "Select an account first.")));
        }
        account.addListener((o, before, now) -> updateAvailability(now));
    }

    public void onChanges(Changes listener) {
        this.changes = listener == null ? Changes.NONE : listener;
    }

    /**
     * Announces this view's actions on {@code events} and follows changes made elsewhere (another screen; later the
     * platform's live events) until the returned subscription is closed: the open account's keys and state update.
     */
    public EventBus.Subscription follow(EventBus events, Notifier notifier) {
        announcer = new ActionAnnouncer(events, notifier);
        return EventBus.Subscription.of(
                events.subscribe(KeyChanged.class, e -> keyChangedElsewhere(e.key())),
                events.subscribe(AccountChanged.class, e -> accountChangedElsewhere(e.account())));
    }

    /** A key of the open account moved on: its row shows it, and a reload fetches the history entry it wrote. */
    private void keyChangedElsewhere(ApiKey key) {
        boolean news = keys.stream().anyMatch(k -> k.id().equals(key.id()) && k.version() < key.version());
        keyUpdated(key);
        if (news) {
            reload();
        }
    }

    private void accountChangedElsewhere(Account changed) {
        Account shown = account.get();
        if (shown != null && shown.id().equals(changed.id()) && shown.version() < changed.version()) {
            account.set(changed);
            reload(); // a termination revoked its keys; balance and history as the platform now has them
        }
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Shows one account (null clears the view); answers for an account since left are dropped. */
    public void open(String id) {
        long gen = ++generation;
        accountId = id;
        ledger.clear();
        ledgerCursor = null;
        ledgerMore.set(false);
        ledgerMessage.set("");
        if (id == null) {
            clear();
            state.set(State.EMPTY);
            return;
        }
        state.set(State.LOADING);
        message.set("");
        api.account(id).whenComplete((d, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                clear();
                message.set(PlatformException.of(failure).getMessage());
                state.set(State.ERROR);
                return;
            }
            show(d);
            state.set(State.READY);
            loadLedger(gen);
        }));
    }

    /** Fetches the open account again (after an error, or to see others' changes). */
    public void reload() {
        open(accountId);
    }

    /** The next page of the ledger, older entries. */
    public void loadMoreLedger() {
        if (accountId != null && ledgerMore.get() && !ledgerLoading.get()) {
            loadLedger(generation);
        }
    }

    private void loadLedger(long gen) {
        ledgerLoading.set(true);
        ledgerMessage.set("");
        String id = accountId;
        api.ledger(id, ledgerCursor, LEDGER_PAGE).whenComplete((page, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            ledgerLoading.set(false);
            if (failure != null) {
                ledgerMessage.set("Couldn't load the ledger: " + PlatformException.of(failure).getMessage());
                return;
            }
            ledger.addAll(page.data());
            ledgerCursor = page.nextCursor();
            ledgerMore.set(page.nextCursor() != null && !page.data().isEmpty());
            if (ledger.isEmpty()) {
                ledgerMessage.set("No ledger entries yet: no purchases, grants or usage on this account.");
            }
        }));
    }

    private void show(AccountDetail d) {
        detail.set(d);
        account.set(d.account());
        lots.setAll(d.lots());
        keys.setAll(d.keys());
        enforcement.setAll(d.enforcement());
    }

    private void clear() {
        detail.set(null);
        account.set(null);
        lots.clear();
        keys.clear();
        enforcement.clear();
    }

    private void updateAvailability(Account a) {
        for (AccountAction action : AccountAction.values()) {
            actions.get(action).set(a == null ? new Availability(false, "Select an account first.") : ActionOptions.account(role, a, action));
        }
        edit.set(a == null ? new Availability(false, "Select an account first.") : ActionOptions.edit(role, a));
    }

    /** The reason dialog for an account action; on success the account, its keys and history are refreshed. */
    public ActionDialogViewModel<AccountActionResult> accountAction(AccountAction action) {
        Account before = account.get();
        String id = before.id();
        ActionCall<AccountActionResult> call = new ActionCall<>() {
            @Override
            public CompletableFuture<ActionPreview> preview(ActionRequest request) {
                return api.previewAccountAction(id, request)
                        .thenApply(r -> new ActionPreview(ActionOptions.changes(before, r, time), r.audit()));
            }

            @Override
            public CompletableFuture<AccountActionResult> submit(ActionRequest request, String key) {
                return api.accountAction(id, request, key);
            }
        };
        return new ActionDialogViewModel<>(action.wire(), ActionOptions.title(action), before.name() + " · " + before.id(),
                Enforcement.acceptsDuration(action), call, fx, this::applied);
    }

    private void applied(AccountActionResult r) {
        changes.accountChanged(r.account());
        if (accountId != null && accountId.equals(r.account().id())) {
            account.set(r.account());
            reload(); // keys (a termination revokes them all), balance and history as the platform now has them
        }
        announcer.accountActed(r);
    }

    /** The reason dialog for a key action on one of this account's keys. */
    public ActionDialogViewModel<KeyActionResult> keyAction(ApiKey key, KeyAction action) {
        return keyActionDialog(api, fx, key, action, r -> {
            keyUpdated(r.key());
            changes.keyChanged(r.key());
            announcer.keyActed(r);
            reload();
        });
    }

    /** The dialog for a key action from anywhere (the Keys screen too). */
    public static ActionDialogViewModel<KeyActionResult> keyActionDialog(AccountsApi api, Executor fx, ApiKey key, KeyAction action,
                                                                         Consumer<KeyActionResult> onDone) {
        ActionCall<KeyActionResult> call = new ActionCall<>() {
            @Override
            public CompletableFuture<ActionPreview> preview(ActionRequest request) {
                return api.previewKeyAction(key.id(), request).thenApply(r -> new ActionPreview(ActionOptions.changes(key, r), r.audit()));
            }

            @Override
            public CompletableFuture<KeyActionResult> submit(ActionRequest request, String idempotencyKey) {
                return api.keyAction(key.id(), request, idempotencyKey);
            }
        };
        String label = key.masked() + (key.name() == null || key.name().isBlank() ? "" : " · " + key.name()) + " · " + key.accountId();
        return new ActionDialogViewModel<>(action.wire(), ActionOptions.title(action), label, Enforcement.acceptsDuration(action),
                call, fx, onDone);
    }

    /** A key changed elsewhere (e.g. the Keys screen): its row here shows the new state. */
    public void keyUpdated(ApiKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(key.id())) {
                keys.set(i, key);
            }
        }
    }

    /** The edit form for tier and contact, starting from the account as shown. */
    public AccountEditViewModel edit() {
        return new AccountEditViewModel(account.get(), role, api, fx, saved -> {
            changes.accountChanged(saved);
            if (accountId != null && accountId.equals(saved.id())) {
                account.set(saved);
                reload();
            }
            announcer.accountSaved(saved);
        });
    }

    public Availability keyAvailability(ApiKey key, KeyAction action) {
        return ActionOptions.key(role, key, action);
    }

    // ---- properties --------------------------------------------------------------------------

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public String accountId() { return accountId; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Account> accountProperty() { return account.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AccountDetail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ObservableList<CreditLot> lots() { return lots; }
    public ObservableList<ApiKey> keys() { return keys; }
    public ObservableList<LedgerEntry> ledger() { return ledger; }
    public ObservableList<EnforcementAction> enforcement() { return enforcement; }
    public ReadOnlyBooleanProperty ledgerLoadingProperty() { return ledgerLoading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty ledgerMoreProperty() { return ledgerMore.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ledgerMessageProperty() { return ledgerMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Availability> availabilityProperty(AccountAction action) { return actions.get(action).getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Availability> editProperty() { return edit.getReadOnlyProperty(); }
}
