package dev.gatehouse.console.actions;

import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.Enforcement;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one reason dialog every suspend, reinstate, revoke, terminate and warn goes through (DESIGN §6
 * "destructive actions ask for a reason and show exactly what will change"). The reason is required and checked
 * as it is typed; the platform's dry run says what will change and which audit entry will be written.
 * One Idempotency-Key per dialog: a retry after a timeout returns the first result and can never act twice.
 */
public final class ActionDialogViewModel<R> {
    public enum PreviewState { LOADING, READY, REFUSED, FAILED }

    /** Sent with the dry run while no reason is typed yet: the platform wants one, and a preview writes nothing. */
    static final String PREVIEW_REASON = "(preview)";

    private final String action;
    private final String title;
    private final String targetLabel;
    private final boolean acceptsDuration;
    private final ActionCall<R> call;
    private final Executor fx;
    private final Consumer<R> onDone;
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError", "");
    private final ReadOnlyStringWrapper durationError = new ReadOnlyStringWrapper(this, "durationError", "");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AuditEntry> audit = new ReadOnlyObjectWrapper<>(this, "audit");
    private final ReadOnlyObjectWrapper<PreviewState> previewState = new ReadOnlyObjectWrapper<>(this, "previewState", PreviewState.LOADING);
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper(this, "previewMessage", "");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper attempted = new ReadOnlyBooleanWrapper(this, "attempted");
    private final BooleanBinding valid;
    private final BooleanBinding canSubmit;
    /** The dry run; only the answer to the latest typing counts. */
    private final Loader<ActionPreview> preview;
    private boolean reasonTouched;

    public ActionDialogViewModel(String action, String title, String targetLabel, boolean acceptsDuration,
                                 ActionCall<R> call, Executor fx, Consumer<R> onDone) {
        this.action = action;
        this.title = title;
        this.targetLabel = targetLabel;
        this.acceptsDuration = acceptsDuration;
        this.call = call;
        this.fx = fx;
        this.onDone = onDone;
        this.preview = new Loader<ActionPreview>(fx).onLoaded(this::previewShown).onFailed(this::previewFailed);
        reason.addListener((o, a, b) -> {
            reasonTouched = true;
            validate();
        });
        duration.addListener((o, a, b) -> validate());
        validate();
        valid = Bindings.createBooleanBinding(() -> reasonProblem().isEmpty() && durationProblem().isEmpty(), reason, duration);
        canSubmit = valid.and(submitting.not()).and(done.not()).and(previewState.isNotEqualTo(PreviewState.REFUSED));
    }

    // ---- commands ----------------------------------------------------------------------------

    /** Asks for the dry run of the action as currently typed; older answers are dropped. */
    public void refreshPreview() {
        if (durationProblem().isPresent()) {
            return; // the platform would only repeat the inline message
        }
        previewState.set(PreviewState.LOADING);
        previewMessage.set("Asking the platform what will change…");
        String typed = reason.get() == null || reason.get().isBlank() ? PREVIEW_REASON : reason.get().strip();
        ActionRequest request = new ActionRequest(action, typed, hours());
        preview.load(() -> call.preview(request));
    }

    private void previewShown(ActionPreview p) {
        changes.setAll(p.changes());
        audit.set(p.audit());
        previewState.set(PreviewState.READY);
        previewMessage.set("");
    }

    private void previewFailed(PlatformException e) {
        changes.clear();
        audit.set(null);
        // The current state does not allow this action (final states are final), the role may not, or it is gone.
        // Another request with this dialog's key still running is not a refusal: the preview may simply be retried.
        boolean refused = e.is(ProblemType.CONFLICT, ProblemType.FINAL_STATE, ProblemType.FORBIDDEN, ProblemType.NOT_FOUND);
        previewState.set(refused ? PreviewState.REFUSED : PreviewState.FAILED);
        previewMessage.set(refused ? e.getMessage()
                : "Couldn't get the preview: " + e.getMessage() + " You can still go ahead; the platform checks everything again.");
    }

    /** Sends the action (or retries it with the same Idempotency-Key); on success hands the result on and is done. */
    public void submit() {
        attempted.set(true);
        reasonTouched = true;
        validate();
        if (!canSubmit.get()) {
            return;
        }
        submitting.set(true);
        error.set("");
        call.submit(request(), idempotencyKey).whenComplete((result, failure) -> fx.execute(() -> {
            submitting.set(false);
            if (failure != null) {
                error.set(readable(PlatformException.of(failure)));
                return;
            }
            done.set(true);
            onDone.accept(result);
        }));
    }

    /** The request as it will be sent: the reason trimmed, the duration only where the action takes one. */
    public ActionRequest request() {
        return new ActionRequest(action, reason.get() == null ? null : reason.get().strip(), hours());
    }

    private static String readable(PlatformException e) {
        if (e.is(ProblemType.IDEMPOTENCY_CONFLICT)) {
            return "This dialog already sent the action with different details, and the platform may have carried it out. "
                    + "Close the dialog and reload to see the current state before acting again.";
        }
        return e.getMessage() + (e.retryable() ? " Your reason is kept; Retry sends the same request again and cannot act twice." : "");
    }

    private void validate() {
        reasonError.set(reasonTouched ? reasonProblem().map(m -> "Reason " + m + ".").orElse("") : "");
        durationError.set(durationProblem().orElse(""));
    }

    private Optional<String> reasonProblem() {
        return Enforcement.reasonProblem(reason.get());
    }

    private Optional<String> durationProblem() {
        String text = duration.get() == null ? "" : duration.get().strip();
        if (!acceptsDuration || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Enforcement.durationProblem(Integer.parseInt(text)).map(m -> "Duration " + m + ".");
        } catch (NumberFormatException e) {
            return Optional.of("Duration is a whole number of hours, e.g. 72; leave it empty to suspend until reinstated.");
        }
    }

    /** The typed duration in hours, or null (none typed, not accepted, or not yet a number). */
    Integer hours() {
        String text = duration.get() == null ? "" : duration.get().strip();
        if (!acceptsDuration || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- properties --------------------------------------------------------------------------

    public String action() { return action; }
    public String title() { return title; }
    public String targetLabel() { return targetLabel; }
    public boolean acceptsDuration() { return acceptsDuration; }
    public String idempotencyKey() { return idempotencyKey; }
    public StringProperty reasonProperty() { return reason; }
    /** Whole hours; empty means until reinstated. Only for actions that accept a duration. */
    public StringProperty durationProperty() { return duration; }
    public ReadOnlyStringProperty reasonErrorProperty() { return reasonError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty durationErrorProperty() { return durationError.getReadOnlyProperty(); }
    public ObservableList<String> changes() { return changes; }
    public ReadOnlyObjectProperty<AuditEntry> auditProperty() { return audit.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PreviewState> previewStateProperty() { return previewState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewMessageProperty() { return previewMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty submittingProperty() { return submitting.getReadOnlyProperty(); }
    /** The platform's answer to a failed submit, readable; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    /** True once submit was tried: the button then reads Retry after an error. */
    public ReadOnlyBooleanProperty attemptedProperty() { return attempted.getReadOnlyProperty(); }
    public BooleanBinding validBinding() { return valid; }
    public BooleanBinding canSubmitBinding() { return canSubmit; }
}
