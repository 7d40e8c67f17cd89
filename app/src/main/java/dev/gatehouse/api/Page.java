package dev.gatehouse.api;

import java.util.List;

/** One page of a list endpoint; {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> data, String nextCursor) {
    public Page {
        data = List.copyOf(data);
    }
}
