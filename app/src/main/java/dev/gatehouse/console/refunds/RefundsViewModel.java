package dev.gatehouse.console.refunds;

import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.console.accounts.ActionOptions.Availability;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Refunds workspace (issue 10 §5): the queue filtered by state, verdict and account; the selected refund's
 * eligibility breakdown (verdict, refundable amount, the deciding rule with its preset and clause) beside its lot's
 * history; and approve, second approval, deny and payout retry as the operator's role and the refund's state allow.
 * The preset in force is always on screen; a lead switches it in the Policy panel.
 */
public final class RefundsViewModel {
    public static final List<RefundState> STATES = FilterOptions.anyOr(RefundState.values());
    public static final List<RefundEligibility.Verdict> VERDICTS = FilterOptions.anyOr(RefundEligibility.Verdict.values());
    public static final int PAGE = 100;

    private final RefundsApi api;
    private final Executor fx;
    private final Role role;
    private final String operatorId;
    private final OperatorTime time;

    private final ObjectProperty<RefundState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<RefundEligibility.Verdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final ListDetailModel<RefundQuery, Refund, RefundDetail> model;
    private final ObservableList<RefundEligibilityView.Line> reasons = FXCollections.observableArrayList();
    private final ObservableList<LedgerEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Availability> approve = new ReadOnlyObjectWrapper<>(this, "approve");
    private final ReadOnlyObjectWrapper<Availability> deny = new ReadOnlyObjectWrapper<>(this, "deny");
    private final ReadOnlyObjectWrapper<Availability> retry = new ReadOnlyObjectWrapper<>(this, "retry");
    private final ReadOnlyStringWrapper approveText = new ReadOnlyStringWrapper(this, "approveText", "Approve…");
    private final ReadOnlyStringWrapper presetText = new ReadOnlyStringWrapper(this, "presetText", "Loading the policy in force…");
    private final ReadOnlyObjectWrapper<PolicyView> policy = new ReadOnlyObjectWrapper<>(this, "policy");
    private final Loader<PolicyView> policyLoader;
    private EventBus events;
    private Notifier notifier = n -> { };
    private EventBus.Subscription following = EventBus.Subscription.NONE;

    public RefundsViewModel(RefundsApi api, Executor fx, Role role, String operatorId, OperatorTime time) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.operatorId = operatorId;
        this.time = time;
        PagedList<RefundQuery, Refund> list = new PagedList<>(api::refunds, PAGE, fx, q -> !q.isAll(),
                new PagedList.Wording<>("refund", "refunds", RefundsViewModel::emptyMessage));
        this.model = new ListDetailModel<RefundQuery, Refund, RefundDetail>(list, this::query, Refund::id, fx)
                .detailFrom(r -> api.refund(r.id()))
                .watch(state, verdict, accountId);
        model.detail().onLoaded(d -> {
            reasons.setAll(d.eligibility().reasons());
            history.setAll(d.lotHistory());
            model.replace(d.refund());
            updateAvailability(d);
        });
        model.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                reasons.clear();
                history.clear();
            }
            // the same refund in a fresher row (a reload brought it back) keeps the decision its loaded detail allows
            RefundDetail shown = model.detail().value();
            boolean sameRefund = a != null && r != null && a.id().equals(r.id()) && shown != null && shown.refund().id().equals(r.id());
            updateAvailability(sameRefund ? shown : null);
        });
        updateAvailability(null);
        policyLoader = new Loader<PolicyView>(fx).onLoaded(this::policyShown)
                .onFailed(e -> presetText.set("Couldn't load the policy in force: " + e.getMessage()));
    }

    /** Announces decisions and follows refunds changed elsewhere until {@link #close()}. */
    public void follow(EventBus events, Notifier notifier) {
        this.events = events;
        this.notifier = notifier;
        following = events.subscribe(RefundChanged.class, e -> model.replace(e.refund()));
    }

    public RefundQuery query() {
        return new RefundQuery(state.get(), verdict.get(), accountId.get() == null ? "" : accountId.get().strip());
    }

    /** Opens one refund by id, wherever it is in the queue (a deep link: {@code console --area refunds/rfd_…}). */
    public void openRefund(String refundId) {
        api.refund(refundId).whenComplete((d, failure) -> fx.execute(() -> {
            if (failure != null) {
                notifier.show(Notice.warning("Could not open refund " + refundId + ": " + PlatformException.of(failure).getMessage()));
            } else {
                model.selectedProperty().set(d.refund());
            }
        }));
    }

    public void start() {
        reload();
        policyLoader.load(api::policy);
    }

    public void reload() {
        model.reload();
    }

    public void loadMore() {
        model.loadMore();
    }

    public void reloadDetail() {
        model.reloadDetail();
    }

    public void clearFilters() {
        model.changeFilters(() -> {
            state.set(null);
            verdict.set(null);
            accountId.set("");
        });
    }

    /** New requests, waiting for their first decision. */
    public void showWaiting() {
        model.changeFilters(() -> {
            state.set(RefundState.REQUESTED);
            verdict.set(null);
        });
    }

    private static String emptyMessage(RefundQuery q) {
        return q.isAll() ? "No refund requests yet. Support files them from a ticket or an account."
                : "No refunds match these filters.";
    }

    private void policyShown(PolicyView p) {
        policy.set(p);
        presetText.set(presetLine(p));
    }

    /** "Pixapi preset in force: unused purchased credits, within 7 days (pixapi §8)". */
    static String presetLine(PolicyView p) {
        String window = rule(p, "refund_window_days");
        String kinds = rule(p, "refundable_kinds");
        String fin = rule(p, "purchases_final");
        String exc = rule(p, "refunds_exception_only");
        String what;
        if ("true".equals(fin)) {
            what = "credit purchases are final; refunds only as a lead's exception";
        } else if ("true".equals(exc)) {
            what = "refunds only as a lead's exception";
        } else {
            what = "unused " + ("none".equals(kinds) ? "credits of no kind" : kinds.replace(",", ", ").replace("_", " ") + " credits")
                    + " within " + window + " days";
        }
        String source = p.rules().stream().filter(r -> r.key().equals("refund_window_days")).findFirst().map(PolicyView.Rule::source).orElse("");
        return p.name() + " preset in force: " + what + " (" + source + ")";
    }

    private static String rule(PolicyView p, String key) {
        return p.rules().stream().filter(r -> r.key().equals(key)).findFirst().map(PolicyView.Rule::value).orElse("");
    }

    /** What the operator may do to the refund shown, and why not when not. */
    void updateAvailability(RefundDetail d) {
        Refund r = d == null ? null : d.refund();
        boolean may = Permission.DECIDE_REFUNDS.allows(role);
        String roleNote = "Only support and leads decide refunds.";
        if (r == null) {
            Availability none = new Availability(false, "Select a refund first.");
            approve.set(none);
            deny.set(none);
            retry.set(none);
            approveText.set("Approve…");
            return;
        }
        RefundState s = RefundState.fromWire(r.state()).orElseThrow();
        boolean awaiting = s == RefundState.AWAITING_SECOND_APPROVAL;
        approveText.set(awaiting ? "Give second approval…" : "Approve…");
        if (!may) {
            approve.set(new Availability(false, roleNote));
        } else if (awaiting && operatorId.equals(r.firstApprover())) {
            approve.set(new Availability(false, "You gave the first approval; another operator must confirm it (four-eyes)."));
        } else if (s == RefundState.REQUESTED || awaiting) {
            approve.set(new Availability(true, ""));
        } else {
            approve.set(new Availability(false, "A " + r.state().replace('_', ' ') + " refund cannot be approved."));
        }
        deny.set(!may ? new Availability(false, roleNote) : s.canMoveTo(RefundState.DENIED) ? new Availability(true, "")
                : new Availability(false, "A " + r.state().replace('_', ' ') + " refund cannot be denied."));
        retry.set(!may ? new Availability(false, roleNote) : s == RefundState.FAILED ? new Availability(true, "")
                : new Availability(false, "Only a failed payout can be retried."));
    }

    /** The dialog for the refund shown: a first approval, or the second one when it awaits it. */
    public RefundDecisionViewModel approveDialog() {
        RefundDetail d = model.detail().value();
        boolean awaiting = RefundState.AWAITING_SECOND_APPROVAL.wire().equals(d.refund().state());
        return decision(awaiting ? RefundDecisionViewModel.Kind.SECOND_APPROVAL : RefundDecisionViewModel.Kind.APPROVE, d);
    }

    public RefundDecisionViewModel denyDialog() {
        return decision(RefundDecisionViewModel.Kind.DENY, model.detail().value());
    }

    public RefundDecisionViewModel retryDialog() {
        return decision(RefundDecisionViewModel.Kind.RETRY_PAYOUT, model.detail().value());
    }

    private RefundDecisionViewModel decision(RefundDecisionViewModel.Kind kind, RefundDetail d) {
        return new RefundDecisionViewModel(kind, d, Permission.REFUND_EXCEPTION.allows(role), api, fx, this::decided);
    }

    private void decided(RefundActionResult result) {
        model.replace(result.refund());
        reloadDetail();
        if (events != null) {
            events.publish(new RefundChanged(result.refund()));
        }
        notifier.show(notice(result).withAudit(result.auditId()));
    }

    static Notice notice(RefundActionResult r) {
        Refund f = r.refund();
        String who = f.id() + " · " + f.accountName();
        return switch (f.state()) {
            case "paid" -> Notice.success("Refund paid: " + who).withDetail("Payout " + f.payoutReference());
            case "awaiting_second_approval" -> Notice.success("First approval recorded: " + who)
                    .withDetail("Another operator must confirm it before anything is paid.");
            case "denied" -> Notice.success("Refund denied: " + who).withDetail("The held credits are spendable again.");
            case "failed" -> Notice.warning("Payout failed: " + who).withDetail(f.payoutFailure() + " The credits are back in the lot; retry the payout.");
            default -> Notice.success("Refund " + f.state().replace('_', ' ') + ": " + who);
        };
    }

    /** The lead's Policy panel; after a switch the queue and the open refund are judged again. */
    public PolicyPanelViewModel policyPanel() {
        PolicyPanelViewModel panel = new PolicyPanelViewModel(api, fx, role, p -> {
            policyShown(p);
            reload();
            notifier.show(Notice.success((p.edited() ? "Policy changed: " : "Policy switched to ") + p.name())
                    .withDetail("Open refund requests were judged again."));
        });
        panel.load();
        return panel;
    }

    public void close() {
        following.close();
        model.close();
    }

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public ObjectProperty<RefundState> stateProperty() { return state; }
    public ObjectProperty<RefundEligibility.Verdict> verdictProperty() { return verdict; }
    public StringProperty accountIdProperty() { return accountId; }
    public ListDetailModel<RefundQuery, Refund, RefundDetail> model() { return model; }
    public PagedList<RefundQuery, Refund> list() { return model.list(); }
    public ReadOnlyObjectProperty<Refund> selectedProperty() { return model.selectedProperty(); }
    public Loader<RefundDetail> detail() { return model.detail(); }
    public ReadOnlyObjectProperty<RefundDetail> detailProperty() { return model.detail().valueProperty(); }
    public ObservableList<RefundEligibilityView.Line> reasons() { return reasons; }
    public ObservableList<LedgerEntry> history() { return history; }
    public ReadOnlyObjectProperty<Availability> approveProperty() { return approve.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Availability> denyProperty() { return deny.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Availability> retryProperty() { return retry.getReadOnlyProperty(); }
    public ReadOnlyStringProperty approveTextProperty() { return approveText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty presetTextProperty() { return presetText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PolicyView> policyProperty() { return policy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return model.list().loadingProperty(); }
}
