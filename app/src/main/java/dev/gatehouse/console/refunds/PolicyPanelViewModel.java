package dev.gatehouse.console.refunds;

import dev.gatehouse.api.PolicyPreview;
import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.ObservableMap;
import dev.gatehouse.api.Problem;

import java.util.List;
import java.util.Map;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Policy panel (issue 10 §4, §5): the settings in force, every rule with its source clause, and for a lead a
 * preset switch and single-value edits that first show, from the platform's own dry run, exactly which values change
 * (a value the platform refuses is marked on its field, with what was typed kept). The change is sent with the version
 * it was previewed against (If-Match), so a lead never overwrites another lead's change unseen: on a conflict the
 * panel reloads the policy in force and keeps the lead's choices to preview again.
 */
public final class PolicyPanelViewModel {
    private final RefundsApi api;
    private final Executor fx;
    private final boolean mayEdit;
    private final Consumer<PolicyView> onApplied;

    private final ReadOnlyObjectWrapper<PolicyView> policy = new ReadOnlyObjectWrapper<>(this, "policy");
    private final ObjectProperty<PolicyView.Preset> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<PolicyView.Preset> presets = FXCollections.observableArrayList();
    private final ObservableList<PolicyView.Rule> rules = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    /** Values a lead typed that differ from the policy in force, by rule key. */
    private final ObservableMap<String, String> edits = FXCollections.observableHashMap();
    /** The platform's objection to a typed value, by rule key. */
    private final ObservableMap<String, String> valueErrors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper(this, "previewMessage", "");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final ReadOnlyBooleanWrapper previewReady = new ReadOnlyBooleanWrapper(this, "previewReady");
    private final Loader<PolicyView> loader;
    private final Loader<PolicyPreview> preview;
    private final BooleanBinding canApply;
    private boolean reasonTouched;

    public PolicyPanelViewModel(RefundsApi api, Executor fx, Role role, Consumer<PolicyView> onApplied) {
        this.api = api;
        this.fx = fx;
        this.mayEdit = Permission.EDIT_POLICY.allows(role);
        this.onApplied = onApplied;
        this.loader = new Loader<PolicyView>(fx).onLoaded(this::shown);
        this.preview = new Loader<PolicyPreview>(fx).onLoaded(this::previewShown).onFailed(this::previewFailed);
        target.addListener((o, a, b) -> refreshPreview());
        reason.addListener((o, a, b) -> {
            reasonTouched = true;
            reasonError.set(reasonProblem());
        });
        canApply = Bindings.createBooleanBinding(() -> mayEdit && previewReady.get() && !changes.isEmpty()
                        && Enforcement.reasonProblem(reason.get()).isEmpty() && !applying.get(),
                previewReady, changes, reason, applying);
    }

    public void load() {
        loader.load(api::policy);
    }

    private void shown(PolicyView p) {
        shown(p, true);
    }

    /** {@code fresh}: forget the lead's choices (first load, after applying); false keeps them (after a conflict). */
    private void shown(PolicyView p, boolean fresh) {
        PolicyView.Preset chosen = target.get();
        policy.set(p);
        rules.setAll(p.rules());
        presets.setAll(p.presets());
        if (fresh) {
            edits.clear();
            valueErrors.clear();
            chosen = null;
        } else {
            // a typed value the other lead's change already set is no longer an edit
            p.rules().forEach(r -> edits.remove(r.key(), r.value()));
        }
        String keep = chosen == null ? p.preset() : chosen.key();
        PolicyView.Preset t = p.presets().stream().filter(x -> x.key().equals(keep)).findFirst().orElse(null);
        if (Objects.equals(target.get(), t)) {
            refreshPreview();
        } else {
            target.set(t); // its listener previews
        }
    }

    /** A lead types a value for one rule; typing the value in force back takes the edit away. */
    public void edit(String key, String value) {
        PolicyView p = policy.get();
        String now = p == null ? null : p.rules().stream().filter(r -> r.key().equals(key)).map(PolicyView.Rule::value)
                .findFirst().orElse(null);
        String typed = value == null ? "" : value.strip();
        if (typed.equals(now)) {
            edits.remove(key);
        } else {
            edits.put(key, typed);
        }
        valueErrors.remove(key);
        refreshPreview();
    }

    /** What a PUT would send: the preset when another is chosen, and the typed values. */
    PolicyUpdate update(String why) {
        PolicyView p = policy.get();
        PolicyView.Preset t = target.get();
        String preset = t == null || (p != null && t.key().equals(p.preset()) && !p.edited()) ? null : t.key();
        if (p != null && t != null && t.key().equals(p.preset()) && p.edited() && !edits.isEmpty()) {
            preset = null; // editing on top of the edited preset keeps its earlier edits
        }
        return new PolicyUpdate(preset, edits.isEmpty() ? null : Map.copyOf(edits), why);
    }

    private void refreshPreview() {
        PolicyView p = policy.get();
        PolicyView.Preset t = target.get();
        changes.clear();
        previewReady.set(false);
        if (p == null || t == null) {
            previewMessage.set("");
            return;
        }
        PolicyUpdate update = update("(preview)");
        if (update.preset() == null && update.values() == null) {
            previewMessage.set("This is the policy in force. Pick another preset or edit a value to see what would change.");
            return;
        }
        if (!mayEdit) {
            previewMessage.set("Only a lead may switch the preset or edit a value.");
            return;
        }
        previewMessage.set("Asking the platform what would change…");
        preview.load(() -> api.previewPolicy(update));
    }

    private void previewShown(PolicyPreview p) {
        // the dry run is sent with a stand-in reason; the lead's own is recorded on apply
        changes.setAll(p.changes().stream().map(c -> c.replace(": \"(preview)\")", ")")).toList());
        valueErrors.clear();
        previewReady.set(true);
        PolicyView.Preset t = target.get();
        boolean switching = update("(preview)").preset() != null;
        previewMessage.set(p.changes().isEmpty() ? (switching ? "Switching to " + (t == null ? "it" : t.name()) : "These values")
                + " change nothing."
                : p.changes().size() + (p.changes().size() == 1 ? " value changes." : " values change.")
                + " Open refund requests are judged again under the new policy.");
    }

    private void previewFailed(PlatformException e) {
        changes.clear();
        previewReady.set(false);
        var errors = e.problem().map(pr -> pr.errors() == null ? List.<Problem.FieldError>of() : pr.errors()).orElse(List.of());
        valueErrors.clear();
        errors.stream().filter(f -> f.field() != null && f.field().startsWith("values."))
                .forEach(f -> valueErrors.put(f.field().substring("values.".length()), f.message()));
        previewMessage.set(!valueErrors.isEmpty() ? "Fix the value" + (valueErrors.size() == 1 ? "" : "s")
                + " marked below; nothing changes until the preview is clean."
                : "Couldn't get the preview: " + e.getMessage());
    }

    private String reasonProblem() {
        return reasonTouched ? Enforcement.reasonProblem(reason.get()).map(m -> "Reason " + m + ".").orElse("") : "";
    }

    /** Switches to the chosen preset with the version the preview was made against. */
    public void apply() {
        reasonTouched = true;
        reasonError.set(reasonProblem());
        if (!canApply.get()) {
            return;
        }
        PolicyView p = policy.get();
        applying.set(true);
        error.set("");
        api.updatePolicy(p.version(), update(reason.get().strip()))
                .whenComplete((result, failure) -> fx.execute(() -> {
                    applying.set(false);
                    if (failure != null) {
                        PlatformException e = PlatformException.of(failure);
                        if (e.is(ProblemType.STALE_VERSION)) {
                            error.set("Another lead changed the policy since you opened it. It is reloaded below with their "
                                    + "change; your choices are kept: check the new preview, then apply again.");
                            api.policy().whenComplete((fresh, x) -> fx.execute(() -> {
                                if (fresh != null) shown(fresh, false);
                            }));
                        } else {
                            error.set(e.getMessage());
                        }
                        return;
                    }
                    reason.set("");
                    reasonTouched = false;
                    reasonError.set("");
                    shown(result);
                    onApplied.accept(result);
                }));
    }

    public boolean mayEdit() { return mayEdit; }
    public ReadOnlyObjectProperty<PolicyView> policyProperty() { return policy.getReadOnlyProperty(); }
    public ObjectProperty<PolicyView.Preset> targetProperty() { return target; }
    public StringProperty reasonProperty() { return reason; }
    public ObservableList<PolicyView.Preset> presets() { return presets; }
    public ObservableList<PolicyView.Rule> rules() { return rules; }
    public ObservableList<String> changes() { return changes; }
    public ObservableMap<String, String> edits() { return edits; }
    public ObservableMap<String, String> valueErrors() { return valueErrors; }
    public ReadOnlyStringProperty previewMessageProperty() { return previewMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reasonErrorProperty() { return reasonError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty applyingProperty() { return applying.getReadOnlyProperty(); }
    public Loader<PolicyView> loader() { return loader; }
    public BooleanBinding canApplyBinding() { return canApply; }

    static boolean same(PolicyView.Preset a, PolicyView.Preset b) {
        return Objects.equals(a == null ? null : a.key(), b == null ? null : b.key());
    }
}
