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

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Policy panel (issue 10 §4, §5): the settings in force, every rule with its source clause, and for a lead a
 * preset switch that first shows, from the platform's own dry run, exactly which values change and the clauses they
 * come from. The switch is sent with the version it was previewed against (If-Match), so a lead never overwrites
 * another lead's change unseen.
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
        this.preview = new Loader<PolicyPreview>(fx).onLoaded(this::previewShown).onFailed(e -> {
            changes.clear();
            previewReady.set(false);
            previewMessage.set("Couldn't get the preview: " + e.getMessage());
        });
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
        policy.set(p);
        rules.setAll(p.rules());
        presets.setAll(p.presets());
        target.set(p.presets().stream().filter(x -> x.key().equals(p.preset())).findFirst().orElse(null));
        refreshPreview();
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
        if (t.key().equals(p.preset()) && !p.edited()) {
            previewMessage.set("This is the preset in force. Pick another to see what would change.");
            return;
        }
        if (!mayEdit) {
            previewMessage.set("Only a lead may switch the preset.");
            return;
        }
        previewMessage.set("Asking the platform what would change…");
        PolicyUpdate update = new PolicyUpdate(t.key(), null, "(preview)");
        preview.load(() -> api.previewPolicy(update));
    }

    private void previewShown(PolicyPreview p) {
        changes.setAll(p.changes());
        previewReady.set(true);
        PolicyView.Preset t = target.get();
        previewMessage.set(p.changes().isEmpty() ? "Switching to " + (t == null ? "it" : t.name()) + " changes no value."
                : p.changes().size() + (p.changes().size() == 1 ? " value changes." : " values change.")
                + " Open refund requests are judged again under the new preset.");
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
        api.updatePolicy(p.version(), new PolicyUpdate(target.get().key(), null, reason.get().strip()))
                .whenComplete((result, failure) -> fx.execute(() -> {
                    applying.set(false);
                    if (failure != null) {
                        PlatformException e = PlatformException.of(failure);
                        error.set(e.is(ProblemType.STALE_VERSION)
                                ? "Another lead changed the policy since you opened it. Reload to see their change, then decide again."
                                : e.getMessage());
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
