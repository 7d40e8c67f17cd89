package dev.gatehouse.api;

import java.util.List;
import java.util.Map;

/** GET/PUT /admin/v1/macros: every macro in order, the set's version (its ETag), and the placeholders a body may use. */
public record MacroSet(List<Macro> macros, long version, Map<String, String> placeholders) {
    public MacroSet {
        macros = List.copyOf(macros);
        placeholders = placeholders == null ? Map.of() : placeholders;
    }
}
