package dev.gatehouse.gateway.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading TIMESTAMP WITH TIME ZONE columns the same way on H2 and PostgreSQL. */
public final class Timestamps {
    private Timestamps() {}

    /** The column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
