package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseDismissalProposal;
import dev.gatehouse.api.AbuseMetrics;
import dev.gatehouse.api.AbuseReportChange;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.Appeal;
import dev.gatehouse.api.AppealResult;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.console.actions.ActionCall;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ActionPreview;
import dev.gatehouse.policy.AppealOutcome;
import dev.gatehouse.policy.Appeals;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Ruling;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportDetail;
import dev.gatehouse.api.AbuseResolveResult;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.AccountChanged;
import dev.gatehouse.console.accounts.KeyChanged;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Severity;
import dev.gatehouse.policy.SlaState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Trust & Safety workspace (issue 9 item 7): the queue due first with live countdowns, filters with counts, the
 * selected report's evidence and case, and decide-and-next from the keyboard. Work (claim, release, escalate, comment,
 * decide) is for trust & safety and leads; everyone else reads. The clock ticks through {@link #tick}, once a second
 * for the whole queue; {@link #poll} follows changes made elsewhere.
 */
public final class AbuseViewModel {
    public static final int PAGE = 100;
    public static final List<ReportCategory> CATEGORIES = FilterOptions.anyOr(ReportCategory.values());
    public static final List<Severity> SEVERITIES = FilterOptions.anyOr(Severity.values());
    public static final List<String> STATES = FilterOptions.anyOr("open", "in_review", "escalated");
    /** A claimed report this close to breach is announced (issue 9 item 7). */
    static final Duration BREACH_WARNING = Duration.ofMinutes(15);

    /** How many unresolved reports each filter would show: exact, from GET /abuse-reports/counts. */
    public record Counts(Map<String, Integer> byKey) {
        public static final Counts NONE = new Counts(Map.of());

        /** The count for a filter key, or empty before the first answer; a filter nobody matches shows 0. */
        public String of(String key) {
            if (byKey.isEmpty()) {
                return "";
            }
            return String.valueOf(byKey.getOrDefault(key, 0));
        }

        static Counts of(dev.gatehouse.api.AbuseQueueCounts c) {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("all", c.all());
            m.put("mine", c.mine());
            m.put("unassigned", c.unassigned());
            m.put("breached", c.breached());
            c.byCategory().forEach((k, v) -> m.put("category:" + k, v));
            c.bySeverity().forEach((k, v) -> m.put("severity:" + k, v));
            c.byState().forEach((k, v) -> m.put("state:" + k, v));
            return new Counts(m);
        }
    }

    /** The small composer for E (escalate) and M (comment). */
    public enum Composer { NONE, ESCALATE, COMMENT }

    private final AbuseApi api;
    private final Executor fx;
    private final Role role;
    private final String operatorId;
    private final OperatorTime time;
    private final ObjectProperty<ReportCategory> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity");
    private final ObjectProperty<String> state = new SimpleObjectProperty<>(this, "state");
    private final BooleanProperty mine = new SimpleBooleanProperty(this, "mine");
    private final BooleanProperty unassigned = new SimpleBooleanProperty(this, "unassigned");
    private final BooleanProperty breached = new SimpleBooleanProperty(this, "breached");
    private final ListDetailModel<AbuseQuery, AbuseReport, AbuseReportDetail> model;
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now");
    private final ObjectProperty<AbuseMetrics> metrics = new SimpleObjectProperty<>(this, "metrics");
    private final IntegerProperty openAppeals = new SimpleIntegerProperty(this, "openAppeals");
    private final ObjectProperty<Counts> counts = new SimpleObjectProperty<>(this, "counts", Counts.NONE);
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    private final ObjectProperty<DecisionForm> form = new SimpleObjectProperty<>(this, "form");
    private final ObjectProperty<Composer> composer = new SimpleObjectProperty<>(this, "composer", Composer.NONE);
    private final StringProperty composerText = new SimpleStringProperty(this, "composerText", "");
    private final BooleanProperty help = new SimpleBooleanProperty(this, "help");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableList<AbuseReport> caseReports = FXCollections.observableArrayList();
    private final ObservableList<dev.gatehouse.api.Appeal> appeals = FXCollections.observableArrayList();
    private final BooleanProperty showingAppeals = new SimpleBooleanProperty(this, "showingAppeals");
    private final Set<String> seenCritical = new HashSet<>();
    private final Set<String> warnedNearBreach = new HashSet<>();
    private boolean firstPoll = true;
    private EventBus events;
    private Notifier notifier = n -> {};
    private EventBus.Subscription following = EventBus.Subscription.NONE;

    public AbuseViewModel(AbuseApi api, Executor fx, Role role, String operatorId, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.operatorId = operatorId;
        this.time = time;
        now.set(time.now());
        PagedList<AbuseQuery, AbuseReport> list = new PagedList<>(api::reports, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("report", "reports", q -> q.isAll()
                        ? "The queue is empty: every report has been answered."
                        : "No reports match these filters."));
        model = new ListDetailModel<AbuseQuery, AbuseReport, AbuseReportDetail>(list, this::query, AbuseReport::id, fx)
                .detailFrom(r -> api.report(r.id()))
                .keepSelectionOnReload()
                .watch(category, severity, state, mine, unassigned, breached);
        model.selectedProperty().addListener((o, a, r) -> {
            if (a == null || r == null || !a.id().equals(r.id())) {
                revealed.set(false);
                cancel();
            }
        });
        model.detail().onLoaded(d -> {
            caseReports.setAll(d.caseReports());
            model.replace(d.report());
        });
        mine.addListener((o, a, on) -> { if (on) unassigned.set(false); });
        unassigned.addListener((o, a, on) -> { if (on) mine.set(false); });
    }

    public AbuseQuery query() {
        return new AbuseQuery(category.get(), severity.get(), state.get(), mine.get(), unassigned.get(), breached.get());
    }

    /** Announces decisions to the other screens (the Keys screen shows a suspended key) and raises notifications. */
    public void follow(EventBus events, Notifier notifier) {
        this.events = events;
        this.notifier = notifier;
    }

    public void start() {
        model.reload();
        poll();
    }

    /** The one clock tick of the queue: every countdown reads {@link #nowProperty()}. */
    public void tick(Instant at) {
        now.set(at);
    }

    public boolean canWork() {
        return role == Role.TRUST_SAFETY || role == Role.LEAD;
    }

    // ---------------------------------------------------------------- following the platform

    /** Metrics, appeal count and filter counts, and the rows of the current query when they changed elsewhere. */
    public void poll() {
        api.metrics().whenCompleteAsync((m, e) -> { if (m != null) metrics.set(m); }, fx);
        api.openAppeals().whenCompleteAsync((n, e) -> { if (n != null) openAppeals.set(n); }, fx);
        api.counts().whenCompleteAsync((c, e) -> { if (c != null) counts.set(Counts.of(c)); }, fx);
        api.reports(AbuseQuery.ALL, null, 200).whenCompleteAsync((p, e) -> { if (p != null) announce(p); }, fx);
        if (model.list().stateProperty().get() == PagedList.State.LOADING || form.get() != null) {
            return;
        }
        int size = Math.max(model.rows().size(), 1);
        api.reports(query(), null, Math.min(200, Math.max(size, PAGE))).whenCompleteAsync((p, e) -> {
            if (p != null && query().equals(model.applied())) {
                refreshed(p);
            }
        }, fx);
    }

    private void refreshed(Page<AbuseReport> page) {
        List<String> shown = model.rows().stream().map(AbuseReport::id).toList();
        List<String> fresh = page.data().stream().map(AbuseReport::id).limit(shown.size()).toList();
        if (shown.equals(fresh) && page.data().size() >= shown.size()) {
            page.data().stream().limit(shown.size()).forEach(model::replace);
        } else {
            model.reload();
        }
    }

    /** Notifications over the first page of the queue, due first: the reports closest to breach. */
    private void announce(Page<AbuseReport> due) {
        Instant at = now.get();
        for (AbuseReport r : due.data()) {
            notifyAbout(r, at);
        }
        firstPoll = false;
    }

    /** A new critical report, or a report I hold 15 minutes from breach: a notification, once each. */
    private void notifyAbout(AbuseReport r, Instant at) {
        if (!canWork()) {
            return;
        }
        if ("critical".equals(r.severity()) && seenCritical.add(r.id()) && !firstPoll) {
            notifier.show(new Notice(Notice.Kind.WARNING, "New critical report: " + QueueText.category(r.category()),
                    QueueText.subject(r) + " · " + QueueText.countdown(r, at), null));
        }
        Duration left = ReportSla.remaining(r.receivedAt(), at);
        if (operatorId.equals(r.assigneeId()) && r.firstActionAt() == null && !left.isNegative()
                && left.compareTo(BREACH_WARNING) <= 0 && warnedNearBreach.add(r.id())) {
            notifier.show(new Notice(Notice.Kind.WARNING, "Report you hold breaches in " + QueueText.span(left),
                    QueueText.category(r.category()) + " · " + QueueText.subject(r), null));
        }
    }

    // ---------------------------------------------------------------- keyboard commands

    public void next() {
        model.selectNext();
    }

    public void previous() {
        model.selectPrevious();
    }

    public void claim() {
        AbuseReport r = workable();
        if (r != null) {
            run(api.claim(r.id()), c -> {
                model.replace(c.report());
                model.reloadDetail();
                status.set("You hold " + QueueText.category(r.category()) + " · " + QueueText.subject(r)
                        + (c.alsoChanged().isEmpty() ? "" : " and " + c.alsoChanged().size() + " more of its case"));
            });
        }
    }

    public void release() {
        AbuseReport r = workable();
        if (r != null) {
            run(api.release(r.id()), c -> {
                model.replace(c.report());
                model.reloadDetail();
                status.set("Released to the queue.");
            });
        }
    }

    public void openEscalation() {
        if (workable() != null) {
            composerText.set("");
            composer.set(Composer.ESCALATE);
        }
    }

    public void openComment() {
        if (workable() != null) {
            composerText.set("");
            composer.set(Composer.COMMENT);
        }
    }

    /** One key per decision: opens the reason form with the clause and the statement template filled in. */
    public void openDecision(ReportDecision decision) {
        AbuseReport r = workable();
        if (r == null) {
            return;
        }
        composer.set(Composer.NONE);
        form.set(new DecisionForm(r, decision, gravest(r), role));
    }

    /** The category the rules follow: CSAM when any report of the case is. */
    private ReportCategory gravest(AbuseReport r) {
        if ("csam".equals(r.category()) || caseReports.stream().anyMatch(c -> "csam".equals(c.category()) && !"resolved".equals(c.state()))) {
            return ReportCategory.CSAM;
        }
        return ReportCategory.fromWire(r.category()).orElse(ReportCategory.OTHER);
    }

    /** Ctrl+Enter: submits the open form (decision, escalation or comment). */
    public void submit() {
        if (form.get() != null) {
            submitDecision();
        } else if (composer.get() == Composer.ESCALATE) {
            submitEscalation();
        } else if (composer.get() == Composer.COMMENT) {
            submitComment();
        }
    }

    /** Escape: closes whatever is open. */
    public void cancel() {
        form.set(null);
        composer.set(Composer.NONE);
        help.set(false);
        showingAppeals.set(false);
    }

    public void toggleHelp() {
        help.set(!help.get());
    }

    /** P: the appeals waiting for a decision, each with its own badge, over the queue. */
    public void toggleAppeals() {
        if (showingAppeals.get()) {
            showingAppeals.set(false);
            return;
        }
        run(api.appeals(), list -> {
            appeals.setAll(list);
            openAppeals.set(list.size());
            showingAppeals.set(true);
        });
    }

    private void submitEscalation() {
        AbuseReport r = workable();
        String note = composerText.get().strip();
        if (r == null) return;
        if (note.isEmpty()) {
            status.set("Say why it is escalated; the note goes into the report's history.");
            return;
        }
        run(api.escalate(r.id(), "lead", note), c -> {
            composer.set(Composer.NONE);
            model.replace(c.report());
            model.reloadDetail();
            status.set("Escalated to a lead.");
        });
    }

    private void submitComment() {
        AbuseReport r = workable();
        String body = composerText.get().strip();
        if (r == null) return;
        if (body.isEmpty()) {
            status.set("Write the comment first.");
            return;
        }
        run(api.comment(r.id(), body), c -> {
            composer.set(Composer.NONE);
            model.reloadDetail();
            status.set("Comment added.");
        });
    }

    /** Decides the case, then moves to the next report of the queue (decide-and-next). */
    public void submitDecision() {
        DecisionForm f = form.get();
        if (f == null || f.submittingProperty().get()) {
            return;
        }
        String problem = f.problemProperty().get();
        if (!problem.isEmpty()) {
            f.failureProperty().set(problem);
            return;
        }
        f.submittingProperty().set(true);
        f.failureProperty().set("");
        if (f.proposesDismissal()) {
            api.proposeDismissal(f.report().id(), f.proposal(), f.idempotencyKey()).whenCompleteAsync((p, e) -> {
                f.submittingProperty().set(false);
                if (e != null) {
                    f.failureProperty().set(message(e));
                    return;
                }
                if (form.get() == f) {
                    form.set(null);
                }
                model.reloadDetail();
                status.set("Dismissal proposed: the case waits for a lead's approval (a second person, DESIGN §4).");
                notifier.show(Notice.success("Dismissal proposed · " + QueueText.subject(f.report()))
                        .withDetail("A lead other than you approves or rejects it."));
                poll();
            }, fx);
            return;
        }
        api.resolve(f.report().id(), f.resolution(), f.idempotencyKey()).whenCompleteAsync((result, e) -> {
            f.submittingProperty().set(false);
            if (e != null) {
                f.failureProperty().set(message(e)); // the form stays, with what was typed
                return;
            }
            if (form.get() == f) {
                form.set(null);
            }
            decided(f.report(), f.decision().label(), result);
        }, fx);
    }

    private void decided(AbuseReport decidedOn, String label, AbuseResolveResult result) {
        List<String> resolved = result.reports().stream().map(AbuseReport::id).toList();
        List<AbuseReport> rows = model.rows();
        int at = rows.indexOf(rows.stream().filter(r -> r.id().equals(decidedOn.id())).findFirst().orElse(null));
        AbuseReport next = null;
        for (int i = Math.max(at, 0); i < rows.size(); i++) {
            if (!resolved.contains(rows.get(i).id())) {
                next = rows.get(i);
                break;
            }
        }
        rows.removeIf(r -> resolved.contains(r.id()));
        model.selectedProperty().set(next == null && !rows.isEmpty() ? rows.get(rows.size() - 1) : next);
        status.set(label + ": " + resolved.size() + (resolved.size() == 1 ? " report" : " reports") + " resolved.");
        notifier.show(Notice.success(label + " · " + QueueText.subject(decidedOn))
                .withDetail(String.join("; ", result.changes())).withAudit(result.auditId()));
        tellOtherScreens(result.enforcement());
        poll();
    }

    private void tellOtherScreens(EnforcementAction e) {
        if (e == null || events == null) {
            return;
        }
        if (e.keyId() != null) {
            api.key(e.keyId()).whenCompleteAsync((k, x) -> { if (k != null) events.publish(new KeyChanged(k)); }, fx);
        } else {
            api.account(e.accountId()).whenCompleteAsync((a, x) -> { if (a != null) events.publish(new AccountChanged(a)); }, fx);
        }
    }

    // ---------------------------------------------------------------- case, severity, dismissal approval, appeals

    /** U: moves the selected report out of a case it was wrongly grouped into, with a reason. */
    public ActionDialogViewModel<AbuseReportChange> splitDialog() {
        AbuseReport r = workable();
        if (r == null) {
            return null;
        }
        if (r.caseReportCount() < 2) {
            status.set("This report is alone in its case; there is nothing to split it from.");
            return null;
        }
        ActionCall<AbuseReportChange> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest q) {
                return CompletableFuture.completedFuture(new ActionPreview(List.of(
                        "Report " + r.id() + " leaves its case of " + r.caseReportCount() + " reports and becomes a case of its own.",
                        "Its due time stays " + time.both(r.dueAt(), "—") + "; a decision on the old case no longer resolves it."),
                        draftAudit("abuse_report.split", r.id(), q.reason())));
            }
            @Override public CompletableFuture<AbuseReportChange> submit(ActionRequest q, String key) {
                return api.split(r.id(), q.reason(), key);
            }
        };
        return new ActionDialogViewModel<>("split", "Split off its case", label(r), false, call, fx, c -> {
            model.replace(c.report());
            model.reloadDetail();
            status.set("Split off into a case of its own.");
            notifier.show(Notice.success("Split off · " + QueueText.subject(r)).withAudit(c.auditId()));
            poll();
        });
    }

    /** Why this role may not set the selected report to {@code to}, or empty: raising is open, lowering needs a lead. */
    public String severityProblem(AbuseReport r, Severity to) {
        if (r == null) {
            return "Select a report first (J / K).";
        }
        if (!canWork()) {
            return "Your role reads the queue; trust & safety and leads work it.";
        }
        Severity current = Severity.fromWire(r.severity()).orElse(Severity.MEDIUM);
        if (current == to) {
            return "The report is already " + to.wire() + ".";
        }
        if (current.isAbove(to) && !Permission.LOWER_SEVERITY.allows(role)) {
            return "Lowering a severity needs a lead, with a reason (issue 9); you may raise it.";
        }
        return "";
    }

    /** ] raises the selected report's severity one step, [ lowers it: the reason dialog for that step. */
    public ActionDialogViewModel<AbuseReportChange> stepSeverity(boolean raise) {
        AbuseReport r = workable();
        if (r == null) {
            return null;
        }
        Severity current = Severity.fromWire(r.severity()).orElse(Severity.MEDIUM);
        int i = current.ordinal() + (raise ? -1 : 1);
        if (i < 0 || i >= Severity.values().length) {
            status.set("The report is already " + current.wire() + (raise ? ", the highest." : ", the lowest."));
            return null;
        }
        return severityDialog(Severity.values()[i]);
    }

    public ActionDialogViewModel<AbuseReportChange> severityDialog(Severity to) {
        AbuseReport r = model.selectedProperty().get();
        String problem = severityProblem(r, to);
        if (!problem.isEmpty()) {
            status.set(problem);
            return null;
        }
        Severity current = Severity.fromWire(r.severity()).orElse(Severity.MEDIUM);
        ActionCall<AbuseReportChange> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest q) {
                return CompletableFuture.completedFuture(new ActionPreview(List.of(
                        "Severity goes from " + current.wire() + " to " + to.wire() + ".",
                        "The internal target moves to " + time.both(ReportSla.targetAt(r.receivedAt(), to), "—")
                                + "; the 24 h due time stays " + time.both(r.dueAt(), "—") + "."),
                        draftAudit("abuse_report.severity", r.id(), q.reason())));
            }
            @Override public CompletableFuture<AbuseReportChange> submit(ActionRequest q, String key) {
                return api.changeSeverity(r.id(), r.version(), to.wire(), q.reason());
            }
        };
        String title = (to.isAbove(current) ? "Raise" : "Lower") + " severity to " + to.wire();
        return new ActionDialogViewModel<>("severity", title, label(r), false, call, fx, c -> {
            model.replace(c.report());
            model.reloadDetail();
            status.set("Severity is now " + to.wire() + ".");
            notifier.show(Notice.success(title + " · " + QueueText.subject(r)).withAudit(c.auditId()));
            poll();
        });
    }

    /** Why I may not approve or reject the proposed CSAM dismissal shown, or empty (a lead other than the proposer). */
    public String dismissalApprovalProblem(AbuseDismissalProposal p) {
        if (p == null) {
            return "No dismissal waits for approval.";
        }
        if (!Permission.APPROVE_CSAM_DISMISSAL.allows(role)) {
            return "A lead other than the proposer approves or rejects a CSAM dismissal.";
        }
        if (p.proposedBy().equals(operatorId)) {
            return "You proposed this dismissal; a second lead approves or rejects it.";
        }
        return "";
    }

    /** The second person's answer to a proposed CSAM dismissal: approve (the case is resolved) or reject. */
    public ActionDialogViewModel<?> dismissalDialog(boolean approve) {
        AbuseReportDetail d = model.detail().value();
        AbuseDismissalProposal p = d == null ? null : d.dismissalProposal();
        String problem = dismissalApprovalProblem(p);
        if (!problem.isEmpty()) {
            status.set(problem);
            return null;
        }
        AbuseReport r = d.report();
        String who = p.proposedByName() == null ? p.proposedBy() : p.proposedByName();
        List<String> changes = approve
                ? List.of("Every unresolved report of the case is resolved as dismissed, with " + who + "'s statement of reasons.",
                        "Law-enforcement reference " + p.lawEnforcementRef() + " is recorded; the cited evidence stays preserved.",
                        "You are the second person: " + who + " proposed it.")
                : List.of("The proposal is closed as not approved; the case stays with a lead, who decides it otherwise.",
                        "Your reason is added to the report's comments.");
        if (approve) {
            ActionCall<AbuseResolveResult> call = new ActionCall<>() {
                @Override public CompletableFuture<ActionPreview> preview(ActionRequest q) {
                    return CompletableFuture.completedFuture(new ActionPreview(changes, draftAudit("abuse_report.resolve", r.id(), p.reason())));
                }
                @Override public CompletableFuture<AbuseResolveResult> submit(ActionRequest q, String key) {
                    return api.approveDismissal(r.id(), q.reason(), key);
                }
            };
            return new ActionDialogViewModel<>("approve_dismissal", "Approve the CSAM dismissal", label(r), false, call, fx,
                    result -> decided(r, "Dismissal approved", result));
        }
        ActionCall<AbuseDismissalProposal> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest q) {
                return CompletableFuture.completedFuture(new ActionPreview(changes,
                        draftAudit("abuse_report.reject_dismissal", r.id(), q.reason())));
            }
            @Override public CompletableFuture<AbuseDismissalProposal> submit(ActionRequest q, String key) {
                return api.rejectDismissal(r.id(), q.reason(), key);
            }
        };
        return new ActionDialogViewModel<>("reject_dismissal", "Reject the CSAM dismissal", label(r), false, call, fx, rejected -> {
            model.reloadDetail();
            status.set("Dismissal not approved; the case stays with a lead.");
            notifier.show(Notice.success("Dismissal rejected · " + QueueText.subject(r)));
        });
    }

    /** Why I may not decide this appeal, or empty: trust & safety or a lead, never the original decider. */
    public String appealProblem(Appeal a) {
        Ruling may = Appeals.mayDecide(a.originalDecider(), operatorId, role);
        return may.allowed() ? "" : may.refusal();
    }

    /** Upholds or overturns an appeal from the appeals overlay (P), with the reason. */
    public ActionDialogViewModel<AppealResult> appealDialog(Appeal a, AppealOutcome outcome) {
        String problem = appealProblem(a);
        if (!problem.isEmpty()) {
            status.set(problem);
            return null;
        }
        String decision = a.originalDecision().replace('_', ' ');
        List<String> changes = outcome == AppealOutcome.UPHELD
                ? List.of("The appeal is closed as upheld: the " + decision + " stays in force.",
                        "The customer is told the outcome with your reason.")
                : List.of("The appeal is closed as overturned: the " + decision + " is lifted where it can be "
                                + "(a warning withdrawn, a suspension lifted).",
                        "A revocation or termination stays final; the customer is offered a new key or account instead.");
        ActionCall<AppealResult> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest q) {
                return CompletableFuture.completedFuture(new ActionPreview(changes, draftAudit("appeal.decide", a.id(), q.reason())));
            }
            @Override public CompletableFuture<AppealResult> submit(ActionRequest q, String key) {
                return api.decideAppeal(a.id(), outcome.wire(), q.reason(), key);
            }
        };
        String title = (outcome == AppealOutcome.UPHELD ? "Uphold" : "Overturn") + " the " + decision;
        return new ActionDialogViewModel<>("appeal_" + outcome.wire(), title, a.accountName() + " · appeal " + a.id(), false, call, fx,
                result -> {
                    appeals.removeIf(x -> x.id().equals(a.id()));
                    openAppeals.set(appeals.size());
                    status.set("Appeal " + outcome.wire() + ".");
                    notifier.show(Notice.success(title + " · " + a.accountName())
                            .withDetail(String.join("; ", result.changes())).withAudit(result.auditId()));
                    if (events != null) {
                        Appeal decided = result.appeal();
                        if (decided.keyId() != null) {
                            api.key(decided.keyId()).whenCompleteAsync((k, x) -> { if (k != null) events.publish(new KeyChanged(k)); }, fx);
                        }
                        api.account(decided.accountId()).whenCompleteAsync((acct, x) -> {
                            if (acct != null) events.publish(new AccountChanged(acct));
                        }, fx);
                    }
                    model.reload();
                    poll();
                });
    }

    private static String label(AbuseReport r) {
        return QueueText.category(r.category()) + " · " + QueueText.subject(r) + " · " + r.id();
    }

    private AuditEntry draftAudit(String action, String target, String reason) {
        return new AuditEntry(null, null, time.now(), operatorId, action, target, reason, null, null, null, null);
    }

    /** Shows blurred critical evidence; the reveal is recorded on the report (an audited comment). */
    public void revealEvidence() {
        AbuseReport r = model.selectedProperty().get();
        if (r == null || revealed.get()) {
            return;
        }
        if (!canWork()) {
            status.set("Only trust & safety and leads may reveal critical evidence.");
            return;
        }
        run(api.comment(r.id(), "Revealed the blurred evidence to review it."), c -> {
            revealed.set(true);
            model.reloadDetail();
        });
    }

    private AbuseReport workable() {
        AbuseReport r = model.selectedProperty().get();
        if (r == null) {
            status.set("Select a report first (J / K).");
            return null;
        }
        if (!canWork()) {
            status.set("Your role reads the queue; trust & safety and leads work it.");
            return null;
        }
        return r;
    }

    private <T> void run(CompletableFuture<T> call, Consumer<T> then) {
        busy.set(true);
        call.whenCompleteAsync((v, e) -> {
            busy.set(false);
            if (e != null) {
                status.set(message(e));
            } else {
                then.accept(v);
            }
        }, fx);
    }

    static String message(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof PlatformException p ? p.getMessage() : "Something went wrong; try again.";
    }

    public void clearFilters() {
        model.changeFilters(() -> {
            category.set(null);
            severity.set(null);
            state.set(null);
            mine.set(false);
            unassigned.set(false);
            breached.set(false);
        });
    }

    public void reload() {
        model.reload();
    }

    public void close() {
        following.close();
        model.close();
    }

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public ListDetailModel<AbuseQuery, AbuseReport, AbuseReportDetail> model() { return model; }
    public PagedList<AbuseQuery, AbuseReport> list() { return model.list(); }
    public Loader<AbuseReportDetail> detail() { return model.detail(); }
    public ObservableList<AbuseReport> rows() { return model.rows(); }
    public ObjectProperty<AbuseReport> selectedProperty() { return model.selectedProperty(); }
    public ObjectProperty<ReportCategory> categoryProperty() { return category; }
    public ObjectProperty<Severity> severityProperty() { return severity; }
    public ObjectProperty<String> stateProperty() { return state; }
    public BooleanProperty mineProperty() { return mine; }
    public BooleanProperty unassignedProperty() { return unassigned; }
    public BooleanProperty breachedProperty() { return breached; }
    public ObjectProperty<Instant> nowProperty() { return now; }
    public ObjectProperty<AbuseMetrics> metricsProperty() { return metrics; }
    public IntegerProperty openAppealsProperty() { return openAppeals; }
    public ObjectProperty<Counts> countsProperty() { return counts; }
    public BooleanProperty revealedProperty() { return revealed; }
    public ObjectProperty<DecisionForm> formProperty() { return form; }
    public ObjectProperty<Composer> composerProperty() { return composer; }
    public StringProperty composerTextProperty() { return composerText; }
    public BooleanProperty helpProperty() { return help; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty statusProperty() { return status; }
    public ObservableList<AbuseReport> caseReports() { return caseReports; }
    public ObservableList<dev.gatehouse.api.Appeal> appeals() { return appeals; }
    public BooleanProperty showingAppealsProperty() { return showingAppeals; }
}
