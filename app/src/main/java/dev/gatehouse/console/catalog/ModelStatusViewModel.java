package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPatch;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.pricing.PriceText;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The status controls of the Catalog's detail pane (issue 11 "catalog actions"): enable, deprecate or disable the
 * selected model with a reason, If-Match its version. Disabling a model used in the last 7 days takes it from customers:
 * the platform asks for the 30-day notice (an {@code effective_at}) or a lead's emergency override, and its field error
 * names the earliest instant. Only ops and leads change a status.
 */
public final class ModelStatusViewModel {
    public static final List<String> STATUSES = List.of("active", "deprecated", "disabled");

    private final ModelStatusApi api;
    private final Executor fx;
    private final ZoneId zone;
    private final boolean canEdit;
    private final boolean canOverride;
    private final Consumer<Model> changed;
    private final ObjectProperty<Model> model = new SimpleObjectProperty<>(this, "model");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty effectiveAt = new SimpleStringProperty(this, "effectiveAt", "");
    private final ReadOnlyStringWrapper effectiveError = new ReadOnlyStringWrapper(this, "effectiveError", "");
    private final BooleanProperty emergency = new SimpleBooleanProperty(this, "emergency", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private final BooleanBinding canApply;
    private Model theirs;

    /** @param changed told of the model after a change (the catalog reloads its row) */
    public ModelStatusViewModel(ModelStatusApi api, Executor fx, Role role, ZoneId zone, Consumer<Model> changed) {
        this.api = api;
        this.fx = fx;
        this.zone = zone;
        this.canEdit = Permission.EDIT_MODELS.allows(role);
        this.canOverride = Permission.EMERGENCY_PRICE_CHANGE.allows(role);
        this.changed = changed;
        model.addListener((o, a, m) -> {
            status.set(m == null ? "" : m.status());
            reason.set("");
            effectiveAt.set("");
            emergency.set(false);
            if (a == null || m == null || !a.id().equals(m.id())) {
                message.set("");
                failed.set(false);
            }
        });
        effectiveAt.addListener((o, a, b) -> {
            var v = NoticeRule.effectiveAt(b);
            effectiveError.set(v.isValid() ? "" : v.errors().get(0).message());
        });
        this.canApply = Bindings.createBooleanBinding(() -> canEdit && model.get() != null && !saving.get()
                        && STATUSES.contains(status.get()) && !status.get().equals(model.get().status())
                        && effectiveError.get().isEmpty() && Enforcement.reasonProblem(reason.get()).isEmpty(),
                model, status, saving, effectiveError, reason);
    }

    public void apply() {
        Model m = model.get();
        if (!canApply.get() || m == null) {
            return;
        }
        saving.set(true);
        message.set("");
        ModelPatch patch = new ModelPatch(status.get(), reason.get().strip(), blankToNull(effectiveAt.get()),
                emergency.get() ? Boolean.TRUE : null);
        api.patch(m.id(), m.version(), patch).whenComplete((r, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                failed.set(false);
                message.set(r.scheduled() != null
                        ? "Scheduled: " + r.scheduled().status() + " from " + PriceText.when(r.scheduled().effectiveAt(), zone)
                        + "; customers keep it until then."
                        : "Now " + r.model().status() + (r.emergency() ? " (emergency override, marked in the audit trail)." : "."));
                model.set(r.model());
                changed.accept(r.model());
                return;
            }
            PlatformException e = PlatformException.of(failure);
            failed.set(true);
            if (e.is(ProblemType.STALE_VERSION)) {
                fetchTheirs(m);
            } else {
                message.set(e.getMessage() + e.problem().map(p -> p.errors() == null ? "" : " " + String.join(" ",
                        p.errors().stream().map(x -> x.field() + " " + x.message()).toList())).orElse(""));
            }
        }));
    }

    private void fetchTheirs(Model mine) {
        api.model(mine.id()).whenComplete((t, failure) -> fx.execute(() -> {
            if (failure != null) {
                message.set("Another operator changed this model, and fetching their change failed: "
                        + PlatformException.of(failure).getMessage() + " Nothing was saved; try again.");
                return;
            }
            theirs = t;
            List<String> lines = new ArrayList<>();
            if (!t.status().equals(mine.status())) {
                lines.add("Its status is now " + t.status() + " (you saw " + mine.status() + ")");
            }
            if (lines.isEmpty()) {
                lines.add("Someone else saved this model (version " + mine.version() + " → " + t.version()
                        + "): its prices or a scheduled status change moved");
            }
            conflicts.setAll(lines);
        }));
    }

    /** After a conflict: keeps the chosen status and reason over the model as it is now; apply again. */
    public void retryWithMine() {
        Model t = theirs;
        theirs = null;
        if (t != null) {
            String s = status.get();
            String r = reason.get();
            String when = effectiveAt.get();
            boolean e = emergency.get();
            model.set(t);
            status.set(s);
            reason.set(r);
            effectiveAt.set(when);
            emergency.set(e);
            changed.accept(t);
        }
        conflicts.clear();
    }

    /** After a conflict: shows the model as the other operator left it, dropping the chosen status. */
    public void takeTheirs() {
        Model t = theirs;
        theirs = null;
        conflicts.clear();
        if (t != null) {
            model.set(t);
            status.set(t.status());
            reason.set("");
            effectiveAt.set("");
            emergency.set(false);
            changed.accept(t);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean canEdit() { return canEdit; }
    public boolean canOverride() { return canOverride; }
    public ObjectProperty<Model> modelProperty() { return model; }
    public StringProperty statusProperty() { return status; }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty effectiveAtProperty() { return effectiveAt; }
    public ReadOnlyStringProperty effectiveErrorProperty() { return effectiveError.getReadOnlyProperty(); }
    public BooleanProperty emergencyProperty() { return emergency; }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ObservableList<String> conflicts() { return conflicts; }
    public BooleanBinding canApplyBinding() { return canApply; }
}
