package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;

import java.util.EnumMap;
import java.util.Map;

/**
 * Seeds the demo platform. Same seed, same data: every generator draws from its own
 * {@link java.util.Random} derived from the seed, so adding one feature's data never shifts another's.
 */
public final class DemoData {
    private DemoData() {}

    /** Seeds everything and returns the plain token of each demo operator, one per role. */
    public static Map<Role, String> seed(Database db, long seed, DemoScale scale) {
        Map<Role, String> tokens = seedOperators(new OperatorStore(db.jdbi()));
        CatalogSeed.seed(db, seed);
        AccountSeed.seed(db, seed, scale);
        return tokens;
    }

    private static Map<Role, String> seedOperators(OperatorStore store) {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.VIEWER, store.create("op_viewer", "Vera Viewer", "vera@demo.gatehouse.dev", Role.VIEWER));
        tokens.put(Role.SUPPORT, store.create("op_support", "Sam Support", "sam@demo.gatehouse.dev", Role.SUPPORT));
        tokens.put(Role.TRUST_SAFETY, store.create("op_trust", "Tara Trust", "tara@demo.gatehouse.dev", Role.TRUST_SAFETY));
        tokens.put(Role.OPS, store.create("op_ops", "Omar Ops", "omar@demo.gatehouse.dev", Role.OPS));
        tokens.put(Role.LEAD, store.create("op_lead", "Lena Lead", "lena@demo.gatehouse.dev", Role.LEAD));
        return tokens;
    }
}
