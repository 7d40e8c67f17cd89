package dev.gatehouse.gateway.credits;

import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.accounts.PermissionCheck;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.policy.Permission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Set;

/** GET /admin/v1/accounts/{id}/ledger: the account's ledger, newest first, optionally one kind. */
public final class LedgerRoutes {
    static final Set<String> KINDS = Set.of("purchase", "grant", "usage", "refund", "expiry", "adjustment");

    private final Jdbi jdbi;

    public LedgerRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void register(Javalin app) {
        app.get("/admin/v1/accounts/{id}/ledger", this::ledger);
    }

    private void ledger(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        String id = ctx.pathParam("id");
        String kind = QueryParams.oneOf(ctx, "kind", KINDS).orElse(null);
        int limit = QueryParams.limit(ctx);
        Long before = Cursor.decode(ctx, "ledger", 1).map(k -> parseSeq(k.get(0))).orElse(null);
        Page<LedgerEntry> page = jdbi.withHandle(h -> {
            if (AccountStore.find(h, id).isEmpty()) {
                throw ApiException.notFound("account", id);
            }
            List<CreditStore.LedgerRow> rows = CreditStore.ledger(h, id, kind, before, limit + 1);
            String next = rows.size() > limit ? Cursor.encode("ledger", Long.toString(rows.get(limit - 1).seq())) : null;
            return new Page<>(rows.stream().limit(limit).map(CreditStore.LedgerRow::entry).toList(), next);
        });
        ctx.json(page);
    }

    private static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
        }
    }
}
