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
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
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

    private final Loader<AccountDetail> loader;
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ObservableList<CreditLot> lots = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private final PagedList<String, LedgerEntry> ledger;
    private final ObservableList<EnforcementAction> enforcement = FXCollections.observableArrayList();
    private final StringBinding ledgerMessage;
    private final StringBinding ledgerCount;
    private final ObjectBinding<AccountText> header;
    private final ObjectBinding<AccountText.Summary> summary;
    private final StringBinding actionsNote;
    private final Map<AccountAction, ReadOnlyObjectWrapper<Availability>> actions = new EnumMap<>(AccountAction.class);
    private final ReadOnlyObjectWrapper<Availability> edit = new ReadOnlyObjectWrapper<>(this, "edit", new Availability(false, ""));

    private String accountId;
    /** The key this view issued last: it reloaded for it already, so the event it published needs no second reload. */
    private String issuedHere;

    public AccountDetailViewModel(AccountsApi api, Executor fx, Role role, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.time = time;
        for (AccountAction a : AccountAction.values()) {
            actions.put(a, new ReadOnlyObjectWrapper<>(this, a.wire(), new Availability(false, "Select an account first.")));
        }
        account.addListener((o, before, now) -> updateAvailability(now));
        this.ledger = new PagedList<>(api::ledger, LEDGER_PAGE, fx, id -> false, new PagedList.Wording<>("entry", "entries",
                id -> "No ledger entries yet: no purchases, grants or usage on this account."));
        this.loader = new Loader<AccountDetail>(fx).onLoaded(d -> {
            show(d);
            ledger.reload(d.account().id());
        }).onFailed(e -> clear());
        ledger.clear();
        var ledgerState = ledger.stateProperty();
        this.ledgerMessage = Bindings.createStringBinding(() -> ledgerState.get() == PagedList.State.ERROR
                ? "Couldn't load the ledger: " + ledger.messageProperty().get() : ledger.messageProperty().get(),
                ledgerState, ledger.messageProperty());
        this.ledgerCount = Bindings.createStringBinding(() -> ledger.items().isEmpty() ? ""
                : ledger.items().size() + " entries" + (ledger.moreProperty().get() ? " shown · older ones available" : " · all shown"),
                ledger.items(), ledger.moreProperty());
        this.header = Bindings.createObjectBinding(() -> account.get() == null ? null : AccountText.of(account.get(), time), account);
        this.summary = Bindings.createObjectBinding(() -> loader.value() == null ? null : AccountText.Summary.of(loader.value(), time),
                loader.valueProperty());
        this.actionsNote = Bindings.createStringBinding(() -> account.get() == null ? "" : actionsNote(account.get()), account);
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
                events.subscribe(KeyAdded.class, e -> keyAddedElsewhere(e.key())),
                events.subscribe(KeyChanged.class, e -> keyChangedElsewhere(e.key())),
                events.subscribe(AccountChanged.class, e -> accountChangedElsewhere(e.account())));
    }

    /** A key issued to the open account elsewhere (another screen): the account shows it. */
    private void keyAddedElsewhere(ApiKey key) {
        if (!key.id().equals(issuedHere) && accountId != null && accountId.equals(key.accountId())
                && keys.stream().noneMatch(k -> k.id().equals(key.id()))) {
            reload();
        }
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
        accountId = id;
        ledger.clear();
        loader.clear();
        clear();
        if (id != null) {
            loader.load(() -> api.account(id));
        }
    }

    /** Fetches the open account again (after an error, or to see others' changes); what is shown stays up meanwhile. */
    public void reload() {
        if (accountId == null) {
            return;
        }
        String id = accountId;
        loader.load(() -> api.account(id));
    }

    /** The next page of the ledger, older entries. */
    public void loadMoreLedger() {
        if (accountId != null) {
            ledger.loadMore();
        }
    }

    private void show(AccountDetail d) {
        account.set(d.account());
        lots.setAll(d.lots());
        keys.setAll(d.keys());
        enforcement.setAll(d.enforcement());
    }

    private void clear() {
        account.set(null);
        lots.clear();
        keys.clear();
        enforcement.clear();
    }

    private String actionsNote(Account a) {
        if (Arrays.stream(AccountAction.values()).noneMatch(x -> Permission.forAccountAction(x).allows(role))) {
            return "Your role (" + role.label() + ") may look but not warn, suspend, reinstate or terminate; trust & safety and leads may.";
        }
        if ("terminated".equals(a.status())) {
            return "Terminated accounts are final: no action can change this one.";
        }
        return "";
    }

    /** An enforcement entry's action in words; one on a key names the key by its masked form when it is in the view. */
    public String enforcementAction(EnforcementAction e) {
        return AccountLabels.kind(e.action()) + ("key".equals(e.targetType()) ? " key " + shortKey(e.keyId()) : "");
    }

    /** The key's masked form when it is in the table, else its id: never more of a key than prefix and last four. */
    private String shortKey(String keyId) {
        return keys.stream().filter(k -> k.id().equals(keyId)).map(ApiKey::masked).findFirst().orElse(keyId);
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

    /** The grant-credits form for the account as shown (issue 13); the view reloads once credits are granted. */
    public GrantCreditsViewModel grantCredits() {
        Account a = account.get();
        return new GrantCreditsViewModel(a, api::grantCredits, fx, time, dev.gatehouse.policy.PolicySettings.defaults(), grant -> {
            if (accountId != null && accountId.equals(grant.accountId())) {
                reload();
            }
            announcer.creditsGranted(a, grant);
        });
    }

    /**
     * The issue-key dialog for the account as shown (issue 12 item 0); once issued, the account's keys reload here and
     * every other screen hears of the new key.
     */
    public IssueKeyViewModel issueKey(Consumer<String> clipboard) {
        Account a = account.get();
        return new IssueKeyViewModel(new IssueKeyViewModel.Target(a.id(), a.name(), a.status(), null), api::issueKey, fx, time,
                clipboard, issued -> keyIssued(issued.key()));
    }

    /** A key was issued from here or from the Keys screen: the open account shows it, other screens hear of it. */
    public void keyIssued(ApiKey key) {
        issuedHere = key.id();
        if (accountId != null && accountId.equals(key.accountId())) {
            reload();
        }
        announcer.keyIssued(key);
    }

    /** Whether this role may issue the account as shown a key: support, trust & safety and leads; never a terminated account. */
    public Availability issueKeyAvailability() {
        Account a = account.get();
        if (!Permission.ISSUE_KEY.allows(role)) {
            return new Availability(false, "Only support, trust & safety and leads issue keys.");
        }
        if (a == null) {
            return new Availability(false, "Select an account first.");
        }
        var ruling = dev.gatehouse.policy.KeyIssuance.forAccount(
                dev.gatehouse.policy.AccountStatus.fromWire(a.status()).orElse(dev.gatehouse.policy.AccountStatus.ACTIVE));
        return ruling.allowed() ? new Availability(true, "") : new Availability(false, ruling.refusal());
    }

    /** Tells the other screens and the operator that an account was opened. */
    public void opened(Account a) {
        announcer.accountOpened(a);
    }

    /** Whether this role may grant credits to the account as shown: support and leads, and never to a terminated account. */
    public Availability grantAvailability() {
        Account a = account.get();
        if (!dev.gatehouse.policy.Permission.GRANT_CREDITS.allows(role)) {
            return new Availability(false, "Only support and leads grant credits.");
        }
        if (a == null || a.status().equals("terminated")) {
            return new Availability(false, "A terminated account takes no more credit.");
        }
        return new Availability(true, "");
    }

    public Availability keyAvailability(ApiKey key, KeyAction action) {
        return ActionOptions.key(role, key, action);
    }

    // ---- properties --------------------------------------------------------------------------

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public String accountId() { return accountId; }
    /** Loading the account: its state (idle while none is open), and why it failed. */
    public Loader<AccountDetail> loader() { return loader; }
    public ReadOnlyObjectProperty<Loader.State> stateProperty() { return loader.stateProperty(); }
    public ReadOnlyStringProperty messageProperty() { return loader.messageProperty(); }
    public ReadOnlyObjectProperty<Account> accountProperty() { return account.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AccountDetail> detailProperty() { return loader.valueProperty(); }
    /** The header in words; null while no account is shown. */
    public ObjectBinding<AccountText> headerProperty() { return header; }
    /** The balance, lots and keys summaries; null while no account is shown. */
    public ObjectBinding<AccountText.Summary> summaryProperty() { return summary; }
    /** Why the action buttons are closed, when the role or a final state closes them all; empty otherwise. */
    public StringBinding actionsNoteProperty() { return actionsNote; }
    public ObservableList<CreditLot> lots() { return lots; }
    public ObservableList<ApiKey> keys() { return keys; }
    public ObservableList<LedgerEntry> ledger() { return ledger.items(); }
    public ObservableList<EnforcementAction> enforcement() { return enforcement; }
    public ReadOnlyBooleanProperty ledgerLoadingProperty() { return ledger.loadingProperty(); }
    public ReadOnlyBooleanProperty ledgerMoreProperty() { return ledger.moreProperty(); }
    /** Why the ledger is empty, or that it failed; empty while it loads or has rows. */
    public StringBinding ledgerMessageProperty() { return ledgerMessage; }
    /** "50 entries shown · older ones available", "3 entries · all shown"; empty without entries. */
    public StringBinding ledgerCountProperty() { return ledgerCount; }
    public ReadOnlyObjectProperty<Availability> availabilityProperty(AccountAction action) { return actions.get(action).getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Availability> editProperty() { return edit.getReadOnlyProperty(); }
}
