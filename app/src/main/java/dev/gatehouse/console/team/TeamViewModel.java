package dev.gatehouse.console.team;

import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.NewOperator;
import dev.gatehouse.api.OperatorActionRequest;
import dev.gatehouse.api.OperatorActionResult;
import dev.gatehouse.api.OperatorPatch;
import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionCall;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ActionPreview;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Role;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The Team screen (issue 13, leads): the operators with their role, status, last request and token age; invite one;
 * change a role; deactivate, reactivate or rotate a token, each through the reason dialog. A new token is shown once,
 * with a copy button and a warning, and forgotten when the operator dismisses it.
 */
public final class TeamViewModel {
    public static final List<Role> ROLES = List.of(Role.VIEWER, Role.SUPPORT, Role.TRUST_SAFETY, Role.OPS, Role.LEAD);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** A token to show once: whose, why, and the token itself. */
    public record RevealedToken(String operatorName, String what, String token) {}

    private final TeamApi api;
    private final Executor fx;
    private final OperatorTime time;
    private final String me;
    private final Notifier notifier;

    private final ObservableList<OperatorProfile> operators = FXCollections.observableArrayList();
    private final ObjectProperty<OperatorProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper listMessage = new ReadOnlyStringWrapper(this, "listMessage", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final Loader<Page<OperatorProfile>> loader;

    private final ReadOnlyBooleanWrapper inviting = new ReadOnlyBooleanWrapper(this, "inviting");
    private final StringProperty inviteName = new SimpleStringProperty(this, "inviteName", "");
    private final StringProperty inviteEmail = new SimpleStringProperty(this, "inviteEmail", "");
    private final ObjectProperty<Role> inviteRole = new SimpleObjectProperty<>(this, "inviteRole", Role.SUPPORT);
    private final StringProperty inviteExpires = new SimpleStringProperty(this, "inviteExpires", "");
    private final StringProperty inviteReason = new SimpleStringProperty(this, "inviteReason", "");
    private final ReadOnlyStringWrapper inviteError = new ReadOnlyStringWrapper(this, "inviteError", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private String inviteKey = UUID.randomUUID().toString();

    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole");
    private final ReadOnlyObjectWrapper<RevealedToken> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");

    public TeamViewModel(TeamApi api, Executor fx, OperatorTime time, String me, Notifier notifier) {
        this.api = api;
        this.fx = fx;
        this.time = time;
        this.me = me;
        this.notifier = notifier;
        this.loader = new Loader<Page<OperatorProfile>>(fx).onLoaded(this::shown).onFailed(e -> {
            loading.set(false);
            listMessage.set("Couldn't load the operators: " + e.getMessage());
        });
        selected.addListener((o, a, op) -> newRole.set(op == null ? null : Role.fromWire(op.role()).orElse(null)));
    }

    // ---- list --------------------------------------------------------------------------------

    /** Loads the team: one page of up to 200 operators (a team is people, not millions of rows). */
    public void reload() {
        loading.set(true);
        listMessage.set("");
        loader.load(() -> api.operators(null, PlatformClient.MAX_PAGE));
    }

    private void shown(Page<OperatorProfile> page) {
        loading.set(false);
        String keep = selected.get() == null ? null : selected.get().id();
        operators.setAll(page.data());
        selected.set(operators.stream().filter(o -> o.id().equals(keep)).findFirst().orElse(null));
        listMessage.set(page.nextCursor() == null ? "" : "Showing the first " + page.data().size() + " operators.");
    }

    private void replace(OperatorProfile changed) {
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i).id().equals(changed.id())) {
                operators.set(i, changed);
                if (selected.get() != null && selected.get().id().equals(changed.id())) {
                    selected.set(changed);
                }
                return;
            }
        }
        operators.add(changed);
    }

    public String countText() {
        long active = operators.stream().filter(o -> o.status().equals("active")).count();
        return operators.size() + " operator" + (operators.size() == 1 ? "" : "s") + ", " + active + " active";
    }

    /** "12 min ago", or "never" for a token never used. */
    public String lastSeen(OperatorProfile o) {
        return o.lastSeenAt() == null ? "never" : time.relative(o.lastSeenAt());
    }

    /** "Token 12 days old, expires 2026-12-31" */
    public String tokenAge(OperatorProfile o) {
        String age = o.tokenAgeDays() == 0 ? "made today" : o.tokenAgeDays() + (o.tokenAgeDays() == 1 ? " day old" : " days old");
        if (o.tokenExpiresAt() == null) {
            return age;
        }
        boolean expired = !time.now().isBefore(o.tokenExpiresAt());
        return age + (expired ? ", expired " : ", expires ") + time.date(o.tokenExpiresAt());
    }

    // ---- invite ------------------------------------------------------------------------------

    public void startInvite() {
        inviteName.set("");
        inviteEmail.set("");
        inviteRole.set(Role.SUPPORT);
        inviteExpires.set("");
        inviteReason.set("");
        inviteError.set("");
        inviteKey = UUID.randomUUID().toString();
        inviting.set(true);
    }

    public void cancelInvite() {
        inviting.set(false);
    }

    /** What is wrong with the invitation as typed, in one sentence per field; empty when it can be sent. */
    public List<String> inviteProblems() {
        List<String> problems = new ArrayList<>();
        if (inviteName.get() == null || inviteName.get().isBlank()) {
            problems.add("Name is required.");
        }
        String email = inviteEmail.get() == null ? "" : inviteEmail.get().strip();
        if (!EMAIL.matcher(email).matches()) {
            problems.add("Email must be an address like sam@example.com.");
        }
        if (inviteRole.get() == null) {
            problems.add("Choose a role.");
        }
        expiry().ifPresent(p -> problems.add(p));
        Enforcement.reasonProblem(inviteReason.get()).ifPresent(m -> problems.add("Reason " + m + "."));
        return problems;
    }

    /** Why the typed expiry is not usable, if it is not. */
    private java.util.Optional<String> expiry() {
        String text = inviteExpires.get() == null ? "" : inviteExpires.get().strip();
        if (text.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            Instant at = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return at.isAfter(time.now()) ? java.util.Optional.empty()
                    : java.util.Optional.of("Token expiry must be a day in the future (or empty: never).");
        } catch (DateTimeParseException e) {
            return java.util.Optional.of("Token expiry is a date like 2026-12-31 (or empty: never).");
        }
    }

    private Instant expiresAt() {
        String text = inviteExpires.get() == null ? "" : inviteExpires.get().strip();
        return text.isEmpty() ? null : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Sends the invitation; the new operator's token is then shown once. What was typed is kept on an error. */
    public void invite() {
        List<String> problems = inviteProblems();
        if (!problems.isEmpty()) {
            inviteError.set(String.join(" ", problems));
            return;
        }
        sending.set(true);
        inviteError.set("");
        NewOperator body = new NewOperator(inviteName.get().strip(), inviteEmail.get().strip().toLowerCase(Locale.ROOT),
                inviteRole.get().wire(), inviteReason.get().strip(), expiresAt());
        api.invite(body, inviteKey).whenComplete((created, failure) -> fx.execute(() -> {
            sending.set(false);
            if (failure != null) {
                PlatformException e = PlatformException.of(failure);
                inviteError.set(e.is(ProblemType.CONFLICT) ? e.getMessage()
                        : e.getMessage() + (e.retryable() ? " What you typed is kept; Invite again sends the same request." : ""));
                return;
            }
            inviting.set(false);
            replace(created.operator());
            selected.set(created.operator());
            if (created.token() != null) {
                revealed.set(new RevealedToken(created.operator().name(), "invited as " + Role.fromWire(created.operator().role())
                        .map(Role::label).orElse(created.operator().role()), created.token()));
            }
            notifier.show(Notice.success("Invited " + created.operator().name() + " (" + created.operator().email() + ")"));
        }));
    }

    /** Forgets the token on screen: it cannot be shown again. */
    public void dismissToken() {
        revealed.set(null);
    }

    // ---- actions through the reason dialog ---------------------------------------------------

    /** The change-role dialog's model, for the selected operator and the role picked; null when nothing would change. */
    public ActionDialogViewModel<OperatorProfile> changeRoleDialog() {
        OperatorProfile op = selected.get();
        Role role = newRole.get();
        if (op == null || role == null || role.wire().equals(op.role())) {
            return null;
        }
        String from = Role.fromWire(op.role()).map(Role::label).orElse(op.role());
        ActionCall<OperatorProfile> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest r) {
                return CompletableFuture.completedFuture(new ActionPreview(List.of(
                        op.name() + "'s role changes from " + from + " to " + role.label() + ", from their next request on.",
                        "A lead who demotes the last active lead is refused: someone must be able to manage the team."),
                        draftAudit("operator.update", op.id(), r.reason())));
            }
            @Override public CompletableFuture<OperatorProfile> submit(ActionRequest r, String key) {
                return api.change(op.id(), op.version(), new OperatorPatch(role.wire(), null, r.reason()));
            }
        };
        return new ActionDialogViewModel<>("change_role", "Change role", op.name() + " · " + op.email(), false, call, fx, changed -> {
            replace(changed);
            notifier.show(Notice.success(changed.name() + " is now " + role.label()));
        });
    }

    /** deactivate, reactivate or rotate_token for the selected operator, through the reason dialog. */
    public ActionDialogViewModel<OperatorActionResult> actionDialog(String action) {
        OperatorProfile op = selected.get();
        if (op == null) {
            return null;
        }
        List<String> changes = switch (action) {
            case "deactivate" -> List.of(op.name() + "'s token is refused from the next request on, on every gateway.",
                    "Nothing else changes: reactivate gives the same token back its access.");
            case "reactivate" -> List.of(op.name() + "'s current token works again.");
            default -> List.of(op.name() + "'s current token is refused at once.",
                    "A new token is shown once, here; hand it over safely: it cannot be shown again.");
        };
        String title = switch (action) {
            case "deactivate" -> "Deactivate operator";
            case "reactivate" -> "Reactivate operator";
            default -> "Rotate token";
        };
        ActionCall<OperatorActionResult> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest r) {
                return CompletableFuture.completedFuture(new ActionPreview(changes, draftAudit("operator." + action, op.id(), r.reason())));
            }
            @Override public CompletableFuture<OperatorActionResult> submit(ActionRequest r, String key) {
                return api.act(op.id(), new OperatorActionRequest(action, r.reason(), null), key);
            }
        };
        return new ActionDialogViewModel<>(action, title, op.name() + " · " + op.email(), false, call, fx, result -> {
            replace(result.operator());
            if (result.token() != null) {
                revealed.set(new RevealedToken(result.operator().name(), "token rotated", result.token()));
            }
            notifier.show(Notice.success(title + ": " + result.operator().name()).withAudit(result.auditId()));
        });
    }

    private AuditEntry draftAudit(String action, String target, String reason) {
        return new AuditEntry(null, null, time.now(), me, action, target, reason, null, null, null, null);
    }

    /** Whether the selected operator is the one signed in here (a lead deactivating themselves is allowed, but warned). */
    public boolean selectedIsMe() {
        return selected.get() != null && selected.get().id().equals(me);
    }

    // ---- properties --------------------------------------------------------------------------

    public ObservableList<OperatorProfile> operators() { return operators; }
    public ObjectProperty<OperatorProfile> selectedProperty() { return selected; }
    public ReadOnlyStringProperty listMessageProperty() { return listMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty invitingProperty() { return inviting.getReadOnlyProperty(); }
    public StringProperty inviteNameProperty() { return inviteName; }
    public StringProperty inviteEmailProperty() { return inviteEmail; }
    public ObjectProperty<Role> inviteRoleProperty() { return inviteRole; }
    public StringProperty inviteExpiresProperty() { return inviteExpires; }
    public StringProperty inviteReasonProperty() { return inviteReason; }
    public ReadOnlyStringProperty inviteErrorProperty() { return inviteError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty sendingProperty() { return sending.getReadOnlyProperty(); }
    public ObjectProperty<Role> newRoleProperty() { return newRole; }
    public ReadOnlyObjectProperty<RevealedToken> revealedProperty() { return revealed.getReadOnlyProperty(); }
}
