package dev.gatehouse.console.support;

import dev.gatehouse.api.Macro;
import dev.gatehouse.api.MacroSet;
import dev.gatehouse.api.MacroSetUpdate;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.MacroTemplate;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lead's macro editor (issue 10 §1 "Operators with lead edit them through GET/PUT /admin/v1/macros"): the whole
 * list, each macro's name, body with placeholders, the state it sets and the tags it adds. Unknown placeholders are
 * marked as they are typed (policy/MacroTemplate); on save the platform's 422 field errors (an unknown placeholder, a
 * secret in a body, a name used twice) are shown on their fields with everything typed kept. The list is saved with
 * the version it was read at (If-Match); when another lead saved first, their version is taken and the lead decides.
 */
public final class MacroEditorViewModel {
    /** The states a macro may set (null leaves the state alone); new and closed are not a reply's to set. */
    public static final List<String> STATES = Arrays.asList(null, "open", "pending", "on_hold", "solved");
    private static final Pattern FIELD = Pattern.compile("^macros\\[(\\d+)]\\.?(.*)$");

    /** One macro as it is being edited; errors by field (name, body, set_state, add_tags) from the last save. */
    public static final class Draft {
        private final String id;
        private final StringProperty name = new SimpleStringProperty(this, "name", "");
        private final StringProperty body = new SimpleStringProperty(this, "body", "");
        private final ObjectProperty<String> setState = new SimpleObjectProperty<>(this, "setState");
        private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
        private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
        private final StringBinding unknownPlaceholders;

        Draft(Macro m) {
            this.id = m == null ? null : m.id();
            if (m != null) {
                name.set(m.name());
                body.set(m.body());
                setState.set(m.setState());
                tags.set(String.join(", ", m.addTags()));
            }
            name.addListener((o, a, b) -> errors.remove("name"));
            body.addListener((o, a, b) -> errors.remove("body"));
            setState.addListener((o, a, b) -> errors.remove("set_state"));
            tags.addListener((o, a, b) -> errors.remove("add_tags"));
            unknownPlaceholders = Bindings.createStringBinding(() -> {
                List<String> unknown = MacroTemplate.unknownPlaceholders(body.get() == null ? "" : body.get());
                return unknown.isEmpty() ? "" : "Unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                        + unknown.stream().map(u -> "{{" + u + "}}").collect(Collectors.joining(", "));
            }, body);
        }

        Macro macro() {
            List<String> tagList = Arrays.stream((tags.get() == null ? "" : tags.get()).split(","))
                    .map(String::strip).filter(t -> !t.isEmpty()).toList();
            return new Macro(id, name.get() == null ? "" : name.get().strip(), body.get() == null ? "" : body.get(), setState.get(), tagList);
        }

        public String id() { return id; }
        public StringProperty nameProperty() { return name; }
        public StringProperty bodyProperty() { return body; }
        public ObjectProperty<String> setStateProperty() { return setState; }
        public StringProperty tagsProperty() { return tags; }
        public ObservableMap<String, String> errors() { return errors; }
        /** Placeholders in the body the platform does not know, as they are typed; empty when none. */
        public StringBinding unknownPlaceholdersBinding() { return unknownPlaceholders; }
    }

    private final SupportApi api;
    private final Executor fx;
    private final boolean mayEdit;
    private final Consumer<MacroSet> onSaved;
    private final ObservableList<Draft> drafts = FXCollections.observableArrayList();
    private final ObjectProperty<Draft> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Loading macros…");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanBinding canSave;
    private long version;

    public MacroEditorViewModel(SupportApi api, Executor fx, Role role, Consumer<MacroSet> onSaved) {
        this.api = api;
        this.fx = fx;
        this.mayEdit = Permission.EDIT_MACROS.allows(role);
        this.onSaved = onSaved;
        reason.addListener((o, a, b) -> reasonError.set(""));
        canSave = Bindings.createBooleanBinding(() -> mayEdit && loaded.get() && !saving.get(), loaded, saving);
    }

    public void load() {
        message.set("Loading macros…");
        api.macros().whenCompleteAsync((set, e) -> {
            if (e != null) {
                message.set("Macros could not be loaded: " + PlatformException.of(e).getMessage());
                return;
            }
            shown(set);
        }, fx);
    }

    private void shown(MacroSet set) {
        version = set.version();
        placeholders.clear();
        placeholders.putAll(set.placeholders().isEmpty() ? MacroTemplate.PLACEHOLDERS : set.placeholders());
        drafts.setAll(set.macros().stream().map(Draft::new).toList());
        selected.set(drafts.isEmpty() ? null : drafts.get(0));
        loaded.set(true);
        message.set(mayEdit ? "" : "Only a lead may edit macros; you can read them here.");
    }

    /** A new, empty macro at the end of the list, selected. */
    public Draft add() {
        if (!mayEdit) {
            return null;
        }
        Draft d = new Draft(null);
        d.nameProperty().set("New macro " + (drafts.size() + 1));
        drafts.add(d);
        selected.set(d);
        return d;
    }

    /** Takes the selected macro out of the list (saved with the rest). */
    public void removeSelected() {
        Draft d = selected.get();
        if (!mayEdit || d == null) {
            return;
        }
        int i = drafts.indexOf(d);
        drafts.remove(d);
        selected.set(drafts.isEmpty() ? null : drafts.get(Math.min(i, drafts.size() - 1)));
    }

    /** Appends {@code {{key}}} to the selected body. */
    public void insertPlaceholder(String key) {
        Draft d = selected.get();
        if (d != null && mayEdit) {
            String body = d.bodyProperty().get() == null ? "" : d.bodyProperty().get();
            d.bodyProperty().set(body + "{{" + key + "}}");
        }
    }

    /** Saves the whole list with the version it was read at; field errors go to their drafts, all text is kept. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        var problem = Enforcement.reasonProblem(reason.get());
        if (problem.isPresent()) {
            reasonError.set("Reason " + problem.get() + ".");
            return;
        }
        List<Draft> sent = List.copyOf(drafts);
        sent.forEach(d -> d.errors().clear());
        saving.set(true);
        error.set("");
        api.replaceMacros(version, new MacroSetUpdate(sent.stream().map(Draft::macro).toList(), reason.get().strip()))
                .whenCompleteAsync((set, e) -> {
                    saving.set(false);
                    if (e == null) {
                        reason.set("");
                        shown(set);
                        message.set("Saved: " + set.macros().size() + (set.macros().size() == 1 ? " macro." : " macros."));
                        onSaved.accept(set);
                        return;
                    }
                    failed(PlatformException.of(e), sent);
                }, fx);
    }

    private void failed(PlatformException e, List<Draft> sent) {
        if (e.is(ProblemType.STALE_VERSION)) {
            // another lead saved first: take their version; what is typed here stays, and saving again replaces theirs
            api.macros().whenCompleteAsync((theirs, x) -> {
                if (theirs != null) {
                    version = theirs.version();
                    error.set("Another lead saved the macros since you opened them (now: " + theirs.macros().stream().map(Macro::name)
                            .collect(Collectors.joining(", ")) + "). Your edits are kept: save again to replace theirs, "
                            + "or close without saving and reopen to start from theirs.");
                } else {
                    error.set("Another lead saved the macros since you opened them; close and reopen to see theirs.");
                }
            }, fx);
            return;
        }
        List<Problem.FieldError> fields = e.problem().map(p -> p.errors() == null ? List.<Problem.FieldError>of() : p.errors())
                .orElse(List.of());
        List<String> elsewhere = new ArrayList<>();
        for (Problem.FieldError f : fields) {
            Matcher m = FIELD.matcher(f.field() == null ? "" : f.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
                Draft d = sent.get(Integer.parseInt(m.group(1)));
                d.errors().merge(m.group(2).isEmpty() ? "name" : m.group(2), f.message(), (a, b) -> a + "; " + b);
            } else if ("reason".equals(f.field())) {
                reasonError.set("Reason " + f.message() + ".");
            } else {
                elsewhere.add((f.field() == null ? "" : f.field() + ": ") + f.message());
            }
        }
        long bad = sent.stream().filter(d -> !d.errors().isEmpty()).count();
        if (bad > 0) {
            sent.stream().filter(d -> !d.errors().isEmpty()).findFirst().ifPresent(selected::set);
            error.set("The platform refused " + bad + (bad == 1 ? " macro" : " macros") + "; the problems are marked on "
                    + "their fields. Nothing was saved." + (elsewhere.isEmpty() ? "" : " " + String.join(" ", elsewhere)));
        } else {
            error.set(e.getMessage() + (elsewhere.isEmpty() ? "" : " " + String.join(" ", elsewhere)) + " Nothing was saved.");
        }
    }

    public boolean mayEdit() { return mayEdit; }
    public ObservableList<Draft> drafts() { return drafts; }
    public ObjectProperty<Draft> selectedProperty() { return selected; }
    /** Placeholder keys and what each stands for. */
    public Map<String, String> placeholders() { return placeholders; }
    public StringProperty reasonProperty() { return reason; }
    public ReadOnlyStringProperty reasonErrorProperty() { return reasonError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public BooleanBinding canSaveBinding() { return canSave; }
}
