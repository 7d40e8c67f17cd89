package dev.gatehouse.gateway.credits;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Permission;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** GET /admin/v1/accounts/{id}/ledger: the account's ledger, newest first, optionally one kind. */
public final class LedgerRoutes implements Feature {
    static final Set<String> KINDS = Set.of("purchase", "grant", "usage", "refund", "expiry", "adjustment");

    private final Jdbi jdbi;
    private final BiFunction<Handle, String, Optional<Account>> accounts;

    /** {@code accounts} finds an account by id (the accounts feature's store; accounts shows lots, so credits cannot import it). */
    public LedgerRoutes(Jdbi jdbi, BiFunction<Handle, String, Optional<Account>> accounts) {
        this.jdbi = jdbi;
        this.accounts = accounts;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/accounts/{id}/ledger", Permission.READ, this::ledger);
    }

    private void ledger(Context ctx) {
        String id = ctx.pathParam("id");
        String kind = QueryParams.oneOf(ctx, "kind", KINDS).orElse(null);
        int limit = QueryParams.limit(ctx);
        Long before = Cursor.decode(ctx, "ledger", 1).map(k -> parseSeq(k.get(0))).orElse(null);
        Page<LedgerEntry> page = jdbi.withHandle(h -> {
            if (accounts.apply(h, id).isEmpty()) {
                throw ApiException.notFound("account", id);
            }
            List<CreditStore.LedgerRow> rows = CreditStore.ledger(h, id, kind, before, limit + 1);
            return Pages.of(rows, limit, r -> Cursor.encode("ledger", Long.toString(r.seq())), CreditStore.LedgerRow::entry);
        });
        ctx.json(page);
    }

    static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
        }
    }
}
