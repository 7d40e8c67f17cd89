package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Tier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Accounts screen: search by text, status and tier (filters run on the gateway), paged loading (a page at a
 * time: there may be hundreds of thousands of accounts), and the selected account's 360° view.
 */
public final class AccountsViewModel {
    public static final List<AccountStatus> STATUSES = FilterOptions.anyOr(AccountStatus.values());
    public static final List<Tier> TIERS = FilterOptions.anyOr(Tier.values());
    public static final int PAGE = 100;

    private final AccountDetailViewModel detail;

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<AccountStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier");
    /** The 360° view is its own view model (the Keys drawer shows it too), so this model fetches no detail itself. */
    private final ListDetailModel<AccountQuery, Account, Void> model;
    private final ObservableList<Account> accounts;
    private final ObjectProperty<Account> selected;
    private EventBus.Subscription following = EventBus.Subscription.NONE;
    private final AccountsApi api;
    private final Executor fx;

    public AccountsViewModel(AccountsApi api, Executor fx, AccountDetailViewModel detail) {
        this.detail = detail;
        this.api = api;
        this.fx = fx;
        PagedList<AccountQuery, Account> list = new PagedList<>(api::accounts, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("account", "accounts", AccountsViewModel::emptyMessage));
        this.model = new ListDetailModel<AccountQuery, Account, Void>(list, this::query, Account::id, fx)
                .keepSelectionOnReload()
                .watch(search, status, tier);
        this.accounts = model.rows();
        this.selected = model.selectedProperty();
        selected.addListener((o, a, acct) -> {
            if (acct == null ? detail.accountId() != null : !acct.id().equals(detail.accountId())) {
                detail.open(acct == null ? null : acct.id());
            }
        });
        detail.onChanges(new AccountDetailViewModel.Changes() {
            @Override public void accountChanged(Account account) { replace(account); }
            @Override public void keyChanged(ApiKey key) {}
        });
    }

    /** The account view announces its actions; changes made elsewhere update rows here until {@link #close()}. */
    public void follow(EventBus events, Notifier notifier) {
        following = EventBus.Subscription.of(detail.follow(events, notifier),
                events.subscribe(AccountChanged.class, e -> replace(e.account())));
    }

    public AccountQuery query() {
        return new AccountQuery(search.get(), status.get(), tier.get());
    }

    public void start() {
        reload();
    }

    public void clearFilters() {
        model.changeFilters(() -> {
            search.set("");
            status.set(null);
            tier.set(null);
        });
    }

    /** Shows one account directly (e.g. from a key's account link), whether or not it is in the list. */
    public void openAccount(String id) {
        Account inList = accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (inList != null) {
            selected.set(inList);
        } else {
            selected.set(null);
            detail.open(id);
        }
    }

    public void reload() {
        model.reload();
    }

    /** Whether this operator may open accounts by hand (support and leads, issue 13). */
    public boolean canOpenAccounts() {
        return dev.gatehouse.policy.Permission.OPEN_ACCOUNT.allows(detail.role());
    }

    /** The "New account" form; once opened, the list reloads and the new account is shown. */
    public NewAccountViewModel newAccount() {
        return new NewAccountViewModel(api::openAccount, fx, opened -> {
            reload();
            openAccount(opened.id());
            detail.opened(opened);
        });
    }

    /** The next page of the same query. */
    public void loadMore() {
        model.loadMore();
    }

    private static String emptyMessage(AccountQuery q) {
        return q.isAll() ? "This platform has no customer accounts yet."
                : "No accounts match " + describe(q) + ". Search matches the start of a name, an email or its domain, or an exact account id.";
    }

    private static String describe(AccountQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.q() != null) s.append("'").append(q.q()).append("'");
        if (q.status() != null) s.append(s.length() > 0 ? " · " : "").append(q.statusWire());
        if (q.tier() != null) s.append(s.length() > 0 ? " · " : "").append(q.tierWire()).append(" tier");
        return s.toString();
    }

    /** An account changed (an action or an edit): its row shows the new state. */
    public void replace(Account account) {
        model.replace(account);
    }

    public void close() {
        following.close();
        model.close();
        detail.open(null);
    }

    public AccountDetailViewModel detail() { return detail; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<AccountStatus> statusProperty() { return status; }
    public ObjectProperty<Tier> tierProperty() { return tier; }
    public ObservableList<Account> accounts() { return accounts; }
    public ObjectProperty<Account> selectedProperty() { return selected; }
    /** Filters, rows and selection: what the shared table view binds to. */
    public ListDetailModel<AccountQuery, Account, Void> model() { return model; }
    /** The paged rows and their loading state, for the view around the table. */
    public PagedList<AccountQuery, Account> list() { return model.list(); }
    public ReadOnlyObjectProperty<PagedList.State> stateProperty() { return model.list().stateProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return model.list().loadingProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return model.list().moreProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return model.list().filteredProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return model.list().countTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return model.list().messageProperty(); }
}
