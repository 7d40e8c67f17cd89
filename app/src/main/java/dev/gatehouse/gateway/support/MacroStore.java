package dev.gatehouse.gateway.support;

import dev.gatehouse.api.Macro;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** The macro set: every macro in order, and one version for the whole set (GET/PUT /macros). */
public final class MacroStore {
    private MacroStore() {}

    static List<Macro> all(Handle h) {
        return h.createQuery("SELECT id, name, body, set_state, add_tags FROM macros ORDER BY position")
                .map((rs, c) -> new Macro(rs.getString("id"), rs.getString("name"), rs.getString("body"),
                        rs.getString("set_state"), TicketStore.split(rs.getString("add_tags"))))
                .list();
    }

    static long version(Handle h) {
        return h.createQuery("SELECT version FROM macro_set WHERE id = 1").mapTo(Long.class).one();
    }

    /** The set's version, its row locked for the rest of the transaction (concurrent PUTs queue here). */
    static long lockVersion(Handle h) {
        return h.createQuery("SELECT version FROM macro_set WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    /** Replaces every macro with {@code macros} (ids already assigned) and bumps the version. */
    static void replace(Handle h, List<Macro> macros) {
        h.createUpdate("DELETE FROM macros").execute();
        if (!macros.isEmpty()) {
            var batch = h.prepareBatch("INSERT INTO macros (id, position, name, body, set_state, add_tags) "
                    + "VALUES (:id, :position, :name, :body, :state, :tags)");
            for (int i = 0; i < macros.size(); i++) {
                Macro m = macros.get(i);
                batch.bind("id", m.id()).bind("position", i).bind("name", m.name()).bind("body", m.body())
                        .bind("state", m.setState()).bind("tags", String.join(",", m.addTags())).add();
            }
            batch.execute();
        }
        h.createUpdate("UPDATE macro_set SET version = version + 1 WHERE id = 1").execute();
    }
}
