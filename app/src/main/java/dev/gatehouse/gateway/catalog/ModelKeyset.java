package dev.gatehouse.gateway.catalog;

import dev.gatehouse.gateway.http.Cursor;

import java.util.List;

/** Position in the catalog's list order (provider, name, id), case-insensitive as the database lowers it. */
public record ModelKeyset(String providerSort, String nameSort, String id) {
    static final String CURSOR_KIND = "models";

    String toCursor() {
        return Cursor.encode(CURSOR_KIND, providerSort, nameSort, id);
    }

    static ModelKeyset of(List<String> keys) {
        return new ModelKeyset(keys.get(0), keys.get(1), keys.get(2));
    }
}
