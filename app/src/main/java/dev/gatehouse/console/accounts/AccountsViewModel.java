package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.PagedList;
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
    public static final List<String> STATUSES = List.of("", "active", "warned", "suspended", "terminated");
    public static final List<String> TIERS = List.of("", "free", "starter", "pro", "enterprise");
    public static final int PAGE = 100;

    private final AccountDetailViewModel detail;

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty tier = new SimpleStringProperty(this, "tier", "");
    private final PagedList<AccountQuery, Account> list;
    private final ObservableList<Account> accounts;
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>(this, "selected");
    private boolean applyingFilters;
    private EventBus.Subscription following = EventBus.Subscription.NONE;

    public AccountsViewModel(AccountsApi api, Executor fx, AccountDetailViewModel detail) {
        this.detail = detail;
        this.list = new PagedList<>(api::accounts, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("account", "accounts", AccountsViewModel::emptyMessage));
        this.accounts = list.items();
        for (StringProperty filter : List.of(search, status, tier)) {
            filter.addListener((o, a, b) -> {
                if (!applyingFilters && !norm(a).equals(norm(b))) {
                    reload();
                }
            });
        }
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

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    public AccountQuery query() {
        return new AccountQuery(search.get(), status.get(), tier.get());
    }

    public void start() {
        reload();
    }

    public void clearFilters() {
        applyingFilters = true;
        search.set("");
        status.set("");
        tier.set("");
        applyingFilters = false;
        reload();
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
        list.reload(query());
    }

    /** The next page of the same query. */
    public void loadMore() {
        list.loadMore();
    }

    private static String emptyMessage(AccountQuery q) {
        return q.isAll() ? "This platform has no customer accounts yet."
                : "No accounts match " + describe(q) + ". Search matches the start of a name, an email or its domain, or an exact account id.";
    }

    private static String describe(AccountQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.q() != null) s.append("'").append(q.q()).append("'");
        if (q.status() != null) s.append(s.length() > 0 ? " · " : "").append(q.status());
        if (q.tier() != null) s.append(s.length() > 0 ? " · " : "").append(q.tier()).append(" tier");
        return s.toString();
    }

    /** An account changed (an action or an edit): its row shows the new state. */
    public void replace(Account account) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id().equals(account.id())) {
                boolean wasSelected = selected.get() != null && selected.get().id().equals(account.id());
                accounts.set(i, account);
                if (wasSelected) {
                    selected.set(account);
                }
            }
        }
    }

    public void close() {
        following.close();
        list.close();
        detail.open(null);
    }

    public AccountDetailViewModel detail() { return detail; }
    public StringProperty searchProperty() { return search; }
    public StringProperty statusProperty() { return status; }
    public StringProperty tierProperty() { return tier; }
    public ObservableList<Account> accounts() { return accounts; }
    public ObjectProperty<Account> selectedProperty() { return selected; }
    /** The paged rows and their loading state, for the view around the table. */
    public PagedList<AccountQuery, Account> list() { return list; }
    public ReadOnlyObjectProperty<PagedList.State> stateProperty() { return list.stateProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return list.loadingProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return list.moreProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return list.filteredProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return list.countTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return list.messageProperty(); }
}
