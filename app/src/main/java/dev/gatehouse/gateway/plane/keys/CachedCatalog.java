package dev.gatehouse.gateway.plane.keys;

import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.PlaneCatalog;
import dev.gatehouse.gateway.plane.PlaneModel;
import dev.gatehouse.gateway.plane.TestModels;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The servable catalog (chat, image and video models not disabled, with their price cards) held in memory as one
 * immutable snapshot. {@link ChangeWatch} reloads it when an audited change touches the catalog or its prices, so a
 * model disabled in the console is refused here at once. Requests never read the database for a model.
 */
public final class CachedCatalog implements PlaneCatalog {
    private record Snapshot(Map<String, PlaneModel> bySlug, List<PlaneModel> active, List<PlaneModel> test, Set<String> testSlugs) {}

    private final Jdbi jdbi;
    private volatile Snapshot snapshot;

    public CachedCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
        reload();
    }

    /** Reads the catalog again (a few ms for thousands of models); requests keep the old snapshot meanwhile. */
    public void reload() {
        List<PlaneModel> models = jdbi.withHandle(PlaneKeyStore::servableModels);
        Map<String, PlaneModel> bySlug = new LinkedHashMap<>();
        models.forEach(m -> bySlug.put(m.slug(), m));
        Set<String> testSlugs = TestModels.slugs(models);
        List<PlaneModel> active = models.stream().filter(m -> m.status().equals("active")).toList();
        snapshot = new Snapshot(Map.copyOf(bySlug), active, active.stream().filter(m -> testSlugs.contains(m.slug())).toList(), testSlugs);
    }

    @Override
    public Optional<PlaneModel> model(String name) {
        return Optional.ofNullable(snapshot.bySlug().get(name));
    }

    @Override
    public List<PlaneModel> listed(Caller caller) {
        Snapshot s = snapshot;
        return caller.test() ? s.test() : s.active();
    }

    @Override
    public boolean reachable(Caller caller, PlaneModel model) {
        return !caller.test() || snapshot.testSlugs().contains(model.slug());
    }
}
