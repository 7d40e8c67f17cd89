package dev.gatehouse.gateway;

import java.util.function.Supplier;
import java.util.stream.Stream;

/** The databases the store tests run against: H2 in PostgreSQL mode, and a real PostgreSQL. */
public final class TestDatabases {
    private TestDatabases() {}

    public record Kind(String name, Supplier<Database> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Stream<Kind> both() {
        return Stream.of(new Kind("H2", Database::inMemory), new Kind("PostgreSQL", PostgresDatabase::fresh));
    }
}
