package dev.gatehouse.console.support;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Macro;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.console.actions.ActionCall;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ActionPreview;
import dev.gatehouse.api.NewTicketMessage;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.api.TicketMessage;
import dev.gatehouse.api.TicketPatch;
import dev.gatehouse.console.accounts.AccountDetailViewModel;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.ActionAnnouncer;
import dev.gatehouse.console.accounts.ActionOptions;
import dev.gatehouse.console.accounts.KeyChanged;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.ListDetailModel;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.MacroTemplate;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.TicketPriority;
import dev.gatehouse.policy.TicketState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The Support workspace (issue 10 §5, after Zendesk's agent workspace): the queue in views sorted by first-reply due,
 * the selected ticket's conversation with its redaction markers, the customer's context beside it, a composer for
 * replies and internal notes with macros, state, priority and assignee changes, and the one action an exposed key
 * calls for. Support may suspend such a key, not revoke it (ai-visual-studio §3, Permission.SUSPEND_KEY vs REVOKE_KEY):
 * a support agent suspends and the note on the ticket escalates the revocation to trust and safety; a role that may
 * revoke is offered the revocation itself, with the reason "key compromise" filled in.
 */
public final class SupportViewModel {
    public static final int PAGE = 100;

    private final SupportApi api;
    private final Executor fx;
    private final Role role;
    private final OperatorTime time;
    private final String me;
    private final String meName;

    private final ObjectProperty<TicketView> view = new SimpleObjectProperty<>(this, "view", TicketView.UNSOLVED);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ListDetailModel<TicketQuery, Ticket, TicketDetail> model;

    private final ObservableList<TicketMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> accountKeys = FXCollections.observableArrayList();
    private final ObservableList<TicketExposedKey> exposedKeys = FXCollections.observableArrayList();
    private final ObservableList<Macro> macros = FXCollections.observableArrayList();
    /** The customer's other unsolved tickets: what the selected one can be merged into. */
    private final ObservableList<Ticket> mergeTargets = FXCollections.observableArrayList();
    private final Loader<Page<AbuseReport>> reports;
    private final Loader<Page<Refund>> refunds;
    private String contextAccount;
    private final ObservableList<TicketState> nextStates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper macrosMessage = new ReadOnlyStringWrapper(this, "macrosMessage", "Loading macros…");

    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final BooleanProperty internal = new SimpleBooleanProperty(this, "internal", false);
    private final ObjectProperty<Macro> appliedMacro = new SimpleObjectProperty<>(this, "appliedMacro");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper composerError = new ReadOnlyStringWrapper(this, "composerError", "");
    /** Kept while a send may be retried, so a retry after a lost answer cannot post the reply twice. */
    private String pendingKey;

    private ActionAnnouncer announcer = ActionAnnouncer.UNHEARD;
    private Notifier notifier = n -> { };
    private EventBus.Subscription following = EventBus.Subscription.NONE;

    public SupportViewModel(SupportApi api, Executor fx, Role role, OperatorTime time, String me, String meName) {
        this.api = api;
        this.fx = fx;
        this.role = role;
        this.time = time;
        this.me = me;
        this.meName = meName;
        PagedList<TicketQuery, Ticket> list = new PagedList<>(api::tickets, PAGE, fx, TicketQuery::narrowed,
                new PagedList.Wording<>("ticket", "tickets", SupportViewModel::emptyMessage));
        this.model = new ListDetailModel<TicketQuery, Ticket, TicketDetail>(list, this::query, Ticket::id, fx)
                .detailFrom(t -> api.ticket(t.id()))
                .watch(view, search);
        this.reports = new Loader<>(fx);
        this.refunds = new Loader<>(fx);
        model.detail().onLoaded(this::showDetail);
        model.selectedProperty().addListener((o, a, t) -> {
            if (a == null || t == null || !a.id().equals(t.id())) {
                draft.set("");
                internal.set(false);
                appliedMacro.set(null);
                composerError.set("");
                pendingKey = null;
            }
            if (a == null || t == null || !a.accountId().equals(t.accountId())) {
                reports.clear();
                refunds.clear();
                contextAccount = null;
            }
            if (t == null) {
                messages.clear();
                accountKeys.clear();
                exposedKeys.clear();
                nextStates.clear();
            } else {
                nextStates.setAll(nextStatesOf(t));
            }
        });
        draft.addListener((o, a, b) -> pendingKey = null);
        internal.addListener((o, a, b) -> pendingKey = null);
    }

    /** Announces key actions and follows key changes made on other screens until {@link #close()}. */
    public void follow(EventBus events, Notifier notifier) {
        this.announcer = new ActionAnnouncer(events, notifier);
        this.notifier = notifier;
        following = events.subscribe(KeyChanged.class, e -> {
            if (exposedKeys.stream().anyMatch(k -> k.key().id().equals(e.key().id()))
                    || accountKeys.stream().anyMatch(k -> k.id().equals(e.key().id()))) {
                model.reloadDetail();
            }
        });
    }

    public TicketQuery query() {
        return new TicketQuery(view.get(), search.get(), me);
    }

    public void start() {
        model.reload();
        loadMacros();
    }

    /** Opens one ticket by id, wherever it is in the queue (a deep link: {@code console --area support/tkt_…}). */
    public void openTicket(String ticketId) {
        api.ticket(ticketId).whenComplete((d, failure) -> fx.execute(() -> {
            if (failure != null) {
                notifier.show(dev.gatehouse.console.shell.Notice.warning("Could not open ticket " + ticketId + ": "
                        + dev.gatehouse.console.client.PlatformException.of(failure).getMessage()));
            } else {
                model.selectedProperty().set(d.ticket());
            }
        }));
    }

    public void loadMacros() {
        macrosMessage.set("Loading macros…");
        api.macros().whenCompleteAsync((set, e) -> {
            if (e != null) {
                macros.clear();
                macrosMessage.set("Macros could not be loaded: " + message(e));
            } else {
                macros.setAll(set.macros());
                macrosMessage.set(set.macros().isEmpty() ? "No macros yet; a lead adds them." : "");
            }
        }, fx);
    }

    private static String emptyMessage(TicketQuery q) {
        if (q.q() != null) {
            return "No tickets match \"" + q.q() + "\" in this view. Search looks in subjects and ticket or account ids.";
        }
        return switch (q.view()) {
            case UNSOLVED -> "No unsolved tickets: the queue is clear.";
            case MY_OPEN -> "Nothing assigned to you is unsolved.";
            case UNASSIGNED -> "Every unsolved ticket has an assignee.";
            case BREACHED -> "No unsolved ticket is past its first-reply target.";
            case URGENT -> "No urgent ticket is unsolved.";
            case SOLVED -> "No solved tickets waiting to close.";
            case ALL -> "This platform has no tickets yet.";
        };
    }

    private void showDetail(TicketDetail d) {
        String account = d.account().id();
        // the customer's open reports and refunds, fetched beside the ticket; each fails on its own
        if (!account.equals(contextAccount)) {
            contextAccount = account;
            reports.load(() -> api.openReports(account));
            refunds.load(() -> api.refunds(account));
        }
        messages.setAll(d.messages());
        loadMergeTargets(d.ticket());
        accountKeys.setAll(d.keys());
        exposedKeys.setAll(d.exposedKeys());
        nextStates.setAll(nextStatesOf(d.ticket()));
        model.replace(d.ticket());
    }

    private void loadMergeTargets(Ticket t) {
        mergeTargets.clear();
        if (!canWork() || "closed".equals(t.state())) {
            return;
        }
        api.unsolvedTicketsOf(t.accountId()).whenCompleteAsync((page, e) -> {
            Ticket now = model.selectedProperty().get();
            if (page != null && now != null && now.id().equals(t.id())) {
                mergeTargets.setAll(page.data().stream().filter(x -> !x.id().equals(t.id())).toList());
            }
        }, fx);
    }

    /**
     * Merges the selected ticket, a duplicate, into {@code into} (same customer): the reason dialog says what happens;
     * the duplicate closes and its messages move over; the queue then shows the ticket merged into.
     */
    public ActionDialogViewModel<TicketDetail> mergeDialog(Ticket into) {
        TicketDetail d = model.detail().value();
        if (d == null || into == null) {
            return null;
        }
        Ticket t = d.ticket();
        if (!canWork()) {
            composerError.set("Your role (" + role.label() + ") may not " + Permission.WORK_TICKETS.description() + ".");
            return null;
        }
        ActionCall<TicketDetail> call = new ActionCall<>() {
            @Override public CompletableFuture<ActionPreview> preview(ActionRequest r) {
                return CompletableFuture.completedFuture(new ActionPreview(List.of(
                        t.id() + " (\"" + t.subject() + "\") is closed as a duplicate of " + into.id() + " (\"" + into.subject() + "\").",
                        "Its " + t.messageCount() + (t.messageCount() == 1 ? " message is" : " messages are") + " copied to " + into.id()
                                + "; replies go there from now on. Closed is final."),
                        new AuditEntry(null, null, time.now(), me, "ticket.merge", t.id(), r.reason(), null, null, null, null)));
            }
            @Override public CompletableFuture<TicketDetail> submit(ActionRequest r, String key) {
                return api.merge(t.id(), new dev.gatehouse.api.TicketMerge(into.id(), r.reason()), key);
            }
        };
        return new ActionDialogViewModel<>("merge", "Merge duplicate", t.id() + " · " + t.subject(), false, call, fx, merged -> {
            model.rows().removeIf(x -> x.id().equals(t.id()));
            model.rows().stream().filter(x -> x.id().equals(merged.ticket().id())).findFirst()
                    .ifPresentOrElse(x -> model.selectedProperty().set(x), () -> model.selectedProperty().set(null));
            if (model.selectedProperty().get() != null) {
                shown(merged);
            }
            notifier.show(Notice.success("Merged " + t.id() + " into " + merged.ticket().id()));
        });
    }

    public boolean mayEditMacros() {
        return Permission.EDIT_MACROS.allows(role);
    }

    /** The macro editor (leads edit, others read); a save reloads the composer's macros. */
    public MacroEditorViewModel macroEditor() {
        MacroEditorViewModel editor = new MacroEditorViewModel(api, fx, role, saved -> {
            macros.setAll(saved.macros());
            macrosMessage.set(saved.macros().isEmpty() ? "No macros yet; a lead adds them." : "");
            notifier.show(Notice.success("Macros saved: " + saved.macros().size()));
        });
        editor.load();
        return editor;
    }

    /** Shows a ticket the platform just answered with, without asking again. */
    private void shown(TicketDetail d) {
        model.replace(d.ticket());
        model.detail().load(() -> CompletableFuture.completedFuture(d));
    }

    private static List<TicketState> nextStatesOf(Ticket t) {
        TicketState current = TicketState.fromWire(t.state()).orElse(TicketState.CLOSED);
        return Arrays.stream(TicketState.values()).filter(s -> current.to(s).allowed()).toList();
    }

    // ---- the composer ----

    /** Ctrl+R: the next message is a reply the customer sees. */
    public void startReply() {
        internal.set(false);
    }

    /** Ctrl+I: the next message is an internal note. */
    public void startNote() {
        internal.set(true);
        appliedMacro.set(null);
    }

    /** The macro's text, rendered from this ticket's real account data, in the composer; its state and tags apply on send. */
    public void applyMacro(Macro m) {
        TicketDetail d = model.detail().value();
        if (m == null || d == null) {
            return;
        }
        internal.set(false);
        draft.set(MacroTemplate.render(m.body(), placeholderValues(d)));
        appliedMacro.set(m);
        composerError.set("");
    }

    /** What each placeholder stands for on this ticket. */
    Map<String, String> placeholderValues(TicketDetail d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("customer.name", d.account().name());
        v.put("customer.email", d.account().email());
        v.put("account.id", d.account().id());
        v.put("account.balance", AccountLabels.money(d.account().balance(), d.account().currency()));
        v.put("account.tier", AccountLabels.tier(d.account().tier()));
        v.put("account.status", d.account().status());
        v.put("ticket.id", d.ticket().id());
        v.put("ticket.subject", d.ticket().subject());
        v.put("agent.name", meName);
        return v;
    }

    /** Whether the operator may answer and change tickets at all. */
    public boolean canWork() {
        return Permission.WORK_TICKETS.allows(role);
    }

    /** Ctrl+Enter: sends the reply or note; then applies the macro's state and tags. The text stays if it fails. */
    public CompletableFuture<TicketDetail> send() {
        Ticket t = model.selectedProperty().get();
        String text = draft.get() == null ? "" : draft.get().strip();
        if (t == null || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!canWork()) {
            composerError.set("Your role (" + role.label() + ") may not " + Permission.WORK_TICKETS.description() + ".");
            return CompletableFuture.completedFuture(null);
        }
        if (text.isEmpty()) {
            composerError.set(internal.get() ? "Write the note first." : "Write the reply first.");
            return CompletableFuture.completedFuture(null);
        }
        if (pendingKey == null) {
            pendingKey = UUID.randomUUID().toString();
        }
        Macro macro = internal.get() ? null : appliedMacro.get();
        boolean note = internal.get();
        busy.set(true);
        composerError.set("");
        CompletableFuture<TicketDetail> done = new CompletableFuture<>();
        api.message(t.id(), new NewTicketMessage(text, note, null), pendingKey).whenCompleteAsync((d, e) -> {
            if (e != null) {
                busy.set(false);
                composerError.set(message(e) + " Your text is kept; sending again cannot post it twice.");
                done.complete(null);
                return;
            }
            draft.set("");
            appliedMacro.set(null);
            internal.set(false);
            pendingKey = null;
            shown(d);
            TicketPatch patch = macro == null ? null : macroPatch(d.ticket(), macro);
            if (patch == null) {
                busy.set(false);
                notifier.show(Notice.success(note ? "Internal note added to " + t.id() : "Reply sent on " + t.id()));
                done.complete(d);
                return;
            }
            api.patch(t.id(), d.ticket().version(), patch).whenCompleteAsync((p, pe) -> {
                busy.set(false);
                if (pe != null) {
                    composerError.set("The reply was sent, but the macro's changes were not applied: " + message(pe));
                    done.complete(d);
                } else {
                    shown(p);
                    notifier.show(Notice.success("Reply sent on " + t.id() + " · " + macro.name() + " applied"));
                    done.complete(p);
                }
            }, fx);
        }, fx);
        return done;
    }

    /** The state and tags a macro sets, as far as they change anything and the state rules allow; null when nothing. */
    static TicketPatch macroPatch(Ticket t, Macro m) {
        String state = null;
        if (m.setState() != null) {
            TicketState current = TicketState.fromWire(t.state()).orElse(TicketState.CLOSED);
            TicketState target = TicketState.fromWire(m.setState()).orElse(null);
            if (target != null && current.to(target).allowed()) {
                state = target.wire();
            }
        }
        Set<String> tags = new LinkedHashSet<>(t.tags());
        boolean moreTags = tags.addAll(m.addTags());
        if (state == null && !moreTags) {
            return null;
        }
        return new TicketPatch(state, null, null, moreTags ? new ArrayList<>(tags) : null, "macro " + m.name());
    }

    // ---- changes ----

    public CompletableFuture<TicketDetail> changeState(TicketState state) {
        return change(new TicketPatch(state.wire(), null, null, null, null), "State set to " + TicketText.word(state.wire()));
    }

    public CompletableFuture<TicketDetail> changePriority(TicketPriority priority) {
        return change(new TicketPatch(null, priority.wire(), null, null, null), "Priority set to " + priority.wire());
    }

    public CompletableFuture<TicketDetail> assignToMe() {
        return change(new TicketPatch(null, null, me, null, null), "Assigned to you");
    }

    public CompletableFuture<TicketDetail> unassign() {
        return change(new TicketPatch(null, null, "", null, null), "Unassigned");
    }

    private CompletableFuture<TicketDetail> change(TicketPatch patch, String what) {
        TicketDetail d = model.detail().value();
        if (d == null || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!canWork()) {
            composerError.set("Your role (" + role.label() + ") may not " + Permission.WORK_TICKETS.description() + ".");
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        composerError.set("");
        CompletableFuture<TicketDetail> done = new CompletableFuture<>();
        api.patch(d.ticket().id(), d.ticket().version(), patch).whenCompleteAsync((p, e) -> {
            busy.set(false);
            if (e != null) {
                PlatformException pe = cause(e);
                composerError.set(pe != null && pe.status() == 412
                        ? "Someone changed this ticket since you opened it; it has been reloaded. Try again."
                        : message(e));
                if (pe != null && pe.status() == 412) {
                    model.reloadDetail();
                }
                done.complete(null);
            } else {
                shown(p);
                notifier.show(Notice.success(what + " · " + p.ticket().id()));
                done.complete(p);
            }
        }, fx);
        return done;
    }

    /** Ctrl+J or Alt+↓: the next ticket of the view. */
    public boolean next() {
        return model.selectNext();
    }

    // ---- the exposed key ----

    /** What the signed-in role is offered for an exposed key: the action, its button text, and why not when it cannot. */
    public record KeyOffer(KeyAction action, String label, boolean allowed, String why) {}

    public KeyOffer offer(TicketExposedKey k) {
        KeyStatus status = KeyStatus.fromWire(k.key().status()).orElse(KeyStatus.ACTIVE);
        if (status == KeyStatus.REVOKED) {
            return new KeyOffer(null, "Key revoked", false, "The exposed key is revoked; it can never be used again.");
        }
        if (Permission.REVOKE_KEY.allows(role)) {
            ActionOptions.Availability a = ActionOptions.key(role, k.key(), KeyAction.REVOKE);
            return new KeyOffer(KeyAction.REVOKE, "Revoke exposed key…", a.allowed(), a.why());
        }
        if (Permission.SUSPEND_KEY.allows(role)) {
            if (status == KeyStatus.SUSPENDED) {
                return new KeyOffer(null, "Suspended · revocation escalated", false,
                        "Suspended; revoking it needs trust and safety or a lead (ai-visual-studio §3).");
            }
            ActionOptions.Availability a = ActionOptions.key(role, k.key(), KeyAction.SUSPEND);
            return new KeyOffer(KeyAction.SUSPEND, "Suspend key and escalate…", a.allowed(),
                    a.allowed() ? "Your role may suspend a compromised key; trust and safety revokes it." : a.why());
        }
        return new KeyOffer(null, "No key action for your role", false,
                "Your role (" + role.label() + ") may not suspend or revoke keys; trust and safety can.");
    }

    /** The reason every exposed-key action carries (DESIGN §4 "key compromise"). */
    static String compromiseReason(Ticket t, KeyAction action) {
        String base = "Key compromise: its secret was posted in support ticket " + t.id() + " (ai-visual-studio §3).";
        return action == KeyAction.SUSPEND ? base + " Suspended by support; trust and safety to revoke." : base;
    }

    /**
     * The reason dialog for the offered action, the reason filled in. After a suspension by support an internal note on
     * the ticket escalates the revocation, naming the key and the owner-notification deadline.
     */
    public ActionDialogViewModel<KeyActionResult> exposedKeyAction(TicketExposedKey k) {
        KeyOffer offer = offer(k);
        TicketDetail d = model.detail().value();
        if (offer.action() == null || !offer.allowed() || d == null) {
            return null;
        }
        Ticket t = d.ticket();
        ActionDialogViewModel<KeyActionResult> dialog = AccountDetailViewModel.keyActionDialog(api, fx, k.key(), offer.action(), r -> {
            announcer.keyActed(r);
            if (offer.action() == KeyAction.SUSPEND) {
                String note = "Suspended exposed key " + r.key().masked() + " (key compromise). Revoking it needs trust and safety "
                        + "or a lead (ai-visual-studio §3). Notify the owner by " + time.absolute(k.notifyOwnerBy()) + ".";
                api.message(t.id(), new NewTicketMessage(note, true, null), UUID.randomUUID().toString())
                        .whenCompleteAsync((nd, e) -> {
                            if (e != null) {
                                composerError.set("The key is suspended, but the escalation note failed: " + message(e));
                                model.reloadDetail();
                            } else {
                                shown(nd);
                            }
                        }, fx);
            } else {
                model.reloadDetail();
            }
        });
        dialog.reasonProperty().set(compromiseReason(t, offer.action()));
        return dialog;
    }

    private static PlatformException cause(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof PlatformException pe ? pe : null;
    }

    private static String message(Throwable e) {
        PlatformException pe = cause(e);
        return pe != null ? pe.getMessage() : "Something went wrong: " + e.getMessage();
    }

    public void reload() {
        model.reload();
    }

    public void reloadDetail() {
        model.reloadDetail();
    }

    public void loadMore() {
        model.loadMore();
    }

    public void close() {
        following.close();
        model.close();
    }

    public Role role() { return role; }
    public OperatorTime time() { return time; }
    public String me() { return me; }
    public ObjectProperty<TicketView> viewProperty() { return view; }
    public StringProperty searchProperty() { return search; }
    public ListDetailModel<TicketQuery, Ticket, TicketDetail> model() { return model; }
    public PagedList<TicketQuery, Ticket> list() { return model.list(); }
    public ObjectProperty<Ticket> selectedProperty() { return model.selectedProperty(); }
    public Loader<TicketDetail> detail() { return model.detail(); }
    public ReadOnlyObjectProperty<TicketDetail> detailProperty() { return model.detail().valueProperty(); }
    public ObservableList<TicketMessage> messages() { return messages; }
    public ObservableList<ApiKey> accountKeys() { return accountKeys; }
    public ObservableList<TicketExposedKey> exposedKeys() { return exposedKeys; }
    public ObservableList<Macro> macros() { return macros; }
    public ObservableList<Ticket> mergeTargets() { return mergeTargets; }
    /** The customer's unresolved abuse reports, a few, loaded with each ticket. */
    public Loader<Page<AbuseReport>> reports() { return reports; }
    /** The customer's refund requests, a few, loaded with each ticket. */
    public Loader<Page<Refund>> refunds() { return refunds; }
    public ObservableList<TicketState> nextStates() { return nextStates; }
    public ReadOnlyStringProperty macrosMessageProperty() { return macrosMessage.getReadOnlyProperty(); }
    public StringProperty draftProperty() { return draft; }
    public BooleanProperty internalProperty() { return internal; }
    public ObjectProperty<Macro> appliedMacroProperty() { return appliedMacro; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty composerErrorProperty() { return composerError.getReadOnlyProperty(); }
}
