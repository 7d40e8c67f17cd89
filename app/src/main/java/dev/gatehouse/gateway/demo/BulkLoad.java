package dev.gatehouse.gateway.demo;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loading a million rows into H2 is several times faster into bare tables, with the secondary indexes and foreign
 * keys built afterwards from the loaded data than maintained row by row. The definitions are taken from H2's own
 * {@code SCRIPT NODATA}, so the migrations stay the one place they are written. H2 only, empty tables only.
 */
final class BulkLoad {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkLoad.class);
    private static final Pattern INDEX = Pattern.compile("^CREATE (UNIQUE )?(NULLS DISTINCT )?INDEX \\\"public\\\"\\.\\\"([^\\\"]+)\\\" ON \\\"public\\\"\\.\\\"([^\\\"]+)\\\".*");
    private static final Pattern FOREIGN_KEY = Pattern.compile("^ALTER TABLE \\\"public\\\"\\.\\\"([^\\\"]+)\\\" ADD CONSTRAINT \\\"public\\\"\\.\\\"([^\\\"]+)\\\" FOREIGN KEY.* REFERENCES \\\"public\\\"\\.\\\"([^\\\"]+)\\\".*");

    private BulkLoad() {}

    /** Rows for {@code tables}, written by {@code work} on one connection. */
    record Load(List<String> tables, Consumer<Handle> work) {}

    private record ForeignKey(String table, String references, String sql) {}

    /**
     * Drops the secondary indexes and foreign keys of every load's tables, runs the loads, each on its own connection
     * (they must not depend on each other's rows), and builds each load's indexes and the foreign keys among its own
     * tables as soon as its rows are in; foreign keys between loads are added at the end.
     * <p>
     * The first load is the long pole (a million keys): its rows go in alone, with the machine to themselves, and its
     * index builds then overlap the other loads' inserts and index builds. In interleaved runs on 2 cores the large
     * seed took 48-50 s with all loads inserting at once and 42-49 s this way; the keys alone insert in 9-16 s
     * instead of 20-26 s.
     * <p>
     * H2 takes its catalog lock for every CREATE INDEX, which would build all indexes of the database one after the
     * other on one core. During the load no one else is connected and every table belongs to exactly one load thread,
     * so H2's table and catalog locks guard nothing here: the load runs in {@code LOCK_MODE 0} (no table locks; row
     * versions still isolate transactions) and the previous mode is put back afterwards. Indexes of one table are still
     * built one at a time: H2 keeps a table's index list unsynchronized.
     */
    static void withoutIndexes(Jdbi jdbi, List<Load> loads) {
        List<String> tables = loads.stream().flatMap(l -> l.tables().stream()).toList();
        Map<String, List<String>> recreate = new LinkedHashMap<>();
        List<String> dropConstraints = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        int lockMode = jdbi.withHandle(h -> {
            for (String line : h.createQuery("SCRIPT NODATA").mapTo(String.class).list()) {
                String sql = line.trim().endsWith(";") ? line.trim().substring(0, line.trim().length() - 1) : line.trim();
                Matcher fk = FOREIGN_KEY.matcher(sql);
                if (fk.matches() && tables.contains(fk.group(1).toLowerCase(Locale.ROOT))) {
                    dropConstraints.add("ALTER TABLE \"" + fk.group(1) + "\" DROP CONSTRAINT \"" + fk.group(2) + "\"");
                    foreignKeys.add(new ForeignKey(fk.group(1).toLowerCase(Locale.ROOT), fk.group(3).toLowerCase(Locale.ROOT), sql));
                    continue;
                }
                Matcher ix = INDEX.matcher(sql);
                if (ix.matches() && tables.contains(ix.group(4).toLowerCase(Locale.ROOT))) {
                    dropIndexes.add("DROP INDEX \"" + ix.group(3) + "\"");
                    recreate.computeIfAbsent(ix.group(4).toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(sql);
                }
            }
            dropConstraints.forEach(h::execute);
            dropIndexes.forEach(h::execute);
            int previous = h.createQuery("SELECT LOCK_MODE()").mapTo(Integer.class).one();
            // sort each table once in memory rather than merging many sorted runs into the B-tree (10 s → 6 s on 1M keys)
            h.execute("SET MAX_MEMORY_ROWS 2000000");
            h.execute("SET LOCK_MODE 0");
            return previous;
        });
        long started = System.nanoTime();
        try {
            CountDownLatch firstRowsIn = new CountDownLatch(1);
            List<Runnable> work = new ArrayList<>();
            for (int i = 0; i < loads.size(); i++) {
                Load load = loads.get(i);
                boolean first = i == 0;
                work.add(() -> jdbi.useHandle(h -> {
                    if (!first) {
                        await(firstRowsIn);
                    }
                    long t0 = System.nanoTime();
                    try {
                        load.work().accept(h);
                    } finally {
                        if (first) {
                            firstRowsIn.countDown(); // also when it failed: the others must not wait forever
                        }
                    }
                    long t1 = System.nanoTime();
                    for (String table : load.tables()) {
                        for (String sql : recreate.getOrDefault(table, List.of())) {
                            timed(h, sql);
                        }
                    }
                    for (ForeignKey fk : foreignKeys) {
                        if (load.tables().contains(fk.table()) && load.tables().contains(fk.references())) {
                            timed(h, fk.sql());
                        }
                    }
                    log.info("bulk load {}: rows in {} ms, indexes in {} ms (done at {} ms)", load.tables(), (t1 - t0) / 1_000_000,
                            (System.nanoTime() - t1) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
                }));
            }
            Parallel.run(work, "bulk load");
            long loaded = System.nanoTime();
            jdbi.useHandle(h -> {
                // a foreign key is added to the referenced table's constraints too: these wait until every load is done
                for (ForeignKey fk : foreignKeys) {
                    if (loads.stream().noneMatch(l -> l.tables().contains(fk.table()) && l.tables().contains(fk.references()))) {
                        timed(h, fk.sql());
                    }
                }
            });
            log.info("bulk load: {} indexes and {} foreign keys over {} in {} ms ({} ms for the foreign keys between loads)",
                    dropIndexes.size(), foreignKeys.size(), tables, (System.nanoTime() - started) / 1_000_000,
                    (System.nanoTime() - loaded) / 1_000_000);
        } finally {
            jdbi.useHandle(h -> {
                h.execute("SET LOCK_MODE " + lockMode);
                // queries buffer up to this many rows in memory before spilling: back to H2's default (ours sets none)
                h.execute("SET MAX_MEMORY_ROWS " + org.h2.engine.SysProperties.MAX_MEMORY_ROWS);
            });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first load", e);
        }
    }

    private static void timed(Handle h, String sql) {
        long t0 = System.nanoTime();
        h.execute(sql);
        log.debug("{} ms: {}", (System.nanoTime() - t0) / 1_000_000, sql);
    }
}
