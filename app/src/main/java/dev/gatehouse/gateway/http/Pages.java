package dev.gatehouse.gateway.http;

import dev.gatehouse.api.Page;

import java.util.List;
import java.util.function.Function;

/** The one way a list answers a page: the store reads limit + 1 rows; the extra row only says there is a next page. */
public final class Pages {
    private Pages() {}

    /** The first {@code limit} rows, and the cursor after the last of them when more rows follow. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursor) {
        return of(rows, limit, cursor, Function.identity());
    }

    /** Like {@link #of(List, int, Function)}, each row shown as {@code shown} (e.g. a ledger line without its position). */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, String> cursor, Function<R, T> shown) {
        List<R> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? cursor.apply(page.get(limit - 1)) : null;
        return new Page<>(page.stream().map(shown).toList(), next);
    }
}
