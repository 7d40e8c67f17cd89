package dev.gatehouse.gateway.audittrail;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.audit.AuditVerifier;
import dev.gatehouse.gateway.audit.AuditSearch;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Pages;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Permission;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * GET /admin/v1/audit (newest first; actor, target, action, from/to) and GET /admin/v1/audit/verify: the audit trail as
 * operators read it. Its own package: the audit log itself is one of the route rails, which every feature sits on.
 */
public final class AuditTrailRoutes implements Feature {
    private final Jdbi jdbi;
    private final AuditVerifier verifier;

    public AuditTrailRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.verifier = new AuditVerifier(jdbi, clock);
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/audit", Permission.READ, this::list);
        routes.read("/admin/v1/audit/verify", Permission.READ, this::verify);
    }

    /** One walk of the chain at a time, then a pause four times its length: no reader can pin a core with repeated calls. */
    private void verify(Context ctx) {
        try {
            ctx.json(verifier.verify());
        } catch (AuditVerifier.TooSoon e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, "The audit chain was just verified; each walk is followed by a pause "
                    + "of four times its length (at most 30 s). Ask again in " + seconds + " s.");
        }
    }

    private void list(Context ctx) {
        String actor = QueryParams.text(ctx, "actor", 80).orElse(null);
        String target = QueryParams.text(ctx, "target", 80).orElse(null);
        String action = QueryParams.text(ctx, "action", 80).orElse(null);
        Instant from = time(ctx, "from");
        Instant to = time(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after 'to'");
        }
        int limit = QueryParams.limit(ctx);
        Long before = Cursor.decode(ctx, "audit", 1).map(k -> {
            try {
                return Long.parseLong(k.get(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
            }
        }).orElse(null);
        AuditSearch.Filter filter = new AuditSearch.Filter(actor, target, action, from, to);
        List<AuditEntry> rows = jdbi.withHandle(h -> AuditSearch.list(h, filter, before, limit + 1));
        ctx.json(Pages.of(rows, limit, e -> Cursor.encode("audit", Long.toString(e.seq()))));
    }

    private static Instant time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(raw.trim()).toInstant();
            if (!dev.gatehouse.policy.StorableTime.holds(at)) {
                throw ApiException.invalidField(name, "must be within " + dev.gatehouse.policy.StorableTime.RANGE + "; got '" + raw + "'");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO-8601 time with offset, like 2026-11-22T09:30:00Z; got '" + raw + "'");
        }
    }
}
