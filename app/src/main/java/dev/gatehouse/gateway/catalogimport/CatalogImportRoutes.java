package dev.gatehouse.gateway.catalogimport;

import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.api.CatalogImportRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.PolicySettings;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Catalog import (issue 13), for ops and leads: {@code POST /admin/v1/models/import/preview} says entry by entry what
 * importing a file would do and writes nothing; {@code POST /admin/v1/models/import} writes exactly that, in one
 * transaction, if the preview's hash still matches (409 otherwise). A malformed file is 422 with one error per line.
 */
public final class CatalogImportRoutes implements Feature {
    private static final Routes.Body<CatalogImportRequest> BODY = new Routes.Body<>(CatalogImportRequest.class,
            Set.of(Permission.IMPORT_CATALOG), b -> List.of());

    private final Supplier<PolicySettings> policy;
    private final Optional<CatalogImport.IncreaseScheduler> scheduler;

    public CatalogImportRoutes(Supplier<PolicySettings> policy, Optional<CatalogImport.IncreaseScheduler> scheduler) {
        this.policy = policy;
        this.scheduler = scheduler;
    }

    @Override
    public void register(Routes routes) {
        routes.preview("/admin/v1/models/import/preview", BODY, r -> plan(r.handle(), r.body(), r.now(), false).preview());
        routes.action("/admin/v1/models/import", BODY, this::commit);
    }

    private CatalogImport.Plan plan(Handle h, CatalogImportRequest body, Instant now, boolean lock) {
        return plan(h, body.content(), body.format(), now, lock, policy.get(), scheduler);
    }

    /** The plan of a file, or 422 with its errors line by line: a malformed file imports nothing. */
    static CatalogImport.Plan plan(Handle h, String content, String format, Instant now, boolean lock, PolicySettings settings,
                                   Optional<CatalogImport.IncreaseScheduler> scheduler) {
        CatalogFile.Parsed parsed = CatalogFile.parse(content, format);
        if (!parsed.errors().isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION, "The catalog file has " + parsed.errors().size()
                    + (parsed.errors().size() >= CatalogFile.MAX_ERRORS ? " or more" : "") + " error"
                    + (parsed.errors().size() == 1 ? "" : "s") + "; nothing was imported. Each error names its line.", parsed.errors());
        }
        return CatalogImport.plan(h, parsed, now, settings.defaultMarkup().value(), scheduler, lock);
    }

    private Audited<CatalogImportPreview> commit(RouteRequest<CatalogImportRequest> request) {
        CatalogImportRequest body = request.body();
        Enforcement.reasonProblem(body.reason()).ifPresent(m -> {
            throw ApiException.validation(List.of(new Problem.FieldError("reason", m)));
        });
        if (body.previewHash() == null || body.previewHash().isBlank()) {
            throw ApiException.validation(List.of(new Problem.FieldError("preview_hash",
                    "is required: the preview_hash of POST /admin/v1/models/import/preview for this file")));
        }
        CatalogImport.Plan plan = plan(request.handle(), body, request.now(), true);
        if (!plan.preview().previewHash().equals(body.previewHash())) {
            throw ApiException.conflict("The catalog or the file changed since the preview, so the import would not write "
                    + "what the preview showed. Preview the file again, check it, and import that.");
        }
        CatalogImport.write(request.handle(), plan, request.now(), request.operator().id(), body.reason().trim(), scheduler);
        return new Audited<>(audit(plan.preview(), request.now(), request.operator().id(), body.reason().trim()),
                entry -> withAudit(plan.preview(), entry.id()));
    }

    static AuditLog.Draft audit(CatalogImportPreview p, Instant now, String actor, String reason) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", p.format());
        after.put("preview_hash", p.previewHash());
        after.put("new", p.newCount());
        after.put("changed", p.changedCount());
        after.put("unchanged", p.unchangedCount());
        after.put("unsupported", p.unsupportedCount());
        after.put("scheduled", p.scheduledCount());
        after.put("slugs", p.lines().stream().filter(l -> l.outcome().equals("new") || l.outcome().equals("changed"))
                .map(l -> l.outcome() + " " + l.slug()).limit(500).toList());
        return new AuditLog.Draft(now, actor, "catalog.import", "catalog", reason, null, after);
    }

    static CatalogImportPreview withAudit(CatalogImportPreview p, String auditId) {
        return new CatalogImportPreview(p.format(), p.previewHash(), p.newCount(), p.changedCount(), p.unchangedCount(),
                p.unsupportedCount(), p.scheduledCount(), p.lines(), auditId);
    }
}
