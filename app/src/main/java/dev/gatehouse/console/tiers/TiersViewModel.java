package dev.gatehouse.console.tiers;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountLimits;
import dev.gatehouse.api.LimitChange;
import dev.gatehouse.api.LimitsPreview;
import dev.gatehouse.api.LimitsRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.pricing.PriceText;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.NoticeRule;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.TierLimits;
import dev.gatehouse.policy.Validated;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Optional;

/**
 * State and commands of the Rate limits screen (issue 11): the tiers with who is on them, and an editor for one tier or
 * one Enterprise account's custom limits. Fields are validated as typed ({@link TierLimits#validate}); a preview shows
 * the kind of change, whether notice is kept (tightening waits 30 days, ai-visual-studio §18) and who went over the new
 * limits last week; saving sends If-Match, and a 412 shows what the other operator changed. Ops and leads edit.
 */
public final class TiersViewModel {
    /** What the editor edits: a tier by name, or an Enterprise account by id. */
    public record Target(String kind, String id, String title, TierLimits limits, long version, LimitChange scheduled) {}

    private final TiersApi api;
    private final java.util.concurrent.Executor fx;
    private final Clock clock;
    private final boolean canEdit;
    private final boolean canOverride;
    private final Loader<List<RateTier>> tiers;
    private final ObservableList<RateTier> tierRows = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final ReadOnlyStringWrapper accountMessage = new ReadOnlyStringWrapper(this, "accountMessage", "");

    private final StringProperty rpm = new SimpleStringProperty(this, "rpm", "");
    private final StringProperty rpd = new SimpleStringProperty(this, "rpd", "");
    private final StringProperty concurrent = new SimpleStringProperty(this, "concurrent", "");
    private final ReadOnlyStringWrapper rpmError = new ReadOnlyStringWrapper(this, "rpmError", "");
    private final ReadOnlyStringWrapper rpdError = new ReadOnlyStringWrapper(this, "rpdError", "");
    private final ReadOnlyStringWrapper concurrentError = new ReadOnlyStringWrapper(this, "concurrentError", "");
    private final ReadOnlyStringWrapper kindText = new ReadOnlyStringWrapper(this, "kindText", "");
    private final StringProperty effectiveAt = new SimpleStringProperty(this, "effectiveAt", "");
    private final ReadOnlyStringWrapper effectiveError = new ReadOnlyStringWrapper(this, "effectiveError", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final BooleanProperty emergency = new SimpleBooleanProperty(this, "emergency", false);

    private final Loader<LimitsPreview> preview;
    private final ReadOnlyBooleanWrapper previewCurrent = new ReadOnlyBooleanWrapper(this, "previewCurrent", false);
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper(this, "noticeText", "");
    private final ReadOnlyBooleanWrapper noticeOk = new ReadOnlyBooleanWrapper(this, "noticeOk", false);
    private final ReadOnlyStringWrapper reachText = new ReadOnlyStringWrapper(this, "reachText", "");
    private final ObservableList<String> exceedance = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    private final BooleanBinding canPreview;
    private final BooleanBinding canSave;
    private final BooleanBinding canCancel;
    private final ObservableList<Account> accountMatches = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final StringProperty cancelReason = new SimpleStringProperty(this, "cancelReason", "");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling", false);

    public TiersViewModel(TiersApi api, java.util.concurrent.Executor fx, Role role, Clock clock) {
        this.api = api;
        this.fx = fx;
        this.clock = clock;
        this.canEdit = Permission.EDIT_TIERS.allows(role);
        this.canOverride = Permission.EMERGENCY_PRICE_CHANGE.allows(role);
        this.tiers = new Loader<List<RateTier>>(fx).onLoaded(tierRows::setAll);
        this.preview = new Loader<LimitsPreview>(fx).onLoaded(this::showPreview);
        for (StringProperty p : List.of(rpm, rpd, concurrent, effectiveAt)) {
            p.addListener((o, a, b) -> validate());
        }
        emergency.addListener((o, a, b) -> previewCurrent.set(false));
        target.addListener((o, a, t) -> edit(t));
        this.valid = Bindings.createBooleanBinding(() -> target.get() != null && rpmError.get().isEmpty() && rpdError.get().isEmpty()
                && concurrentError.get().isEmpty() && effectiveError.get().isEmpty(), target, rpmError, rpdError, concurrentError, effectiveError);
        this.canPreview = Bindings.createBooleanBinding(() -> canEdit && valid.get() && !preview.isLoading(), valid, preview.stateProperty());
        this.canCancel = Bindings.createBooleanBinding(() -> canEdit && !cancelling.get() && target.get() != null
                        && target.get().scheduled() != null && "scheduled".equals(target.get().scheduled().state())
                        && Enforcement.reasonProblem(cancelReason.get()).isEmpty(),
                target, cancelling, cancelReason);
        this.canSave = Bindings.createBooleanBinding(() -> canEdit && previewCurrent.get() && !saving.get()
                        && (noticeOk.get() || emergency.get() && canOverride) && Enforcement.reasonProblem(reason.get()).isEmpty(),
                previewCurrent, saving, noticeOk, emergency, reason);
    }

    public void start() {
        tiers.load(api::tiers);
    }

    public void selectTier(RateTier t) {
        if (t == null) {
            return;
        }
        if (t.custom()) {
            message.set("Enterprise limits are custom per account: open an Enterprise account below.");
            target.set(null);
            return;
        }
        target.set(new Target("tier", t.name(), title(t.name()), new TierLimits(t.rpm(), t.rpd(), t.concurrent()), t.version(), t.scheduled()));
    }

    /**
     * The account picker: an id (acct_…) opens that account's limits; anything else searches Enterprise accounts by name,
     * email or id, and one match opens at once.
     */
    public void openAccount() {
        String q = accountId.get() == null ? "" : accountId.get().strip();
        if (q.isEmpty()) {
            accountMessage.set("Type an Enterprise account's name, email or id (acct_…)");
            return;
        }
        accountMessage.set("");
        if (q.startsWith("acct_") && !q.contains(" ")) {
            openAccount(q);
            return;
        }
        searching.set(true);
        api.enterpriseAccounts(q).whenComplete((found, failure) -> fx.execute(() -> {
            searching.set(false);
            if (failure != null) {
                accountMessage.set(PlatformException.of(failure).getMessage());
                return;
            }
            accountMatches.setAll(found);
            if (found.isEmpty()) {
                accountMessage.set("No Enterprise account matches \"" + q + "\".");
            } else if (found.size() == 1) {
                openAccount(found.get(0).id());
            }
        }));
    }

    /** Opens the limits of an account picked from the matches. */
    public void pickAccount(Account a) {
        if (a != null) {
            openAccount(a.id());
        }
    }

    private void openAccount(String id) {
        accountMessage.set("");
        api.accountLimits(id).whenComplete((l, failure) -> fx.execute(() -> {
            if (failure != null) {
                accountMessage.set(PlatformException.of(failure).getMessage());
                return;
            }
            if (!"enterprise".equals(l.tier())) {
                accountMessage.set(l.accountName() + " is on the " + l.tier() + " tier; only Enterprise accounts have custom limits.");
                return;
            }
            target.set(account(l));
        }));
    }

    /** Withdraws the scheduled change of what is open, with the reason typed; the limits in force stay. */
    public void cancelScheduled() {
        Target t = target.get();
        if (!canCancel.get() || t == null || t.scheduled() == null) {
            return;
        }
        String why = cancelReason.get().strip();
        cancelling.set(true);
        api.cancel(t.scheduled().id(), why, UUID.randomUUID().toString()).whenComplete((c, failure) -> fx.execute(() -> {
            cancelling.set(false);
            if (failure != null) {
                message.set(PlatformException.of(failure).getMessage());
                return;
            }
            cancelReason.set("");
            message.set("Withdrawn: the " + c.kind() + " scheduled for " + PriceText.when(c.effectiveAt(), clock.getZone())
                    + ". The limits in force stay.");
            reload(t);
        }));
    }

    /** Fetches what is open again (after a cancel): a tier from the list, an account by id. */
    private void reload(Target t) {
        var call = t.kind().equals("tier")
                ? api.tiers().thenApply(list -> {
                    fx.execute(() -> tierRows.setAll(list));
                    return list.stream().filter(r -> r.name().equals(t.id())).findFirst().map(TiersViewModel::tier).orElseThrow();
                })
                : api.accountLimits(t.id()).thenApply(TiersViewModel::account);
        call.whenComplete((fresh, failure) -> fx.execute(() -> {
            if (failure == null) {
                String kept = message.get();
                target.set(fresh);
                message.set(kept);
            } else {
                message.set(PlatformException.of(failure).getMessage());
            }
        }));
    }

    private static Target tier(RateTier r) {
        return new Target("tier", r.name(), title(r.name()), new TierLimits(r.rpm(), r.rpd(), r.concurrent()), r.version(), r.scheduled());
    }

    /** After a conflict: drops the typed limits and opens the other operator's version. */
    public void takeTheirs() {
        Target theirs = pendingTheirs;
        pendingTheirs = null;
        conflicts.clear();
        if (theirs != null) {
            target.set(theirs);
        }
    }

    private static String title(String tier) {
        return tier.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + tier.substring(1) + " tier";
    }

    private static Target account(AccountLimits l) {
        return new Target("account", l.accountId(), l.accountName() + (l.custom() ? " · custom limits" : " · held to the pro tier until set"),
                new TierLimits(l.rpm(), l.rpd(), l.concurrent()), l.version(), l.scheduled());
    }

    private void edit(Target t) {
        conflicts.clear();
        clearPreview();
        if (t == null) {
            return;
        }
        message.set("");
        rpm.set(Integer.toString(t.limits().rpm()));
        rpd.set(Integer.toString(t.limits().rpd()));
        concurrent.set(Integer.toString(t.limits().concurrent()));
        validate();
    }

    private static Long number(String text, ReadOnlyStringWrapper error) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            error.set("must be a whole number");
            return -1L;
        }
    }

    private void validate() {
        previewCurrent.set(false);
        rpmError.set("");
        rpdError.set("");
        concurrentError.set("");
        Long m = number(rpm.get(), rpmError);
        Long d = number(rpd.get(), rpdError);
        Long c = number(concurrent.get(), concurrentError);
        Validated<TierLimits> v = TierLimits.validate(m, d, c);
        for (Problem.FieldError e : v.errors()) {
            ReadOnlyStringWrapper w = switch (e.field()) {
                case "rpm" -> rpmError;
                case "rpd" -> rpdError;
                default -> concurrentError;
            };
            if (w.get().isEmpty()) {
                w.set(e.message());
            }
        }
        Validated<Optional<Instant>> when = NoticeRule.effectiveAt(effectiveAt.get());
        effectiveError.set(when.isValid() ? "" : when.errors().get(0).message());
        Target t = target.get();
        if (v.isValid() && t != null) {
            ChangeKind kind = NoticeRule.classify(t.limits(), v.value());
            kindText.set(switch (kind) {
                case UNCHANGED -> "No change yet.";
                case EASING -> "Loosening: applies at once.";
                case TIGHTENING -> "Tightening: takes effect no sooner than 30 days after it is scheduled.";
                case MIXED -> "Mixed (some limits lower): counts as tightening, 30 days' notice.";
            });
        } else {
            kindText.set("");
        }
    }

    public void useEarliest() {
        effectiveAt.set(NoticeRule.suggestedStart(ChangeKind.TIGHTENING, clock.instant()).toString());
    }

    private LimitsRequest request(boolean withReason) {
        return new LimitsRequest(parse(rpm.get()), parse(rpd.get()), parse(concurrent.get()),
                effectiveAt.get() == null || effectiveAt.get().isBlank() ? null : effectiveAt.get().strip(),
                withReason && reason.get() != null && !reason.get().isBlank() ? reason.get().strip() : null,
                emergency.get() ? Boolean.TRUE : null);
    }

    private static Long parse(String s) {
        return Long.parseLong(s.strip().replace(",", ""));
    }

    public void preview() {
        Target t = target.get();
        if (!canPreview.get() || t == null) {
            return;
        }
        message.set("");
        LimitsRequest body = request(false);
        preview.load(() -> t.kind().equals("tier") ? api.previewTier(t.id(), body) : api.previewAccount(t.id(), body));
    }

    private void clearPreview() {
        preview.clear();
        previewCurrent.set(false);
        noticeText.set("");
        reachText.set("");
        exceedance.clear();
    }

    private void showPreview(LimitsPreview p) {
        noticeOk.set(p.noticeSatisfied());
        String when = PriceText.when(p.effectiveAt(), clock.getZone());
        noticeText.set(p.noticeSatisfied()
                ? "Notice satisfied: a " + p.kind() + " taking effect " + when + "."
                : "Not enough notice: a " + p.kind() + " needs 30 days. Earliest allowed: " + PriceText.when(p.earliestAllowed(), clock.getZone())
                  + (canOverride ? ". A lead may override it as an emergency, with a reason." : "."));
        reachText.set(p.accounts() + " accounts and " + p.keys() + " keys are held to these limits.");
        LimitsPreview.Exceedance now = p.current();
        LimitsPreview.Exceedance next = p.proposed();
        exceedance.setAll(
                "Requests in the last " + next.windowDays() + " days: " + next.requests(),
                "Keys over rpm in some minute: " + now.keysOverRpm() + " now → " + next.keysOverRpm() + " with the new limits",
                "Keys over rpd in some day: " + now.keysOverRpd() + " now → " + next.keysOverRpd(),
                "Accounts over rpm: " + now.accountsOverRpm() + " now → " + next.accountsOverRpm() + "; over rpd: "
                        + now.accountsOverRpd() + " → " + next.accountsOverRpd(),
                "Concurrency is not measured: the request log has no durations.");
        previewCurrent.set(true);
    }

    public void save() {
        Target t = target.get();
        if (!canSave.get() || t == null) {
            return;
        }
        saving.set(true);
        LimitsRequest body = request(true);
        var call = t.kind().equals("tier")
                ? api.putTier(t.id(), t.version(), body).thenApply(r -> new Target("tier", r.name(), title(r.name()),
                        new TierLimits(r.rpm(), r.rpd(), r.concurrent()), r.version(), r.scheduled()))
                : api.putAccount(t.id(), t.version(), body).thenApply(TiersViewModel::account);
        call.whenComplete((saved, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                reason.set("");
                effectiveAt.set("");
                emergency.set(false);
                target.set(saved);
                message.set(saved.scheduled() != null && saved.scheduled().state().equals("scheduled")
                        ? "Scheduled for " + PriceText.when(saved.scheduled().effectiveAt(), clock.getZone()) + "; the limits in force stay until then."
                        : "Saved: the new limits are in force.");
                tiers.load(api::tiers);
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (e.is(ProblemType.STALE_VERSION)) {
                fetchTheirs(t);
            } else {
                message.set(e.getMessage() + e.problem().map(p -> p.errors() == null ? "" : " " + String.join(" ",
                        p.errors().stream().map(x -> x.field() + " " + x.message()).toList())).orElse(""));
            }
        }));
    }

    private void fetchTheirs(Target mine) {
        var call = mine.kind().equals("tier")
                ? api.tiers().thenApply(list -> list.stream().filter(r -> r.name().equals(mine.id())).findFirst().map(r ->
                        new Target("tier", r.name(), title(r.name()), new TierLimits(r.rpm(), r.rpd(), r.concurrent()), r.version(),
                                r.scheduled())).orElseThrow())
                : api.accountLimits(mine.id()).thenApply(TiersViewModel::account);
        call.whenComplete((theirs, failure) -> fx.execute(() -> {
            if (failure != null) {
                message.set("Another operator changed these limits, and fetching their change failed: "
                        + PlatformException.of(failure).getMessage() + " Nothing was saved; try again.");
                return;
            }
            conflicts.setAll(describeConflict(mine, theirs));
            previewCurrent.set(false);
            pendingTheirs = theirs;
            tiers.load(api::tiers); // the list shows what they saved
        }));
    }

    private Target pendingTheirs;

    static List<String> describeConflict(Target mine, Target theirs) {
        List<String> lines = new ArrayList<>();
        compare(lines, "rpm", mine.limits().rpm(), theirs.limits().rpm());
        compare(lines, "rpd", mine.limits().rpd(), theirs.limits().rpd());
        compare(lines, "concurrent", mine.limits().concurrent(), theirs.limits().concurrent());
        LimitChange s = theirs.scheduled();
        if (s != null && (mine.scheduled() == null || !mine.scheduled().id().equals(s.id()))) {
            lines.add("They scheduled " + s.after().rpm() + " / " + s.after().rpd() + " / " + s.after().concurrent() + " for "
                    + s.effectiveAt() + ": " + s.reason());
        }
        if (lines.isEmpty()) {
            lines.add("Someone else saved these limits (version " + mine.version() + " → " + theirs.version() + ") without changing them.");
        }
        return lines;
    }

    private static void compare(List<String> lines, String field, int mine, int theirs) {
        if (mine != theirs) {
            java.text.NumberFormat grouped = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH);
            lines.add(field + " is now " + grouped.format(theirs) + " (you started from " + grouped.format(mine) + ")");
        }
    }

    /** After a conflict: keeps the typed limits over the other operator's version; preview again, then save. */
    public void retryWithMine() {
        Target theirs = pendingTheirs;
        if (theirs == null) {
            return;
        }
        String m = rpm.get();
        String d = rpd.get();
        String c = concurrent.get();
        target.set(theirs);
        rpm.set(m);
        rpd.set(d);
        concurrent.set(c);
        pendingTheirs = null;
    }

    public boolean canEdit() { return canEdit; }
    public boolean canOverride() { return canOverride; }
    public Loader<List<RateTier>> tiersLoader() { return tiers; }
    public ObservableList<RateTier> tierRows() { return tierRows; }
    public ObjectProperty<Target> targetProperty() { return target; }
    public StringProperty accountIdProperty() { return accountId; }
    public ReadOnlyStringProperty accountMessageProperty() { return accountMessage.getReadOnlyProperty(); }
    public StringProperty rpmProperty() { return rpm; }
    public StringProperty rpdProperty() { return rpd; }
    public StringProperty concurrentProperty() { return concurrent; }
    public ReadOnlyStringProperty rpmErrorProperty() { return rpmError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rpdErrorProperty() { return rpdError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty concurrentErrorProperty() { return concurrentError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty kindTextProperty() { return kindText.getReadOnlyProperty(); }
    public StringProperty effectiveAtProperty() { return effectiveAt; }
    public ReadOnlyStringProperty effectiveErrorProperty() { return effectiveError.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public BooleanProperty emergencyProperty() { return emergency; }
    public Loader<LimitsPreview> previewLoader() { return preview; }
    public ReadOnlyBooleanProperty previewCurrentProperty() { return previewCurrent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeTextProperty() { return noticeText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty noticeOkProperty() { return noticeOk.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reachTextProperty() { return reachText.getReadOnlyProperty(); }
    public ObservableList<String> exceedance() { return exceedance; }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<String> conflicts() { return conflicts; }
    public BooleanBinding canPreviewBinding() { return canPreview; }
    public BooleanBinding canSaveBinding() { return canSave; }
    public BooleanBinding canCancelBinding() { return canCancel; }
    public ObservableList<Account> accountMatches() { return accountMatches; }
    public ReadOnlyBooleanProperty searchingProperty() { return searching.getReadOnlyProperty(); }
    public StringProperty cancelReasonProperty() { return cancelReason; }
}
