package dev.gatehouse.gateway.support;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.Macro;
import dev.gatehouse.api.MacroSet;
import dev.gatehouse.api.MacroSetUpdate;
import dev.gatehouse.api.NewTicket;
import dev.gatehouse.api.NewTicketMessage;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketMerge;
import dev.gatehouse.api.TicketPatch;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.PlainText;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.MacroTemplate;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.SecretScanner;
import dev.gatehouse.policy.TicketCategory;
import dev.gatehouse.policy.TicketPriority;
import dev.gatehouse.policy.TicketSla;
import dev.gatehouse.policy.TicketState;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * /admin/v1/tickets and /admin/v1/macros (issue 10): the support queue sorted by first-reply due, intake, the
 * conversation, state/priority/assignee/tags changes, merging duplicates, and the macro set. Every inbound text goes
 * through the secret scanner before it is stored (pixapi §10), and solved tickets close by themselves after 4 days.
 */
public final class TicketRoutes implements Feature {
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_STORED_BODY = 100_000;
    static final int MAX_TAGS = 20;
    static final int MAX_MACROS = 200;
    static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");
    /** ai-visual-studio §3: "Notify us within 24 hours"; DESIGN §4 "key compromise: revoke and notify the owner within 24 h". */
    static final Duration NOTIFY_OWNER_WITHIN = Duration.ofHours(24);
    static final String SYSTEM = "system";

    static final Set<String> STATES = Arrays.stream(TicketState.values()).map(TicketState::wire)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    static final Set<String> STATE_FILTERS;
    static final Set<String> PRIORITIES = Arrays.stream(TicketPriority.values()).map(TicketPriority::wire).collect(Collectors.toSet());
    static final Set<String> CATEGORIES = Arrays.stream(TicketCategory.values()).map(TicketCategory::wire).collect(Collectors.toSet());

    static {
        Set<String> s = new LinkedHashSet<>(STATES);
        s.add("unsolved");
        STATE_FILTERS = s;
    }

    private static final Routes.Body<NewTicket> INTAKE = work(NewTicket.class);
    private static final Routes.Body<NewTicketMessage> MESSAGE = work(NewTicketMessage.class);
    private static final Routes.Body<TicketPatch> PATCH = work(TicketPatch.class);
    private static final Routes.Body<TicketMerge> MERGE = work(TicketMerge.class);
    private static final Routes.Body<MacroSetUpdate> MACROS = new Routes.Body<>(MacroSetUpdate.class,
            Set.of(Permission.EDIT_MACROS), b -> List.of());

    private final Jdbi jdbi;
    private final Clock clock;
    private final BiFunction<Handle, String, Optional<Account>> accounts;

    /** {@code accounts} finds an account by id (the accounts feature's store), for the customer's context. */
    public TicketRoutes(Jdbi jdbi, Clock clock, BiFunction<Handle, String, Optional<Account>> accounts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accounts = accounts;
    }

    private static <B> Routes.Body<B> work(Class<B> type) {
        return new Routes.Body<>(type, Set.of(Permission.WORK_TICKETS), b -> List.of());
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/tickets", Permission.READ, this::list);
        routes.read("/admin/v1/tickets/{id}", Permission.READ, this::detail);
        routes.create("/admin/v1/tickets", INTAKE, this::intake);
        routes.action("/admin/v1/tickets/{id}/messages", MESSAGE, this::message);
        routes.edit("/admin/v1/tickets/{id}", PATCH, this::patch);
        routes.action("/admin/v1/tickets/{id}/merge", MERGE, this::merge);
        routes.read("/admin/v1/macros", Permission.READ, this::macros);
        routes.replace("/admin/v1/macros", MACROS, this::replaceMacros);
    }

    /** Issue 10 item 1: "Solved tickets close by themselves after 4 days without a reply." */
    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("ticket-auto-close", 60, () -> TicketAutoClose.sweep(jdbi, clock)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- reads ----

    private void list(Context ctx) {
        String state = QueryParams.oneOf(ctx, "state", STATE_FILTERS).orElse(null);
        String assignee = QueryParams.text(ctx, "assignee", 40).orElse(null);
        Boolean breached = QueryParams.oneOf(ctx, "breached", Set.of("true", "false")).map(Boolean::parseBoolean).orElse(null);
        TicketStore.Filter f = new TicketStore.Filter("unsolved".equals(state) ? null : state, "unsolved".equals(state),
                QueryParams.oneOf(ctx, "priority", PRIORITIES).orElse(null), QueryParams.oneOf(ctx, "category", CATEGORIES).orElse(null),
                assignee, QueryParams.text(ctx, "account_id", 40).orElse(null), breached,
                QueryParams.text(ctx, "q", 200).orElse(null));
        int limit = QueryParams.limit(ctx);
        List<String> after = Cursor.decodeTimed(ctx, "tickets", 2).orElse(null);
        Instant now = now();
        List<Ticket> rows = jdbi.withHandle(h -> TicketStore.tickets(h, TicketStore.list(h, f, now, after, limit + 1), now));
        ctx.json(Pages.of(rows, limit, t -> Cursor.encode("tickets", t.firstReplyDueAt().toString(), t.id())));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Instant now = now();
        TicketDetail detail = jdbi.withHandle(h -> detail(h, found(TicketStore.find(h, id), id), now));
        ETags.set(ctx, detail.ticket().version());
        ctx.json(detail);
    }

    private TicketDetail detail(Handle h, TicketStore.Row row, Instant now) {
        Ticket ticket = TicketStore.tickets(h, List.of(row), now).get(0);
        Account account = accounts.apply(h, row.accountId()).orElseThrow();
        return new TicketDetail(ticket, TicketStore.messages(h, row.id()), account, KeyStore.ofAccount(h, row.accountId(), 20),
                TicketStore.exposedKeys(h, row.id()), TicketStore.links(h, row.id()));
    }

    private void macros(Context ctx) {
        MacroSet set = jdbi.withHandle(TicketRoutes::macroSet);
        ETags.set(ctx, set.version());
        ctx.json(set);
    }

    private static MacroSet macroSet(Handle h) {
        return new MacroSet(MacroStore.all(h), MacroStore.version(h), MacroTemplate.PLACEHOLDERS);
    }

    // ---- intake and messages ----

    private Audited<TicketDetail> intake(RouteRequest<NewTicket> request) {
        NewTicket body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String accountId = body.accountId() == null ? "" : body.accountId().trim();
        if (accountId.isEmpty()) {
            errors.add(new Problem.FieldError("account_id", "is required: the account the customer writes from"));
        }
        if (body.category() == null || !CATEGORIES.contains(body.category())) {
            errors.add(new Problem.FieldError("category", "must be one of account, billing, technical, product"));
        }
        TicketPriority priority = TicketPriority.defaultPriority();
        if (body.priority() != null) {
            priority = TicketPriority.fromWire(body.priority()).orElse(null);
            if (priority == null) {
                errors.add(new Problem.FieldError("priority", "must be one of low, normal, high, urgent"));
            }
        }
        String subject = text("subject", body.subject(), MAX_SUBJECT, errors);
        String text = text("body", body.body(), MAX_BODY, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        Instant now = request.now();
        if (accounts.apply(h, accountId).isEmpty()) {
            throw ApiException.validation(List.of(new Problem.FieldError("account_id", "no account with id '" + accountId + "'")));
        }
        // pixapi §10: secrets are removed before anything is stored, the subject included
        InboundText cleanSubject = InboundText.scan(h, subject);
        InboundText cleanBody = InboundText.scan(h, text);
        requireStorable(cleanSubject.text(), 1000, "subject");
        requireStorable(cleanBody.text(), MAX_STORED_BODY, "body");
        String id = PrefixedIds.next("tkt_", now);
        String messageId = PrefixedIds.next("msg_", now);
        TicketStore.insert(h, id, accountId, body.category(), cleanSubject.text(), priority,
                cleanSubject.redacted() || cleanBody.redacted(), now);
        List<String> redactions = union(cleanSubject.redactions(), cleanBody.redactions());
        TicketStore.insertMessage(h, messageId, id, "customer", null, cleanBody.text(), redactions, now);
        record(h, id, messageId, now, cleanSubject, cleanBody);
        TicketDetail detail = detail(h, TicketStore.find(h, id).orElseThrow(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account_id", accountId);
        after.put("category", body.category());
        after.put("priority", priority.wire());
        after.put("state", "new");
        after.put("subject", cleanSubject.text());
        after.put("redacted", redactions);
        after.put("exposed_keys", detail.exposedKeys().stream().map(k -> k.key().id()).toList());
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), "ticket.create", id, null, null, after), entry -> detail);
    }

    private Audited<TicketDetail> message(RouteRequest<NewTicketMessage> request) {
        NewTicketMessage body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = text("body", body.body(), MAX_BODY, errors);
        boolean internal = Boolean.TRUE.equals(body.internal());
        String author = body.author() == null ? "agent" : body.author();
        if (!author.equals("agent") && !author.equals("customer")) {
            errors.add(new Problem.FieldError("author", "must be agent or customer"));
        } else if (author.equals("customer") && internal) {
            errors.add(new Problem.FieldError("internal", "a customer's message cannot be an internal note; send internal: false"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        Instant now = request.now();
        TicketStore.Row before = found(TicketStore.lock(h, id), id);
        request.checkVersion("ticket", before.version());
        if (before.state().isFinal()) {
            throw ApiException.finalState("Ticket '" + id + "' is closed" + (before.mergedInto() != null
                    ? " (merged into " + before.mergedInto() + "); write on that ticket instead." : "; closed is final. Open a follow-up ticket instead."));
        }
        InboundText clean = InboundText.scan(h, text);
        requireStorable(clean.text(), MAX_STORED_BODY, "body");
        String kind = internal ? "internal" : author;
        String messageId = PrefixedIds.next("msg_", now);
        TicketStore.insertMessage(h, messageId, id, kind, kind.equals("customer") ? null : request.operator().id(),
                clean.text(), clean.redactions(), now);
        record(h, id, messageId, now, clean);
        TicketState state = before.state();
        Instant firstReply = before.firstReplyAt();
        Instant stopped = before.slaStoppedAt();
        Instant lastCustomer = before.lastCustomerAt();
        Instant solvedAt = before.solvedAt();
        switch (kind) {
            case "agent" -> {
                // a public reply opens a new ticket and is its first reply (Zendesk)
                if (state == TicketState.NEW) state = TicketState.OPEN;
                if (firstReply == null) firstReply = now;
                if (stopped == null) stopped = now;
                TicketStore.markOwnersNotified(h, id, before.accountId(), now);
            }
            case "customer" -> {
                // the customer writing again reopens a ticket that waited on them or was solved
                if (state == TicketState.PENDING || state == TicketState.ON_HOLD || state == TicketState.SOLVED) {
                    state = TicketState.OPEN;
                    solvedAt = null;
                }
                lastCustomer = now;
            }
            default -> { }
        }
        TicketStore.Row after = new TicketStore.Row(before.id(), before.accountId(), before.category(), before.subject(), state,
                before.priority(), before.assignee(), before.tags(), before.redacted() || clean.redacted(), before.createdAt(), now,
                before.firstReplyDueAt(), firstReply, stopped, stopped != null && stopped.isAfter(before.firstReplyDueAt()),
                lastCustomer, solvedAt, before.closedAt(), before.mergedInto(), before.messageCount() + 1, before.version());
        TicketStore.update(h, after);
        TicketDetail detail = detail(h, TicketStore.find(h, id).orElseThrow(), now);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("state", before.state().wire());
        was.put("version", before.version());
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("message_id", messageId);
        is.put("author", kind);
        is.put("redacted", clean.redactions());
        is.put("state", state.wire());
        is.put("version", detail.ticket().version());
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), "ticket.message", id, null, was, is), entry -> detail);
    }

    /** Records what the text named: exposed keys with their 24-hour owner-notification deadline, and links. */
    private static void record(Handle h, String ticketId, String messageId, Instant now, InboundText... texts) {
        for (InboundText t : texts) {
            for (String keyId : t.exposedKeyIds()) {
                TicketStore.addExposedKey(h, ticketId, keyId, messageId, now, now.plus(NOTIFY_OWNER_WITHIN));
            }
            t.namedKeys().forEach(k -> TicketStore.addLink(h, ticketId, "key", k));
            t.namedRefunds().forEach(r -> TicketStore.addLink(h, ticketId, "refund", r));
        }
    }

    // ---- changes ----

    private Audited<TicketDetail> patch(RouteRequest<TicketPatch> request) {
        TicketPatch body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.state() == null && body.priority() == null && body.assignee() == null && body.tags() == null) {
            errors.add(new Problem.FieldError("state", "send at least one of state, priority, assignee, tags"));
        }
        TicketState target = null;
        if (body.state() != null) {
            target = TicketState.fromWire(body.state()).orElse(null);
            if (target == null) errors.add(new Problem.FieldError("state", "must be one of " + String.join(", ", STATES)));
        }
        TicketPriority priority = null;
        if (body.priority() != null) {
            priority = TicketPriority.fromWire(body.priority()).orElse(null);
            if (priority == null) errors.add(new Problem.FieldError("priority", "must be one of low, normal, high, urgent"));
        }
        List<String> tags = body.tags() == null ? null : tags("tags", body.tags(), errors);
        if (body.reason() != null && body.reason().length() > Enforcement.MAX_REASON_LENGTH) {
            errors.add(new Problem.FieldError("reason", "must be at most " + Enforcement.MAX_REASON_LENGTH + " characters"));
        }
        if (body.reason() != null && PlainText.firstControlCharacter(body.reason()) >= 0) {
            errors.add(new Problem.FieldError("reason", PlainText.describe(body.reason().charAt(PlainText.firstControlCharacter(body.reason())))));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = request.pathParam("id");
        Handle h = request.handle();
        Instant now = request.now();
        String assignee = null;
        if (body.assignee() != null && !body.assignee().isEmpty()) {
            String[] op = TicketStore.activeOperator(h, body.assignee()).orElse(null);
            if (op == null || !Permission.WORK_TICKETS.allows(Role.fromWire(op[2]).orElseThrow())) {
                throw ApiException.validation(List.of(new Problem.FieldError("assignee",
                        "must be the id of an active operator who works tickets (support or lead), or \"\" to unassign")));
            }
            assignee = op[0];
        }
        TicketStore.Row before = found(TicketStore.lock(h, id), id);
        request.checkVersion("ticket", before.version());
        if (before.state().isFinal()) {
            throw ApiException.finalState("Ticket '" + id + "' is closed; closed is final. Open a follow-up ticket instead.");
        }
        TicketState state = before.state();
        Instant solvedAt = before.solvedAt();
        Instant closedAt = before.closedAt();
        Instant stopped = before.slaStoppedAt();
        if (target != null) {
            var decision = before.state().to(target);
            if (!decision.allowed()) {
                throw ApiException.conflict(decision.refusal());
            }
            state = decision.next();
            if (state == TicketState.SOLVED) {
                solvedAt = now;
                // solving without a reply stops the first-reply clock where it stands
                if (stopped == null) stopped = now;
            } else if (state == TicketState.CLOSED) {
                closedAt = now;
            } else {
                solvedAt = null;
            }
        }
        TicketPriority newPriority = priority == null ? before.priority() : priority;
        // the target follows the current priority, counted from creation (TicketSla)
        Instant due = TicketSla.firstReplyDueAt(before.createdAt(), newPriority);
        TicketStore.Row after = new TicketStore.Row(before.id(), before.accountId(), before.category(), before.subject(), state,
                newPriority, body.assignee() == null ? before.assignee() : assignee, tags == null ? before.tags() : tags,
                before.redacted(), before.createdAt(), now, due, before.firstReplyAt(), stopped,
                stopped != null && stopped.isAfter(due), before.lastCustomerAt(), solvedAt, closedAt, before.mergedInto(),
                before.messageCount(), before.version());
        TicketStore.update(h, after);
        TicketStore.Row saved = TicketStore.find(h, id).orElseThrow();
        request.etag(saved.version());
        TicketDetail detail = detail(h, saved, now);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), "ticket.update", id, reason,
                changed(before, saved, true), changed(before, saved, false)), entry -> detail);
    }

    private Audited<TicketDetail> merge(RouteRequest<TicketMerge> request) {
        TicketMerge body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String into = body.into() == null ? "" : body.into().trim();
        String id = request.pathParam("id");
        if (into.isEmpty()) {
            errors.add(new Problem.FieldError("into", "is required: the id of the ticket this one duplicates"));
        } else if (into.equals(id)) {
            errors.add(new Problem.FieldError("into", "must be another ticket; a ticket cannot be merged into itself"));
        }
        if (body.reason() != null && body.reason().length() > Enforcement.MAX_REASON_LENGTH) {
            errors.add(new Problem.FieldError("reason", "must be at most " + Enforcement.MAX_REASON_LENGTH + " characters"));
        }
        if (body.reason() != null && PlainText.firstControlCharacter(body.reason()) >= 0) {
            errors.add(new Problem.FieldError("reason", PlainText.describe(body.reason().charAt(PlainText.firstControlCharacter(body.reason())))));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        Instant now = request.now();
        // lock in id order so two merges of the same pair in opposite directions cannot deadlock
        TicketStore.Row source;
        TicketStore.Row target;
        if (id.compareTo(into) < 0) {
            source = found(TicketStore.lock(h, id), id);
            target = TicketStore.lock(h, into).orElse(null);
        } else {
            target = TicketStore.lock(h, into).orElse(null);
            source = found(TicketStore.lock(h, id), id);
        }
        request.checkVersion("ticket", source.version());
        if (target == null) {
            throw ApiException.validation(List.of(new Problem.FieldError("into", "no ticket with id '" + into + "'")));
        }
        if (source.state().isFinal()) {
            throw ApiException.finalState("Ticket '" + id + "' is closed and cannot be merged.");
        }
        if (target.state().isFinal()) {
            throw ApiException.finalState("Ticket '" + into + "' is closed; merge into an open ticket instead.");
        }
        if (!source.accountId().equals(target.accountId())) {
            throw ApiException.conflict("Ticket '" + id + "' belongs to account " + source.accountId() + " and '" + into
                    + "' to " + target.accountId() + "; only a duplicate from the same customer can be merged.");
        }
        List<String[]> copied = TicketStore.customerMessages(h, id);
        for (String[] m : copied) {
            TicketStore.insertMessage(h, PrefixedIds.next("msg_", now), into, "customer", null, m[0], TicketStore.split(m[1]), now);
        }
        String opId = request.operator().id();
        TicketStore.insertMessage(h, PrefixedIds.next("msg_", now), into, "internal", opId,
                "Merged " + id + " (\"" + source.subject() + "\") into this ticket; its customer messages are copied above.", List.of(), now);
        TicketStore.insertMessage(h, PrefixedIds.next("msg_", now), id, "internal", opId,
                "Merged into " + into + " (\"" + target.subject() + "\").", List.of(), now);
        TicketStore.copyFindings(h, id, into);
        TicketStore.Row closedSource = new TicketStore.Row(source.id(), source.accountId(), source.category(), source.subject(),
                TicketState.CLOSED, source.priority(), source.assignee(), source.tags(), source.redacted(), source.createdAt(), now,
                source.firstReplyDueAt(), source.firstReplyAt(), source.slaStoppedAt() == null ? now : source.slaStoppedAt(),
                source.repliedLate() || (source.slaStoppedAt() == null && now.isAfter(source.firstReplyDueAt())),
                source.lastCustomerAt(), source.solvedAt(), now, into, source.messageCount() + 1, source.version());
        TicketStore.update(h, closedSource);
        Set<String> tags = new LinkedHashSet<>(target.tags());
        tags.addAll(source.tags());
        TicketStore.Row grown = new TicketStore.Row(target.id(), target.accountId(), target.category(), target.subject(),
                target.state() == TicketState.SOLVED && !copied.isEmpty() ? TicketState.OPEN : target.state(), target.priority(),
                target.assignee(), new ArrayList<>(tags).subList(0, Math.min(tags.size(), MAX_TAGS)),
                target.redacted() || source.redacted(), target.createdAt(), now, target.firstReplyDueAt(), target.firstReplyAt(),
                target.slaStoppedAt(), target.repliedLate(), latest(target.lastCustomerAt(), source.lastCustomerAt()),
                target.state() == TicketState.SOLVED && !copied.isEmpty() ? null : target.solvedAt(), target.closedAt(),
                target.mergedInto(), target.messageCount() + copied.size() + 1, target.version());
        TicketStore.update(h, grown);
        TicketDetail detail = detail(h, TicketStore.find(h, into).orElseThrow(), now);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        Map<String, Object> was = Map.of("state", source.state().wire(), "version", source.version());
        Map<String, Object> is = Map.of("state", "closed", "merged_into", into, "messages_copied", copied.size(),
                "version", source.version() + 1);
        return new Audited<>(new AuditLog.Draft(now, opId, "ticket.merge", id, reason, was, is), entry -> detail);
    }

    private Audited<MacroSet> replaceMacros(RouteRequest<MacroSetUpdate> request) {
        MacroSetUpdate body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.macros() == null) {
            errors.add(new Problem.FieldError("macros", "is required: the whole list of macros, [] for none"));
        } else if (body.macros().size() > MAX_MACROS) {
            errors.add(new Problem.FieldError("macros", "must hold at most " + MAX_MACROS + " macros"));
        }
        if (body.reason() != null && body.reason().length() > Enforcement.MAX_REASON_LENGTH) {
            errors.add(new Problem.FieldError("reason", "must be at most " + Enforcement.MAX_REASON_LENGTH + " characters"));
        }
        if (body.reason() != null && PlainText.firstControlCharacter(body.reason()) >= 0) {
            errors.add(new Problem.FieldError("reason", PlainText.describe(body.reason().charAt(PlainText.firstControlCharacter(body.reason())))));
        }
        List<Macro> macros = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Set<String> ids = new java.util.HashSet<>();
        Instant now = request.now();
        for (int i = 0; body.macros() != null && i < body.macros().size() && i < MAX_MACROS; i++) {
            Macro m = body.macros().get(i);
            String at = "macros[" + i + "].";
            if (m == null) {
                errors.add(new Problem.FieldError("macros[" + i + "]", "must be a macro object"));
                continue;
            }
            String name = text(at + "name", m.name(), 100, errors);
            String text = text(at + "body", m.body(), 10_000, errors);
            if (name != null && !names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new Problem.FieldError(at + "name", "'" + name + "' is used by another macro; names are unique"));
            }
            if (text != null) {
                List<String> unknown = MacroTemplate.unknownPlaceholders(text);
                if (!unknown.isEmpty()) {
                    errors.add(new Problem.FieldError(at + "body", "unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                            + unknown.stream().map(u -> "{{" + u + "}}").collect(Collectors.joining(", "))
                            + "; use one of " + MacroTemplate.PLACEHOLDERS.keySet().stream().map(p -> "{{" + p + "}}")
                            .collect(Collectors.joining(", "))));
                }
                if (!holdsNoSecret(text)) {
                    errors.add(new Problem.FieldError(at + "body", "holds a secret (card, key, password); macros are sent to customers"));
                }
            }
            if (m.setState() != null && (TicketState.fromWire(m.setState()).isEmpty() || m.setState().equals("new")
                    || m.setState().equals("closed"))) {
                errors.add(new Problem.FieldError(at + "set_state", "must be open, pending, on_hold or solved, or null to leave the state"));
            }
            List<String> addTags = tags(at + "add_tags", m.addTags(), errors);
            String id = m.id();
            if (id == null || id.isBlank()) {
                id = PrefixedIds.next("mac_", now);
            } else if (!PrefixedIds.looksLike("mac_", id)) {
                errors.add(new Problem.FieldError(at + "id", "must be the id of a macro this list returned, or null for a new one"));
            } else if (!ids.add(id)) {
                errors.add(new Problem.FieldError(at + "id", "'" + id + "' appears twice"));
            }
            macros.add(new Macro(id, name, text, m.setState(), addTags));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        long version = MacroStore.lockVersion(h);
        request.checkVersion("macros", version);
        List<Macro> previous = MacroStore.all(h);
        MacroStore.replace(h, macros);
        MacroSet after = macroSet(h);
        request.etag(after.version());
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        return new Audited<>(new AuditLog.Draft(now, request.operator().id(), "macros.replace", "macros", reason,
                Map.of("version", version, "macros", previous.stream().map(Macro::name).toList()),
                Map.of("version", after.version(), "macros", after.macros().stream().map(Macro::name).toList())), entry -> after);
    }

    // ---- helpers ----

    /** A macro body must not carry a secret either: it goes out to customers. */
    private static boolean holdsNoSecret(String text) {
        return !SecretScanner.scan(text).redacted();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    private static TicketStore.Row found(Optional<TicketStore.Row> row, String id) {
        return row.orElseThrow(() -> ApiException.notFound("ticket", id));
    }

    /** A required text field: non-blank, at most {@code max} characters, no control characters but newline and tab. */
    private static String text(String field, String raw, int max, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required and must not be blank"));
            return null;
        }
        String t = raw.strip();
        if (t.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters, got " + t.length()));
            return null;
        }
        int bad = PlainText.firstControlCharacter(t);
        if (bad >= 0) {
            errors.add(new Problem.FieldError(field, PlainText.describe(t.charAt(bad))));
            return null;
        }
        return t;
    }

    private static void requireStorable(String redacted, int max, String field) {
        if (redacted.length() > max) {
            throw ApiException.validation(List.of(new Problem.FieldError(field, "holds so many secrets that the redacted text "
                    + "would exceed " + max + " characters; send it in parts")));
        }
    }

    private static List<String> tags(String field, List<String> raw, List<Problem.FieldError> errors) {
        if (raw == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw) {
            if (t == null || !TAG.matcher(t).matches()) {
                errors.add(new Problem.FieldError(field, "each tag is 1 to 40 lower-case letters, digits, '-' or '_', starting "
                        + "with a letter or digit; got " + (t == null ? "null" : "'" + (t.length() > 50 ? t.substring(0, 50) + "…" : t) + "'")));
                return List.of();
            }
            out.add(t);
        }
        if (out.size() > MAX_TAGS) {
            errors.add(new Problem.FieldError(field, "must hold at most " + MAX_TAGS + " tags"));
        }
        return List.copyOf(out);
    }

    /** The fields a PATCH changed, as they were (before) or are now (after), plus the version. */
    private static Map<String, Object> changed(TicketStore.Row before, TicketStore.Row after, boolean old) {
        Map<String, Object> m = new LinkedHashMap<>();
        TicketStore.Row r = old ? before : after;
        if (before.state() != after.state()) m.put("state", r.state().wire());
        if (before.priority() != after.priority()) m.put("priority", r.priority().wire());
        if (!Objects.equals(before.assignee(), after.assignee())) m.put("assignee", r.assignee());
        if (!before.tags().equals(after.tags())) m.put("tags", r.tags());
        m.put("version", r.version());
        return m;
    }
}
