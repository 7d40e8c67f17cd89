package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.NewAccount;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Enforcement;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * "New account" (issue 13): an account opened by hand, with a required reason and a preview of what will happen, like
 * every other action. When the platform says it looks like an existing account (apibox §2, one account per person),
 * the candidates are shown and the operator must tick that they checked them before it is opened anyway.
 */
public final class NewAccountViewModel {
    public enum State { EDITING, SAVING, DONE }

    public static final List<String> TIERS = List.of("free", "starter", "pro", "enterprise");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** The call the dialog makes: open with this body and Idempotency-Key. */
    @FunctionalInterface
    public interface Opener {
        CompletableFuture<Account> open(NewAccount body, String idempotencyKey);
    }

    private final Opener api;
    private final Executor fx;
    private final Consumer<Account> onOpened;
    private String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty tier = new SimpleStringProperty(this, "tier", "enterprise");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final BooleanProperty confirmDuplicate = new SimpleBooleanProperty(this, "confirmDuplicate");
    private final ObservableList<String> duplicates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ObjectBinding<List<String>> preview;

    public NewAccountViewModel(Opener api, Executor fx, Consumer<Account> onOpened) {
        this.api = api;
        this.fx = fx;
        this.onOpened = onOpened;
        this.preview = Bindings.createObjectBinding(this::describe, name, email, tier, reason);
        // another email or name is another question: a confirmation was for the candidates shown
        email.addListener((o, a, b) -> forgetDuplicates());
        name.addListener((o, a, b) -> forgetDuplicates());
    }

    private void forgetDuplicates() {
        duplicates.clear();
        confirmDuplicate.set(false);
    }

    /** What opening will do, in sentences, as the platform will do it. */
    private List<String> describe() {
        String n = name.get() == null || name.get().isBlank() ? "(name)" : name.get().strip();
        String e = email.get() == null || email.get().isBlank() ? "(email)" : email.get().strip().toLowerCase(Locale.ROOT);
        return List.of("Opens the account '" + n + "' <" + e + "> on the " + AccountLabels.tier(tier.get()) + " tier, active, "
                        + "with no credit yet (grant credits once it is open).",
                "Writes one audit entry, account.create, with your reason.");
    }

    /** Why the form cannot be sent as typed, one sentence per field; empty when it can. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name.get() == null || name.get().isBlank() || name.get().strip().length() > 200) {
            p.add("Name is required (at most 200 characters).");
        }
        if (email.get() == null || !EMAIL.matcher(email.get().strip()).matches()) {
            p.add("Email must be an address like billing@customer.com.");
        }
        if (tier.get() == null || !TIERS.contains(tier.get())) {
            p.add("Choose a tier.");
        }
        Enforcement.reasonProblem(reason.get()).ifPresent(m -> p.add("Reason " + m + "."));
        if (!duplicates.isEmpty() && !confirmDuplicate.get()) {
            p.add("Check the look-alike accounts above, then tick that this is a different customer.");
        }
        return p;
    }

    public void submit() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            error.set(String.join(" ", p));
            return;
        }
        saving.set(true);
        error.set("");
        NewAccount body = new NewAccount(name.get().strip(), email.get().strip().toLowerCase(Locale.ROOT), tier.get(),
                reason.get().strip(), duplicates.isEmpty() ? null : Boolean.TRUE);
        api.open(body, idempotencyKey).whenComplete((account, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                done.set(true);
                onOpened.accept(account);
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (!e.retryable()) {
                // the platform refused and wrote nothing: a corrected request is a new one
                idempotencyKey = UUID.randomUUID().toString();
            }
            if (e.is(ProblemType.LIKELY_DUPLICATE)) {
                duplicates.setAll(e.problem().map(Problem::errors).orElse(List.of()).stream().map(Problem.FieldError::message).toList());
                confirmDuplicate.set(false);
                error.set("This looks like an existing account (one account per person or organization, apibox §2).");
                return;
            }
            error.set(e.getMessage() + (e.retryable() ? " What you typed is kept; Open again sends the same request." : ""));
        }));
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty emailProperty() { return email; }
    public StringProperty tierProperty() { return tier; }
    public StringProperty reasonProperty() { return reason; }
    public BooleanProperty confirmDuplicateProperty() { return confirmDuplicate; }
    /** The look-alike accounts the platform named, one line each; empty until it names any. */
    public ObservableList<String> duplicates() { return duplicates; }
    public ObjectBinding<List<String>> previewProperty() { return preview; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
}
