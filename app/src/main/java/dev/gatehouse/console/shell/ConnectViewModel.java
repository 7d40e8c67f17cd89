package dev.gatehouse.console.shell;

import dev.gatehouse.api.Me;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The connect window: open the embedded demo platform as a chosen role, or sign in to a platform by URL and
 * operator token. What the operator typed is kept on any error; the failed attempt can be retried as it was.
 */
public final class ConnectViewModel {
    private final DemoPlatform demo;
    private final Executor background;
    private final Executor fx;
    private final Consumer<SignedIn> connected;

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ObjectProperty<Role> demoRole = new SimpleObjectProperty<>(this, "demoRole", Role.LEAD);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final ReadOnlyStringWrapper tokenError = new ReadOnlyStringWrapper(this, "tokenError", "");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");

    private Runnable lastAttempt;
    private RecentPlatforms recent;
    private TokenKeychain keychain = TokenKeychain.NONE;
    private final javafx.collections.ObservableList<RecentPlatforms.Entry> recentPlatforms = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper keychainNote = new ReadOnlyStringWrapper(this, "keychainNote", "");

    /** An operator signed in: the client (now the receiver's to close), who they are, and whether it is the demo platform. */
    public record SignedIn(PlatformClient client, Me me, boolean demo) {}

    public ConnectViewModel(DemoPlatform demo, Executor background, Executor fx, Consumer<SignedIn> connected) {
        this.demo = demo;
        this.background = background;
        this.fx = fx;
        this.connected = connected;
        url.addListener((o, a, b) -> urlError.set(""));
        token.addListener((o, a, b) -> tokenError.set(""));
    }

    /**
     * Remembers the platforms signed in to (URL and operator name, in {@code recent}) and their tokens (only in
     * {@code keychain}, issue 13). Both are read and written off the FX thread.
     */
    public ConnectViewModel remembering(RecentPlatforms recent, TokenKeychain keychain) {
        this.recent = recent;
        this.keychain = keychain;
        CompletableFuture.supplyAsync(recent::list, background).thenAccept(list -> fx.execute(() -> recentPlatforms.setAll(list)));
        return this;
    }

    /** Fills the form with a recent platform; its token comes from the keychain when there is one that kept it. */
    public void chooseRecent(RecentPlatforms.Entry entry) {
        if (entry == null) {
            return;
        }
        url.set(entry.url());
        token.set("");
        keychainNote.set("Looking in the keychain…");
        TokenKeychain k = keychain;
        record Found(boolean keychain, java.util.Optional<String> token) {}
        CompletableFuture.supplyAsync(() -> new Found(k.available(), k.token(entry.url(), entry.operatorName())), background)
                .whenComplete((f, failure) -> fx.execute(() -> {
                    if (failure == null && f.token().isPresent()) {
                        token.set(f.token().get());
                        keychainNote.set("Token for " + entry.operatorName() + " taken from the system keychain.");
                    } else if (failure == null && f.keychain()) {
                        keychainNote.set("The keychain has no token for " + entry.operatorName() + " on this platform: enter it.");
                    } else {
                        keychainNote.set("This machine has no keychain, so tokens are not remembered: enter " + entry.operatorName()
                                + "'s token.");
                    }
                }));
    }

    /** After signing in to a platform by URL: remember it, and its token in the keychain (nowhere else). */
    private void remember(String baseUrl, Me me, String operatorToken) {
        if (recent == null) {
            return;
        }
        RecentPlatforms r = recent;
        TokenKeychain k = keychain;
        CompletableFuture.runAsync(() -> {
            r.remember(new RecentPlatforms.Entry(baseUrl, me.name(), me.id()));
            k.save(baseUrl, me.name(), operatorToken);
        }, background);
    }

    /** Starts (or reuses) the embedded demo platform off the FX thread and signs in with the chosen role's token. */
    public void openDemo() {
        Role role = demoRole.get() == null ? Role.LEAD : demoRole.get();
        lastAttempt = this::openDemo;
        begin("Starting the demo platform…");
        CompletableFuture.supplyAsync(() -> {
            try {
                return demo.start();
            } catch (Exception e) {
                throw new PlatformException("The demo platform did not start: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                        0, null, true, e);
            }
        }, background).whenComplete((c, failure) -> fx.execute(() -> {
            if (failure != null) {
                fail(PlatformException.of(failure), false);
                return;
            }
            String roleToken = c.tokensByRole().get(role.wire());
            if (roleToken == null) {
                fail(new PlatformException("The demo platform has no operator with the role " + role.label() + ".", 0, false), false);
                return;
            }
            signIn(c.baseUrl(), roleToken, true, "Signing in as " + role.label() + "…");
        }));
    }

    /** Validates the form, then signs in; field problems are shown next to their field. */
    public void connect() {
        lastAttempt = this::connect;
        error.set("");
        boolean ok = true;
        try {
            PlatformClient.parseBaseUrl(url.get());
        } catch (PlatformException e) {
            urlError.set(e.getMessage());
            ok = false;
        }
        if (token.get() == null || token.get().isBlank()) {
            tokenError.set("Enter an operator token.");
            ok = false;
        }
        if (!ok) {
            canRetry.set(false);
            return;
        }
        begin("Connecting to " + url.get().strip() + "…");
        signIn(url.get(), token.get(), false, "Connecting to " + url.get().strip() + "…");
    }

    public void retry() {
        if (lastAttempt != null && !busy.get()) {
            lastAttempt.run();
        }
    }

    private void begin(String text) {
        busy.set(true);
        error.set("");
        canRetry.set(false);
        progress.set(text);
    }

    private void signIn(String baseUrl, String operatorToken, boolean isDemo, String text) {
        progress.set(text);
        PlatformClient client;
        try {
            client = new PlatformClient(baseUrl, operatorToken);
        } catch (PlatformException e) {
            fail(e, !isDemo);
            return;
        }
        client.me().whenComplete((me, failure) -> fx.execute(() -> {
            if (failure != null) {
                client.close();
                fail(PlatformException.of(failure), !isDemo);
                return;
            }
            busy.set(false);
            progress.set("");
            if (!isDemo) {
                remember(client.baseUrl(), me, operatorToken.strip());
            }
            connected.accept(new SignedIn(client, me, isDemo));
        }));
    }

    private void fail(PlatformException e, boolean fromForm) {
        busy.set(false);
        progress.set("");
        if (fromForm && e.is(ProblemType.UNAUTHORIZED)) {
            tokenError.set(e.getMessage());
        } else if (fromForm && e.status() == 0 && !e.retryable()) {
            urlError.set(e.getMessage());
        } else {
            error.set(e.getMessage());
        }
        canRetry.set(true);
    }

    public javafx.collections.ObservableList<RecentPlatforms.Entry> recentPlatforms() { return recentPlatforms; }
    public ReadOnlyStringProperty keychainNoteProperty() { return keychainNote.getReadOnlyProperty(); }
    public StringProperty urlProperty() { return url; }
    public StringProperty tokenProperty() { return token; }
    public ObjectProperty<Role> demoRoleProperty() { return demoRole; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty urlErrorProperty() { return urlError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tokenErrorProperty() { return tokenError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRetryProperty() { return canRetry.getReadOnlyProperty(); }
}
