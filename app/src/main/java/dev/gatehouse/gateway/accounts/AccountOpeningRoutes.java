package dev.gatehouse.gateway.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.NewAccount;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.AccountDuplicates;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * POST /admin/v1/accounts (issue 13): support or a lead opens an account by hand, e.g. an enterprise customer. An email
 * in use is 409; an account that looks like an existing one (apibox §2, one account per person) is 409
 * likely-duplicate listing the candidates, until the operator resends with {@code confirm_duplicate: true}.
 */
public final class AccountOpeningRoutes implements Feature {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    /** How many accounts of one company domain are compared by name; the newest, where a duplicate is likeliest. */
    private static final int DOMAIN_SCAN = 500;
    private static final int SHOWN = 10;
    private static final Routes.Body<NewAccount> CREATE = new Routes.Body<>(NewAccount.class, Set.of(Permission.OPEN_ACCOUNT),
            b -> List.of());

    @Override
    public void register(Routes routes) {
        routes.create("/admin/v1/accounts", CREATE, this::open);
    }

    private Audited<Account> open(RouteRequest<NewAccount> request) {
        NewAccount body = request.body();
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = body.name() == null ? "" : body.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new Problem.FieldError("name", "must be 1 to 200 characters"));
        }
        String email = body.email() == null ? "" : body.email().trim().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new Problem.FieldError("email", "must be an email address like billing@customer.com"));
        }
        if (body.tier() == null || !AccountRoutes.TIERS.contains(body.tier())) {
            errors.add(new Problem.FieldError("tier", "must be one of free, starter, pro, enterprise"));
        }
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> errors.add(new Problem.FieldError("reason", m)));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Handle h = request.handle();
        List<Account> same = AccountStore.withEmail(h, email, 1);
        if (!same.isEmpty()) {
            throw ApiException.conflict("The email " + email + " is in use by account " + same.get(0).id() + " ('"
                    + same.get(0).name() + "'). Open that account instead, or use another email.");
        }
        List<Problem.FieldError> candidates = likelyDuplicates(h, name, email);
        boolean confirmed = Boolean.TRUE.equals(body.confirmDuplicate());
        if (!candidates.isEmpty() && !confirmed) {
            throw new ApiException(ProblemType.LIKELY_DUPLICATE, candidates.size() + " existing account"
                    + (candidates.size() == 1 ? " looks" : "s look") + " like this one (apibox §2: one account per person or "
                    + "organization). Check them; to open it anyway, send the same request with \"confirm_duplicate\": true.",
                    candidates);
        }
        String id = PrefixedIds.next("acct_", request.now());
        AccountStore.insert(h, id, name, email, body.tier(), request.now());
        Account created = AccountStore.find(h, id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("email", email);
        after.put("tier", body.tier());
        if (!candidates.isEmpty()) {
            // kept for review: the operator saw these and opened the account anyway
            after.put("confirmed_likely_duplicates", candidates.stream().map(Problem.FieldError::message).toList());
        }
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "account.create", id,
                body.reason().trim(), null, after), entry -> created);
    }

    /** One field error per candidate: the field that matched (email or name), and the account with why it matched. */
    private static List<Problem.FieldError> likelyDuplicates(Handle h, String name, String email) {
        Map<String, Problem.FieldError> found = new LinkedHashMap<>();
        for (Account a : AccountStore.sameMailbox(h, AccountDuplicates.canonicalEmail(email), SHOWN)) {
            AccountDuplicates.why(name, email, a.name(), a.email())
                    .ifPresent(why -> found.putIfAbsent(a.id(), new Problem.FieldError("email", describe(a, why))));
        }
        String domain = AccountDuplicates.domain(email);
        if (AccountDuplicates.sharedDomainCounts(domain)) {
            for (Account a : AccountStore.onDomain(h, domain, DOMAIN_SCAN)) {
                if (found.size() >= SHOWN) {
                    break;
                }
                AccountDuplicates.why(name, email, a.name(), a.email())
                        .ifPresent(why -> found.putIfAbsent(a.id(), new Problem.FieldError("name", describe(a, why))));
            }
        }
        return List.copyOf(found.values());
    }

    private static String describe(Account a, String why) {
        return a.id() + " '" + a.name() + "' <" + a.email() + ">, " + a.status() + ": " + why;
    }
}
