package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.api.VolumeDiscountRequest;
import dev.gatehouse.api.VolumeDiscountSchedule;
import dev.gatehouse.api.VolumeDiscountStep;
import dev.gatehouse.api.VolumeDiscountStepDraft;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Validated;
import dev.gatehouse.policy.VolumeDiscounts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The volume-discount editor of the Pricing screen (issue 11; apimart §6): the schedule in force as editable tiers,
 * validated as typed by {@link VolumeDiscounts}, with what the change means for customers before saving (less discount
 * anywhere is a raise, so the 30-day notice of {@link NoticeRule} applies; more applies at once), the history, and a
 * conflict when another operator saved first. Only ops and leads edit.
 */
public final class VolumeDiscountsViewModel {
    /** One tier as typed: from this monthly spend, this percent off; its own field errors. */
    public static final class StepRow {
        private final StringProperty from = new SimpleStringProperty(this, "from", "");
        private final StringProperty off = new SimpleStringProperty(this, "off", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        StepRow(String from, String off) {
            this.from.set(from);
            this.off.set(off);
        }

        public StringProperty fromProperty() { return from; }
        public StringProperty offProperty() { return off; }
        public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    }

    /** One change of the history: when it took (or takes) effect, what it was, the tiers and who and why. */
    public record HistoryRow(String when, String what, String steps, String who, boolean emergency) {}

    private final VolumeDiscountsApi api;
    private final Executor fx;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean canEdit;
    private final boolean canOverride;
    private final Loader<VolumeDiscountSchedule> loader;
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper inForce = new ReadOnlyStringWrapper(this, "inForce", "");
    private final ReadOnlyStringWrapper scheduled = new ReadOnlyStringWrapper(this, "scheduled", "");
    private final ReadOnlyStringWrapper stepsError = new ReadOnlyStringWrapper(this, "stepsError", "");
    private final ReadOnlyStringWrapper kindText = new ReadOnlyStringWrapper(this, "kindText", "");
    private final ReadOnlyBooleanWrapper noticeOk = new ReadOnlyBooleanWrapper(this, "noticeOk", true);
    private final StringProperty effectiveAt = new SimpleStringProperty(this, "effectiveAt", "");
    private final ReadOnlyStringWrapper effectiveError = new ReadOnlyStringWrapper(this, "effectiveError", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final BooleanProperty emergency = new SimpleBooleanProperty(this, "emergency", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private final BooleanBinding canSave;
    private VolumeDiscountSchedule shown;
    private VolumeDiscountSchedule theirs;
    private ChangeKind kind = ChangeKind.UNCHANGED;
    private Instant earliest;

    public VolumeDiscountsViewModel(VolumeDiscountsApi api, Executor fx, Role role, Clock clock) {
        this.api = api;
        this.fx = fx;
        this.clock = clock;
        this.zone = clock.getZone();
        this.canEdit = Permission.EDIT_PRICES.allows(role);
        this.canOverride = Permission.EMERGENCY_PRICE_CHANGE.allows(role);
        this.loader = new Loader<VolumeDiscountSchedule>(fx).onLoaded(this::show);
        effectiveAt.addListener((o, a, b) -> validate());
        emergency.addListener((o, a, b) -> validate());
        this.canSave = Bindings.createBooleanBinding(() -> canEdit && valid.get() && changed.get() && !saving.get()
                        && (noticeOk.get() || emergency.get() && canOverride) && Enforcement.reasonProblem(reason.get()).isEmpty(),
                valid, changed, saving, noticeOk, emergency, reason);
    }

    public void start() {
        loader.load(api::schedule);
    }

    private void show(VolumeDiscountSchedule s) {
        shown = s;
        List<StepRow> typed = new ArrayList<>();
        for (VolumeDiscountStep step : s.steps()) {
            typed.add(row(plain(step.monthlySpendFrom()), plain(step.percentOff())));
        }
        rows.setAll(typed);
        inForce.set(s.steps().isEmpty() ? "No volume discounts are in force: every account pays the API price."
                : "In force: " + describe(s.steps()) + ".");
        scheduled.set(s.scheduled() == null ? "" : "Scheduled " + s.scheduled().kind() + " from "
                + PriceText.when(s.scheduled().effectiveAt(), zone) + ": " + describe(s.scheduled().steps())
                + ". A new change replaces it.");
        List<HistoryRow> lines = new ArrayList<>();
        for (VolumeDiscountChange c : s.history()) {
            lines.add(new HistoryRow(PriceText.when(c.effectiveAt(), zone), c.state() + " " + c.kind() + (c.emergency() ? " · EMERGENCY" : ""),
                    describe(c.steps()), c.author() + ": " + c.reason(), c.emergency()));
        }
        history.setAll(lines);
        validate();
    }

    private StepRow row(String from, String off) {
        StepRow r = new StepRow(from, off);
        r.fromProperty().addListener((o, a, b) -> validate());
        r.offProperty().addListener((o, a, b) -> validate());
        return r;
    }

    /** "from $1,000 a month 3 % off, from $10,000 7.5 % off", or "none". */
    static String describe(List<VolumeDiscountStep> steps) {
        if (steps.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (VolumeDiscountStep s : steps) {
            parts.add("from " + PriceText.money(s.monthlySpendFrom()) + " a month " + plain(s.percentOff()) + " % off");
        }
        return String.join(", ", parts);
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    public void addRow() {
        if (canEdit && rows.size() < VolumeDiscounts.MAX_STEPS) {
            rows.add(row("", ""));
            validate();
        }
    }

    public void removeRow(StepRow r) {
        if (canEdit && rows.remove(r)) {
            validate();
        }
    }

    private List<VolumeDiscountStepDraft> drafts() {
        return rows.stream().map(r -> new VolumeDiscountStepDraft(r.fromProperty().get().strip().replace(",", ""),
                r.offProperty().get().strip())).toList();
    }

    /** Field errors next to their rows; the kind of change and the notice it needs, from the pure rules. */
    private void validate() {
        rows.forEach(r -> r.error.set(""));
        stepsError.set("");
        Validated<VolumeDiscounts> v = VolumeDiscounts.of(drafts().stream()
                .map(d -> new VolumeDiscounts.Draft(d.monthlySpendFrom(), d.percentOff())).toList());
        for (FieldError e : v.errors()) {
            int i = index(e.field());
            String what = e.field().endsWith("percent_off") ? "Percent off " : "Monthly spend ";
            if (i >= 0 && i < rows.size()) {
                StepRow r = rows.get(i);
                r.error.set(r.error.get().isEmpty() ? what + e.message() : r.error.get());
            } else {
                stepsError.set(e.message());
            }
        }
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(effectiveAt.get());
        effectiveError.set(when.isValid() ? "" : when.errors().get(0).message());
        valid.set(v.isValid() && when.isValid() && shown != null);
        if (!v.isValid() || shown == null) {
            kind = ChangeKind.UNCHANGED;
            changed.set(false);
            kindText.set(shown == null ? "" : "Fix the tiers marked in red to see what the change means for customers.");
            noticeOk.set(false);
            return;
        }
        kind = VolumeDiscounts.classify(schedule(shown.steps()), v.value());
        changed.set(kind != ChangeKind.UNCHANGED || shown.scheduled() != null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        earliest = NoticeRule.earliestAllowed(kind, now);
        Instant effective = when.isValid() ? when.value().orElse(now) : now;
        noticeOk.set(!kind.needsNotice() || !effective.isBefore(earliest));
        kindText.set(switch (kind) {
            case UNCHANGED -> shown.scheduled() == null ? "This is the schedule in force: nothing to save."
                    : "The schedule in force, unchanged: saving withdraws the scheduled change.";
            case EASING -> "More discount for customers: a price decrease, it may apply at once.";
            case TIGHTENING, MIXED -> "Less discount for some monthly spend: a price raise for customers (ai-visual-studio §18), so it takes"
                    + " effect no sooner than " + PriceText.when(earliest, zone) + (noticeOk.get() ? ". Notice satisfied."
                    : emergency.get() && canOverride ? ". Emergency override: notice waived, marked everywhere."
                    : ". Set a date on or after it.");
        });
    }

    private static int index(String field) {
        if (!field.startsWith("steps[")) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(6, field.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static VolumeDiscounts schedule(List<VolumeDiscountStep> steps) {
        return new VolumeDiscounts(steps.stream().map(s -> new VolumeDiscounts.Step(s.monthlySpendFrom(), s.percentOff())).toList());
    }

    public void useEarliest() {
        if (earliest != null && kind.needsNotice()) {
            effectiveAt.set(NoticeRule.suggestedStart(kind, clock.instant()).toString());
        }
    }

    public void save() {
        VolumeDiscountSchedule base = shown;
        if (!canSave.get() || base == null) {
            return;
        }
        saving.set(true);
        message.set("");
        VolumeDiscountRequest body = new VolumeDiscountRequest(drafts(), blankToNull(effectiveAt.get()), reason.get().strip(),
                emergency.get() ? Boolean.TRUE : null);
        api.put(base.version(), body).whenComplete((saved, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                reason.set("");
                effectiveAt.set("");
                emergency.set(false);
                conflicts.clear();
                show(saved);
                message.set(saved.scheduled() != null ? "Scheduled for " + PriceText.when(saved.scheduled().effectiveAt(), zone)
                        + "; the discounts in force stay until then." : "Saved: the new discounts are in force.");
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (e.is(ProblemType.STALE_VERSION)) {
                fetchTheirs(base);
            } else {
                message.set(e.getMessage() + e.problem().map(p -> p.errors() == null ? "" : " " + String.join(" ",
                        p.errors().stream().map(x -> x.field() + " " + x.message()).toList())).orElse(""));
            }
        }));
    }

    private void fetchTheirs(VolumeDiscountSchedule mine) {
        api.schedule().whenComplete((t, failure) -> fx.execute(() -> {
            if (failure != null) {
                message.set("Another operator changed the discounts, and fetching their change failed: "
                        + PlatformException.of(failure).getMessage() + " Nothing was saved; try again.");
                return;
            }
            theirs = t;
            conflicts.setAll(describeConflict(mine, t));
        }));
    }

    static List<String> describeConflict(VolumeDiscountSchedule mine, VolumeDiscountSchedule theirs) {
        List<String> lines = new ArrayList<>();
        if (!schedule(mine.steps()).equals(schedule(theirs.steps()))) {
            lines.add("In force now: " + describe(theirs.steps()) + " (you started from " + describe(mine.steps()) + ")");
        }
        VolumeDiscountChange t = theirs.scheduled();
        if (t != null && (mine.scheduled() == null || !mine.scheduled().id().equals(t.id()))) {
            lines.add("They scheduled " + describe(t.steps()) + " for " + t.effectiveAt() + ": " + t.reason());
        } else if (t == null && mine.scheduled() != null) {
            lines.add("The change scheduled for " + mine.scheduled().effectiveAt() + " was withdrawn or replaced");
        }
        if (lines.isEmpty()) {
            lines.add("Someone else saved the discounts (version " + mine.version() + " → " + theirs.version() + ") without changing them.");
        }
        return lines;
    }

    /** After a conflict: keeps the typed tiers over the other operator's version; check the notice again, then save. */
    public void retryWithMine() {
        VolumeDiscountSchedule t = theirs;
        if (t == null) {
            return;
        }
        List<String[]> typed = rows.stream().map(r -> new String[] {r.fromProperty().get(), r.offProperty().get()}).toList();
        show(t);
        rows.setAll(typed.stream().map(x -> row(x[0], x[1])).toList());
        theirs = null;
        conflicts.clear();
        validate();
    }

    /** After a conflict: drops the typed tiers and shows the other operator's schedule. */
    public void takeTheirs() {
        VolumeDiscountSchedule t = theirs;
        theirs = null;
        conflicts.clear();
        if (t != null) {
            show(t);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean canEdit() { return canEdit; }
    public boolean canOverride() { return canOverride; }
    public Loader<VolumeDiscountSchedule> loader() { return loader; }
    public ObservableList<StepRow> rows() { return rows; }
    public ObservableList<HistoryRow> history() { return history; }
    public ReadOnlyStringProperty inForceProperty() { return inForce.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduledProperty() { return scheduled.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepsErrorProperty() { return stepsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty kindTextProperty() { return kindText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty noticeOkProperty() { return noticeOk.getReadOnlyProperty(); }
    public StringProperty effectiveAtProperty() { return effectiveAt; }
    public ReadOnlyStringProperty effectiveErrorProperty() { return effectiveError.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public BooleanProperty emergencyProperty() { return emergency; }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<String> conflicts() { return conflicts; }
    public BooleanBinding canSaveBinding() { return canSave; }
}
