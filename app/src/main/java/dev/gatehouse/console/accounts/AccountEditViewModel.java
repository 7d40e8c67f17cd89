package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Edits an account's tier and contact with PATCH and If-Match (DESIGN §3 "no lost updates"). Only the fields the
 * operator changed are sent. When another operator got there first (412), the current account is fetched and both
 * changes are shown side by side; the operator chooses Retry with mine or Keep theirs. Nothing is overwritten silently.
 */
public final class AccountEditViewModel {
    public enum State { EDITING, SAVING, CONFLICT, DONE }

    public static final List<String> TIERS = List.of("free", "starter", "pro", "enterprise");

    private final Role role;
    private final AccountsApi api;
    private final Executor fx;
    private final Consumer<Account> onSaved;
    /** The account as it was when the operator started editing: what "changed" means. */
    private final Account original;
    /** The version the next PATCH claims to change: the original, or theirs after a conflict. */
    private Account base;

    private final StringProperty tier = new SimpleStringProperty(this, "tier");
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty email = new SimpleStringProperty(this, "email");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EDITING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();

    public AccountEditViewModel(Account account, Role role, AccountsApi api, Executor fx, Consumer<Account> onSaved) {
        this.original = account;
        this.base = account;
        this.role = role;
        this.api = api;
        this.fx = fx;
        this.onSaved = onSaved;
        tier.set(account.tier());
        name.set(account.name());
        email.set(account.email());
    }

    public boolean canChangeTier() {
        return Permission.CHANGE_TIER.allows(role);
    }

    public boolean canChangeContact() {
        return Permission.EDIT_CONTACT.allows(role);
    }

    /** Only what the operator changed from the account they started from; null fields stay as they are. */
    public AccountPatch patch() {
        String t = changed(Account::tier, tier.get());
        String n = changed(Account::name, name.get());
        String e = changed(Account::email, email.get());
        String r = reason.get() == null || reason.get().isBlank() ? null : reason.get().strip();
        return new AccountPatch(t, n, e, r);
    }

    private String changed(Function<Account, String> field, String value) {
        String v = value == null ? null : value.strip();
        return v == null || v.equals(field.apply(original)) ? null : v;
    }

    public void save() {
        AccountPatch p = patch();
        if (p.tier() == null && p.name() == null && p.email() == null) {
            error.set("Nothing to save: change the tier, the name or the email first.");
            return;
        }
        send(p);
    }

    /** After a conflict: sends my changes again, this time against the version the other operator left. */
    public void retryWithMine() {
        if (state.get() == State.CONFLICT) {
            send(patch());
        }
    }

    /** After a conflict: drops my changes and takes the account as the other operator left it. */
    public void keepTheirs() {
        tier.set(base.tier());
        name.set(base.name());
        email.set(base.email());
        conflicts.clear();
        state.set(State.DONE);
        onSaved.accept(base);
    }

    private void send(AccountPatch p) {
        state.set(State.SAVING);
        error.set("");
        api.patchAccount(base.id(), base.version(), p).whenComplete((saved, failure) -> fx.execute(() -> {
            if (failure == null) {
                conflicts.clear();
                state.set(State.DONE);
                onSaved.accept(saved);
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (e.is(ProblemType.STALE_VERSION)) {
                fetchTheirs();
            } else {
                error.set(e.getMessage());
                state.set(conflicts.isEmpty() ? State.EDITING : State.CONFLICT);
            }
        }));
    }

    private void fetchTheirs() {
        api.account(base.id()).whenComplete((d, failure) -> fx.execute(() -> {
            if (failure != null) {
                error.set("Another operator changed this account, and fetching their change failed: "
                        + PlatformException.of(failure).getMessage() + " Nothing was saved; try again.");
                state.set(State.EDITING);
                return;
            }
            Account theirs = d.account();
            conflicts.setAll(describe(original, theirs));
            base = theirs;
            state.set(State.CONFLICT);
        }));
    }

    /** "Tier was changed to pro by someone else; yours: enterprise", one line per field either side touched. */
    List<String> describe(Account from, Account theirs) {
        List<String> lines = new ArrayList<>();
        compare(lines, "Tier", from.tier(), theirs.tier(), tier.get(), AccountLabels::tier);
        compare(lines, "Name", from.name(), theirs.name(), name.get(), s -> s);
        compare(lines, "Email", from.email(), theirs.email(), email.get(), s -> s);
        if (!from.status().equals(theirs.status())) {
            lines.add("Status is now " + theirs.status() + " (was " + from.status() + " when you started)");
        }
        if (lines.isEmpty()) {
            lines.add("Someone else saved this account (version " + from.version() + " → " + theirs.version()
                    + ") without touching the fields you edited.");
        }
        return lines;
    }

    private static void compare(List<String> lines, String field, String from, String theirs, String mine, Function<String, String> label) {
        String m = mine == null ? null : mine.strip();
        boolean theyChanged = !Objects.equals(from, theirs);
        boolean iChanged = !Objects.equals(from, m);
        if (theyChanged && iChanged) {
            lines.add(field + " was changed to " + label.apply(theirs) + " by someone else; yours: " + label.apply(m));
        } else if (theyChanged) {
            lines.add(field + " was changed to " + label.apply(theirs) + " by someone else; you left it, so theirs stays");
        } else if (iChanged) {
            lines.add(field + ": yours " + label.apply(m) + " (unchanged by them: " + label.apply(from) + ")");
        }
    }

    public Account original() { return original; }
    public Account base() { return base; }
    public StringProperty tierProperty() { return tier; }
    public StringProperty nameProperty() { return name; }
    public StringProperty emailProperty() { return email; }
    /** Optional; recorded in the audit entry. */
    public StringProperty reasonProperty() { return reason; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ObservableList<String> conflicts() { return conflicts; }
}
