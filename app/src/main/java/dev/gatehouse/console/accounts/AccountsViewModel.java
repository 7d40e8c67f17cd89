package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.client.PlatformException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The Accounts screen: search by text, status and tier (filters run on the gateway), paged loading (a page at a
 * time: there may be hundreds of thousands of accounts), and the selected account's 360° view.
 */
public final class AccountsViewModel {
    public static final List<String> STATUSES = List.of("", "active", "warned", "suspended", "terminated");
    public static final List<String> TIERS = List.of("", "free", "starter", "pro", "enterprise");
    public static final int PAGE = 100;

    public enum State { LOADING, READY, EMPTY, ERROR }

    private final AccountsApi api;
    private final Executor fx;
    private final AccountDetailViewModel detail;

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty tier = new SimpleStringProperty(this, "tier", "");
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper(this, "filtered");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private String cursor;
    private long generation;
    private boolean applyingFilters;

    public AccountsViewModel(AccountsApi api, Executor fx, AccountDetailViewModel detail) {
        this.api = api;
        this.fx = fx;
        this.detail = detail;
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
        long gen = ++generation;
        AccountQuery q = query();
        filtered.set(!q.isAll());
        accounts.clear();
        cursor = null;
        more.set(false);
        message.set("");
        state.set(State.LOADING);
        countText.set("Loading accounts…");
        fetch(gen, q);
    }

    /** The next page of the same query. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            fetch(generation, query());
        }
    }

    private void fetch(long gen, AccountQuery q) {
        loading.set(true);
        api.accounts(q, cursor, PAGE).whenComplete((page, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                PlatformException e = PlatformException.of(failure);
                if (accounts.isEmpty()) {
                    countText.set("");
                    message.set(e.getMessage());
                    state.set(State.ERROR);
                } else {
                    message.set("Couldn't load more: " + e.getMessage());
                }
                return;
            }
            accounts.addAll(page.data());
            cursor = page.nextCursor();
            more.set(cursor != null && !page.data().isEmpty());
            countText.set(count());
            if (accounts.isEmpty()) {
                message.set(q.isAll() ? "This platform has no customer accounts yet."
                        : "No accounts match " + describe(q) + ". Search matches the start of a name, an email or its domain, or an exact account id.");
                state.set(State.EMPTY);
            } else {
                state.set(State.READY);
            }
        }));
    }

    private static String describe(AccountQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.q() != null) s.append("'").append(q.q()).append("'");
        if (q.status() != null) s.append(s.length() > 0 ? " · " : "").append(q.status());
        if (q.tier() != null) s.append(s.length() > 0 ? " · " : "").append(q.tier()).append(" tier");
        return s.toString();
    }

    private String count() {
        String n = NumberFormat.getIntegerInstance(Locale.US).format(accounts.size());
        String noun = accounts.size() == 1 ? " account" : " accounts";
        return more.get() ? "First " + n + noun + (filtered.get() ? " matching" : "") + " · more available"
                : n + noun + (filtered.get() ? " match" : "");
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
        generation++;
        detail.open(null);
    }

    public AccountDetailViewModel detail() { return detail; }
    public StringProperty searchProperty() { return search; }
    public StringProperty statusProperty() { return status; }
    public StringProperty tierProperty() { return tier; }
    public ObservableList<Account> accounts() { return accounts; }
    public ObjectProperty<Account> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return filtered.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
