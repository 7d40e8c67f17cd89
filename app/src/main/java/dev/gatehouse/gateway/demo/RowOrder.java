package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.ids.PrefixedIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Sorts seed rows by one string column into exactly the order a string sort gives, as a primitive sort on up to 42
 * leading bits of the value, with strings compared only where those bits tie. A comparator sort of a million string
 * ids took 1.5 to 3 s of the large seed on one core (on 2 cores the common pool has one worker, so parallelSort
 * runs sequentially).
 */
final class RowOrder {
    private static final int INDEX_BITS = 21;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private RowOrder() {}

    /** By a prefixed id (column {@code column}); every id must carry the same prefix. The time part orders them. */
    static void byId(List<Object[]> rows, int column) {
        sort(rows, column, id -> PrefixedIds.millis(id));
    }

    /** By a lower-case hex string (column {@code column}) of at least ten digits. */
    static void byHex(List<Object[]> rows, int column) {
        sort(rows, column, hex -> HexFormat.fromHexDigitsToLong(hex, 0, 10));
    }

    /**
     * {@code leading} maps a value to a number below 2^42 whose order agrees with the strings' order (equal strings,
     * equal numbers); rows that tie on it are ordered by the full string, stably.
     */
    private static void sort(List<Object[]> rows, int column, ToLongFunction<String> leading) {
        Comparator<Object[]> exact = Comparator.comparing(row -> (String) row[column]);
        int n = rows.size();
        if (n > INDEX_MASK) {
            rows.sort(exact);
            return;
        }
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = (leading.applyAsLong((String) rows.get(i)[column]) << INDEX_BITS) | i;
        }
        Arrays.sort(order);
        List<Object[]> sorted = new ArrayList<>(n);
        for (long o : order) {
            sorted.add(rows.get((int) (o & INDEX_MASK)));
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && order[end] >>> INDEX_BITS == order[start] >>> INDEX_BITS) {
                end++;
            }
            if (end - start > 1) {
                sorted.subList(start, end).sort(exact);
            }
            start = end;
        }
        rows.clear();
        rows.addAll(sorted);
    }
}
