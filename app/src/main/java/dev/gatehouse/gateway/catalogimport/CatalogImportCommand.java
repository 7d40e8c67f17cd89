package dev.gatehouse.gateway.catalogimport;

import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.policy.PolicySettings;
import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code gateway import-catalog FILE --db …}: the same preview and import as the API, from the command line, for whoever
 * runs the database (no size limit on the file). Prints the preview; unless a dry run, writes it in one transaction
 * with one audit entry.
 */
public final class CatalogImportCommand {
    private CatalogImportCommand() {}

    /** Returns the exit code: 0 done, 1 the file is malformed (its errors printed). */
    public static int run(Jdbi jdbi, Clock clock, String content, String format, boolean dryRun, String actor, String reason,
                          Optional<CatalogImport.IncreaseScheduler> scheduler, PrintStream out, PrintStream err) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            CatalogImportPreview done = jdbi.inTransaction(h -> {
                PolicySettings settings = dev.gatehouse.gateway.settings.PolicyStore.settings(h);
                CatalogImport.Plan plan = CatalogImportRoutes.plan(h, content, format, now, true, settings, scheduler);
                print(plan.preview(), out);
                if (dryRun) {
                    return plan.preview();
                }
                CatalogImport.write(h, plan, now, actor, reason, scheduler);
                var entry = AuditLog.append(h, CatalogImportRoutes.audit(plan.preview(), now, actor, reason));
                return CatalogImportRoutes.withAudit(plan.preview(), entry.id());
            });
            out.println(dryRun ? "Dry run: nothing written." : "Imported; audit entry " + done.auditId() + ".");
            return 0;
        } catch (ApiException e) {
            err.println(e.getMessage());
            e.errors().forEach(fe -> err.println("  " + fe.field() + ": " + fe.message()));
            return 1;
        }
    }

    static void print(CatalogImportPreview p, PrintStream out) {
        out.printf("format %s: %d new, %d changed (%d with a scheduled increase), %d unchanged, %d unsupported%n", p.format(),
                p.newCount(), p.changedCount(), p.scheduledCount(), p.unchangedCount(), p.unsupportedCount());
        for (CatalogImportLine l : p.lines()) {
            if (l.outcome().equals("unchanged")) {
                continue;
            }
            out.printf("  line %d %s %s: %s%n", l.line(), l.outcome(), l.slug() == null ? "(no slug)" : l.slug(),
                    l.reason() != null ? l.reason() : String.join("; ", l.changes()));
        }
    }
}
