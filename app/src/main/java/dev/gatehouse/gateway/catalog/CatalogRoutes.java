package dev.gatehouse.gateway.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Permission;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jdbi.v3.core.Jdbi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read side of the catalog: GET /models, /models/{id} and /providers. Any operator role may read. */
public final class CatalogRoutes implements Feature {
    public static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_ID_LENGTH = 40;

    private final Jdbi jdbi;

    public CatalogRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/models", Permission.READ, this::list);
        routes.read("/admin/v1/models/{id}", Permission.READ, this::one);
        routes.read("/admin/v1/providers", Permission.READ, ctx -> ctx.json(Map.of("data", jdbi.withHandle(CatalogStore::providers))));
    }

    private void list(Context ctx) {
        int limit = QueryParams.limit(ctx);
        Optional<String> modality = QueryParams.oneOf(ctx, "modality", Set.copyOf(CatalogStore.MODALITIES));
        Optional<String> status = QueryParams.oneOf(ctx, "status", Set.copyOf(CatalogStore.STATUSES));
        Optional<String> providerSort = provider(ctx);
        Optional<String> q = QueryParams.text(ctx, "q", MAX_QUERY_LENGTH);
        Optional<ModelKeyset> after = Cursor.decode(ctx, ModelKeyset.CURSOR_KIND, 3).map(ModelKeyset::of);

        ModelQuery query = new ModelQuery(modality, providerSort, status, q, after, limit);
        CatalogStore.ModelPage page = jdbi.withHandle(h -> CatalogStore.page(h, query));
        ctx.json(new Page<>(page.models(), page.next().map(ModelKeyset::toCursor).orElse(null)));
    }

    /** The provider filter names a provider of the catalog by its display name, in any case. */
    private Optional<String> provider(Context ctx) {
        String raw = ctx.queryParam("provider");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        Map<String, String> providers = jdbi.withHandle(CatalogStore::providerSortKeys);
        return Optional.of(providers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("provider", "unknown provider '" + abbreviate(raw.trim())
                        + "'; use one of " + String.join(", ", providers.keySet()))));
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        // Ids are short printable strings; anything else cannot exist and never reaches the database.
        boolean plausible = id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isISOControl);
        Model model = (plausible ? jdbi.withHandle(h -> CatalogStore.find(h, id)) : Optional.<Model>empty())
                .orElseThrow(() -> ApiException.notFound("model", abbreviate(id)));
        String etag = "\"" + model.version() + "\"";
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.json(model);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
