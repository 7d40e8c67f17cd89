package dev.gatehouse.gateway.plane;

import java.util.List;
import java.util.Optional;

/**
 * The servable catalog as the plane sees it, cached in memory and dropped when an admin change touches it
 * (implemented in {@code plane/keys} next to the key cache, with the same invalidation).
 */
public interface PlaneCatalog {
    /** A model by its OpenAI name (the catalog slug) that is not disabled, or empty. */
    Optional<PlaneModel> model(String name);

    /** The models a caller may list and use: the active catalog, or the small test list for a test key. */
    List<PlaneModel> listed(Caller caller);

    /** Whether the caller may use the model: test keys reach only the test list (issue 12 §1). */
    boolean reachable(Caller caller, PlaneModel model);
}
