package dev.gatehouse.console.accounts;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyIssued;
import dev.gatehouse.api.NewApiKey;
import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.KeyIssuance;
import dev.gatehouse.policy.Validated;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * "Issue key…" (issue 12 item 0): name, live or test, an optional expiry and a reason, checked by the same rule the
 * gateway enforces ({@link KeyIssuance}); then the secret, shown this once with a copy button (ai-visual-studio §2, §3).
 * One Idempotency-Key per dialog, so a retry after a lost answer makes no second key; but such a replay carries no
 * secret (the platform never stored it), and the dialog then says the key must be revoked and issued again.
 */
public final class IssueKeyViewModel {
    /** The form; the secret on screen; or a key issued whose secret this console never received. */
    public enum Stage { FORM, SHOWN, LOST }

    /** Whose key: the account, and (from the Keys screen) the key it replaces, for the name and the wording. */
    public record Target(String accountId, String accountName, String accountStatus, String replaces) {}

    /** The call the dialog makes. */
    @FunctionalInterface
    public interface Issuer {
        CompletableFuture<KeyIssued> issue(String accountId, NewApiKey body, String idempotencyKey);
    }

    private final Target target;
    private final Issuer api;
    private final Executor fx;
    private final OperatorTime time;
    private final Consumer<String> clipboard;
    private final Consumer<KeyIssued> onIssued;
    private String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "live");
    private final StringProperty expires = new SimpleStringProperty(this, "expires", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.FORM);
    private final ReadOnlyObjectWrapper<ApiKey> issued = new ReadOnlyObjectWrapper<>(this, "issued");
    private final ReadOnlyStringWrapper secret = new ReadOnlyStringWrapper(this, "secret", "");
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper(this, "copied", "");
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper(this, "stored");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ObjectBinding<List<String>> preview;

    public IssueKeyViewModel(Target target, Issuer api, Executor fx, OperatorTime time, Consumer<String> clipboard,
                             Consumer<KeyIssued> onIssued) {
        this.target = target;
        this.api = api;
        this.fx = fx;
        this.time = time;
        this.clipboard = clipboard;
        this.onIssued = onIssued;
        if (target.replaces() != null) {
            name.set("replacement for " + target.replaces());
        }
        this.preview = Bindings.createObjectBinding(this::describe, mode, expires);
    }

    private List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("test".equals(mode.get())
                ? "A test key (sk-test-…): it spends no credits, reaches only the test models and is held to the Free tier's limits."
                : "A live key (sk-live-…): it spends " + target.accountName() + "'s credits at the account's tier limits.");
        if ("suspended".equals(target.accountStatus())) {
            lines.add("The account is suspended: the new key is refused like its others until the account is reinstated.");
        }
        if (target.replaces() != null) {
            lines.add(target.replaces() + " keeps working until you suspend or revoke it.");
        }
        lines.add(expiresAt().map(at -> "It stops working on " + time.absolute(at) + ".").orElse("It does not expire."));
        lines.add("The secret is shown once, after you issue the key: the platform keeps only its hash.");
        return lines;
    }

    private Optional<Instant> expiresAt() {
        String t = expires.get() == null ? "" : expires.get().strip();
        try {
            return t.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(t).atStartOfDay(time.zone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What to fix before sending, in the platform's own words; empty when the form may be sent. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String t = expires.get() == null ? "" : expires.get().strip();
        boolean unreadableDate = !t.isEmpty() && expiresAt().isEmpty();
        if (unreadableDate) {
            p.add("Expiry is a date like 2027-06-30 (or empty: never).");
        }
        Validated<KeyIssuance.Draft> v = KeyIssuance.check(name.get(), mode.get(), expiresAt().orElse(null), reason.get(), time.now());
        for (FieldError e : v.errors()) {
            p.add(label(e.field()) + " " + e.message() + ".");
        }
        return p;
    }

    private static String label(String field) {
        return switch (field) {
            case "expires_at" -> "Expiry";
            case "name" -> "Name";
            case "mode" -> "Mode";
            case "reason" -> "Reason";
            default -> field;
        };
    }

    public void submit() {
        if (stage.get() != Stage.FORM || saving.get()) {
            return;
        }
        List<String> p = problems();
        if (!p.isEmpty()) {
            error.set(String.join(" ", p));
            return;
        }
        saving.set(true);
        error.set("");
        NewApiKey body = new NewApiKey(name.get().strip(), mode.get(), expiresAt().orElse(null), reason.get().strip());
        api.issue(target.accountId(), body, idempotencyKey).whenComplete((result, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                issued.set(result.key());
                if (result.secret() == null) {
                    stage.set(Stage.LOST);
                } else {
                    secret.set(result.secret());
                    stage.set(Stage.SHOWN);
                }
                onIssued.accept(result);
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (!e.retryable()) {
                idempotencyKey = UUID.randomUUID().toString();
            }
            error.set(e.getMessage() + (e.retryable() ? " What you typed is kept; Issue again sends the same request and cannot make a second key." : ""));
        }));
    }

    /** Puts the secret on the clipboard; the operator has then kept it. */
    public void copy() {
        if (stage.get() == Stage.SHOWN && !done.get()) {
            clipboard.accept(secret.get());
            copied.set("Copied to the clipboard.");
            stored.set(true);
        }
    }

    /** The operator says the secret is kept somewhere safe (or copies it): Done is enabled. */
    public void markStored(boolean kept) {
        stored.set(kept);
    }

    /** Closes the dialog; the secret is dropped from memory here and cannot be shown again. */
    public void finish() {
        secret.set("");
        done.set(true);
    }

    /** "Live key issued": the dialog's title once the key exists. */
    public String issuedTitle() {
        ApiKey k = issued.get();
        return k == null ? "" : ("test".equals(k.mode()) ? "Test key issued" : "Live key issued");
    }

    /** "sk-live-AbCd…wxyz · Acme Robotics · acct_1": the line under the title, naming the key as operators will see it. */
    public String issuedSubtitle() {
        ApiKey k = issued.get();
        return k == null ? target.accountName() + " · " + target.accountId()
                : k.masked() + " · " + target.accountName() + " · " + target.accountId();
    }

    /** Why there is no secret to show, and what to do: revoke the key and issue another. */
    public String lostMessage() {
        ApiKey k = issued.get();
        return k == null ? "" : "The key " + k.masked() + " was issued, but its secret was in an answer that never reached this "
                + "console, and the platform cannot show it again (it keeps only the hash). Revoke " + k.masked()
                + " on the Keys screen and issue a new key.";
    }

    public Target target() { return target; }
    public StringProperty nameProperty() { return name; }
    public StringProperty modeProperty() { return mode; }
    public StringProperty expiresProperty() { return expires; }
    public StringProperty reasonProperty() { return reason; }
    public ObjectBinding<List<String>> previewProperty() { return preview; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Stage> stageProperty() { return stage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ApiKey> issuedProperty() { return issued.getReadOnlyProperty(); }
    public ReadOnlyStringProperty secretProperty() { return secret.getReadOnlyProperty(); }
    public ReadOnlyStringProperty copiedProperty() { return copied.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty storedProperty() { return stored.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
}
