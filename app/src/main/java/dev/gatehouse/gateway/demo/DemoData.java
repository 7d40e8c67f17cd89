package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.operators.OperatorTokens;
import dev.gatehouse.policy.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo platform. Same seed, same data: every generator draws from its own
 * {@link java.util.Random} derived from the seed, so adding one feature's data never shifts another's.
 */
public final class DemoData {
    /** The demo operators, one per role; their emails mark a database as one this class seeded. */
    private record DemoOperator(Role role, String id, String name, String email) {}

    private static final List<DemoOperator> OPERATORS = List.of(
            new DemoOperator(Role.VIEWER, "op_viewer", "Vera Viewer", "vera@demo.gatehouse.dev"),
            new DemoOperator(Role.SUPPORT, "op_support", "Sam Support", "sam@demo.gatehouse.dev"),
            new DemoOperator(Role.TRUST_SAFETY, "op_trust", "Tara Trust", "tara@demo.gatehouse.dev"),
            new DemoOperator(Role.OPS, "op_ops", "Omar Ops", "omar@demo.gatehouse.dev"),
            new DemoOperator(Role.LEAD, "op_lead", "Lena Lead", "lena@demo.gatehouse.dev"));

    private DemoData() {}

    /** What {@link #seedOrReuse} found: the demo tokens, and whether the data was already there. */
    public record Seeded(Map<Role, String> tokens, boolean reused) {}

    /**
     * Seeds everything and returns the plain token of each demo operator, one per role. The operators go in last,
     * so a seed cut short (a killed process) leaves a database {@link #seedOrReuse} refuses rather than half-reuses.
     */
    public static Map<Role, String> seed(Database db, long seed, DemoScale scale) {
        // every seeded time is relative to this instant, so the demo's queues are live whenever it starts
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CatalogSeed.seed(db, seed);
        AccountSeed.seed(db, seed, scale, now);
        // abuse reports, request log, appeals (issue 9)
        AbuseSeed.seed(db, seed, scale, now);

        // tickets (issue 10)
        TicketSeed.seed(db, seed, scale, now);

        // refunds (issue 10)
        RefundSeed.seed(db, seed, scale, now);

        // prices and tiers (issue 11)
        PriceSeed.seed(db, seed, scale, now);

        return seedOperators(new OperatorStore(db.jdbi()));
    }

    /**
     * A durable demo: seeds an empty database, or reuses one this class seeded before. Operator tokens are stored
     * only as hashes, so on reuse each demo operator gets a new token (the old ones stop working): a demo database
     * never answers to a token anyone could know without this process's output.
     *
     * @throws NotADemoDatabase when the database holds other data, or a seed that did not finish
     */
    public static Seeded seedOrReuse(Database db, long seed, DemoScale scale) {
        if (isDemo(db)) {
            return new Seeded(reissueTokens(db), true);
        }
        if (!isEmpty(db)) {
            throw new NotADemoDatabase("this database holds data that is not a complete demo (another gateway's data, "
                    + "or a demo seed that was cut short); point --db at an empty database, or drop --demo");
        }
        return new Seeded(seed(db, seed, scale), false);
    }

    /** The database is neither empty nor a complete demo: seeding it would mix demo data into something else. */
    public static final class NotADemoDatabase extends RuntimeException {
        NotADemoDatabase(String message) {
            super(message);
        }
    }

    private static boolean isDemo(Database db) {
        int found = db.jdbi().withHandle(h -> {
            int n = 0;
            for (DemoOperator o : OPERATORS) {
                n += h.createQuery("SELECT COUNT(*) FROM operators WHERE id = :id AND email = :email AND role = :role")
                        .bind("id", o.id()).bind("email", o.email()).bind("role", o.role().wire()).mapTo(Integer.class).one();
            }
            return n;
        });
        return found == OPERATORS.size();
    }

    private static boolean isEmpty(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM operators) + (SELECT COUNT(*) FROM accounts) "
                + "+ (SELECT COUNT(*) FROM models)").mapTo(Long.class).one()) == 0;
    }

    private static Map<Role, String> reissueTokens(Database db) {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        db.jdbi().useTransaction(h -> {
            for (DemoOperator o : OPERATORS) {
                String token = OperatorTokens.newToken();
                h.createUpdate("UPDATE operators SET token_hash = :hash WHERE id = :id")
                        .bind("hash", OperatorTokens.hash(token)).bind("id", o.id()).execute();
                tokens.put(o.role(), token);
            }
        });
        return tokens;
    }

    private static Map<Role, String> seedOperators(OperatorStore store) {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (DemoOperator o : OPERATORS) {
            tokens.put(o.role(), store.create(o.id(), o.name(), o.email(), o.role()));
        }
        return tokens;
    }
}
