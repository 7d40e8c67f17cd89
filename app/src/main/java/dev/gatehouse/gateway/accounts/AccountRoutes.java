package dev.gatehouse.gateway.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.enforcement.ActionRequests;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Tier;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** /admin/v1/accounts: list, 360° detail, PATCH with If-Match, and enforcement actions (with a dry-run preview). */
public final class AccountRoutes implements Feature {
    static final Set<String> STATUSES = Arrays.stream(AccountStatus.values()).map(AccountStatus::wire).collect(Collectors.toSet());
    static final Set<String> TIERS = Arrays.stream(Tier.values()).map(Tier::wire).collect(Collectors.toSet());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** An action body: any account action's permission lets the body be read; then the named action's is needed. */
    private static final Routes.Body<ActionRequest> ACTION = new Routes.Body<>(ActionRequest.class,
            Arrays.stream(AccountAction.values()).map(Permission::forAccountAction).collect(Collectors.toSet()),
            req -> List.of(Permission.forAccountAction(action(req))));
    private static final Routes.Body<AccountPatch> PATCH = new Routes.Body<>(AccountPatch.class,
            Set.of(Permission.CHANGE_TIER, Permission.EDIT_CONTACT), AccountRoutes::patchNeeds);

    private final Jdbi jdbi;
    private final Clock clock;

    public AccountRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/accounts", Permission.READ, this::list);
        routes.read("/admin/v1/accounts/{id}", Permission.READ, this::detail);
        routes.edit("/admin/v1/accounts/{id}", PATCH, this::patch);
        routes.action("/admin/v1/accounts/{id}/actions", ACTION, this::act);
        routes.preview("/admin/v1/accounts/{id}/actions/preview", ACTION, this::preview);
    }

    /** Timed suspensions end while the server runs. */
    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("suspension-expiry", 30, () -> SuspensionExpiry.sweep(jdbi, clock)));
    }

    private void list(Context ctx) {
        AccountStore.Filter f = new AccountStore.Filter(QueryParams.text(ctx, "q", 200).orElse(null),
                QueryParams.oneOf(ctx, "status", STATUSES).orElse(null), QueryParams.oneOf(ctx, "tier", TIERS).orElse(null));
        int limit = QueryParams.limit(ctx);
        String before = Cursor.decode(ctx, "accounts", 1).map(k -> k.get(0)).orElse(null);
        List<Account> rows = jdbi.withHandle(h -> AccountStore.list(h, f, before, limit + 1));
        ctx.json(Pages.of(rows, limit, a -> Cursor.encode("accounts", a.id())));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var detail = jdbi.withHandle(h -> AccountStore.detail(h, id, now)).orElseThrow(() -> ApiException.notFound("account", id));
        ETags.set(ctx, detail.account().version());
        ctx.json(detail);
    }

    /** A tier change needs CHANGE_TIER, a name or email change EDIT_CONTACT; an empty patch is 422. */
    private static List<Permission> patchNeeds(AccountPatch body) {
        if (body.tier() == null && body.name() == null && body.email() == null) {
            throw ApiException.validation(List.of(new Problem.FieldError("tier", "send at least one of tier, name, email")));
        }
        List<Permission> needs = new ArrayList<>();
        if (body.tier() != null) needs.add(Permission.CHANGE_TIER);
        if (body.name() != null || body.email() != null) needs.add(Permission.EDIT_CONTACT);
        return needs;
    }

    private Audited<Account> patch(RouteRequest<AccountPatch> request) {
        String id = request.pathParam("id");
        AccountPatch body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.tier() != null && !TIERS.contains(body.tier())) {
            errors.add(new Problem.FieldError("tier", "unknown tier '" + body.tier() + "'; use one of free, starter, pro, enterprise"));
        }
        String name = body.name() == null ? null : body.name().trim();
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            errors.add(new Problem.FieldError("name", "must be 1 to 200 characters"));
        }
        String email = body.email() == null ? null : body.email().trim().toLowerCase(Locale.ROOT);
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new Problem.FieldError("email", "must be an email address like name@example.com"));
        }
        if (body.reason() != null && body.reason().length() > Enforcement.MAX_REASON_LENGTH) {
            errors.add(new Problem.FieldError("reason", "must be at most " + Enforcement.MAX_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        var h = request.handle();
        Account before = AccountStore.lock(h, id).orElseThrow(() -> ApiException.notFound("account", id));
        request.checkVersion("account", before.version());
        AccountStore.update(h, id, name == null ? before.name() : name, email == null ? before.email() : email,
                body.tier() == null ? before.tier() : body.tier());
        Account after = AccountStore.find(h, id).orElseThrow();
        request.etag(after.version());
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "account.update", id, reason,
                changedFields(before, after, true), changedFields(before, after, false)), entry -> after);
    }

    /** The fields a PATCH changed, as they were (before) or are now (after), plus the version. */
    private static Map<String, Object> changedFields(Account before, Account after, boolean old) {
        Map<String, Object> m = new LinkedHashMap<>();
        Account a = old ? before : after;
        if (!before.name().equals(after.name())) m.put("name", a.name());
        if (!before.email().equals(after.email())) m.put("email", a.email());
        if (!before.tier().equals(after.tier())) m.put("tier", a.tier());
        m.put("version", a.version());
        return m;
    }

    private static AccountAction action(ActionRequest req) {
        return ActionRequests.action(req, AccountAction.class, AccountAction::fromWire);
    }

    private static StatusChanges.Request change(RouteRequest<ActionRequest> request, AccountAction action) {
        ActionRequest req = request.body();
        ActionRequests.validate(req, Enforcement.acceptsDuration(action));
        return new StatusChanges.Request(request.operator().id(), req.reason().trim(), req.durationHours(), request.now());
    }

    private Audited<AccountActionResult> act(RouteRequest<ActionRequest> request) {
        AccountAction action = action(request.body());
        StatusChanges.Request change = change(request, action);
        String id = request.pathParam("id");
        Account before = AccountStore.lock(request.handle(), id).orElseThrow(() -> ApiException.notFound("account", id));
        request.checkVersion("account", before.version());
        var c = StatusChanges.changeAccount(request.handle(), before, action, change);
        return new Audited<>(c.audit(), entry -> new AccountActionResult(action.wire(), false, c.after(), c.keysRevoked(),
                c.changes(), entry.id(), entry));
    }

    private AccountActionResult preview(RouteRequest<ActionRequest> request) {
        AccountAction action = action(request.body());
        StatusChanges.Request change = change(request, action);
        String id = request.pathParam("id");
        Account before = AccountStore.find(request.handle(), id).orElseThrow(() -> ApiException.notFound("account", id));
        request.checkVersion("account", before.version());
        var c = StatusChanges.previewAccount(request.handle(), before, action, change);
        return new AccountActionResult(action.wire(), true, c.after(), c.keysRevoked(), c.changes(), null, c.audit().preview());
    }
}
