package dev.gatehouse.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {
    @Test
    void anH2FileWritesEveryCommitBeforeAnsweringIt(@TempDir Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gw"), "sa", "")) {
            assertThat(db.h2WriteDelayMillis()).isZero();
        }
    }

    @Test
    void anExplicitWriteDelayIsTheOperatorsOwnTrade(@TempDir Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("gw") + ";WRITE_DELAY=200", "sa", "")) {
            assertThat(db.h2WriteDelayMillis()).isEqualTo(200);
        }
    }

    @Test
    void optionsAreAddedOnlyWhereMissing() {
        assertThat(Database.withH2Options("jdbc:h2:file:/x/gw"))
                .isEqualTo("jdbc:h2:file:/x/gw;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        assertThat(Database.withH2Options("jdbc:h2:file:/x/gw;MODE=PostgreSQL")).isEqualTo("jdbc:h2:file:/x/gw;MODE=PostgreSQL;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        assertThat(Database.withH2Options("jdbc:h2:file:/x/gw;MODE=PostgreSQL;LOCK_TIMEOUT=500"))
                .isEqualTo("jdbc:h2:file:/x/gw;MODE=PostgreSQL;LOCK_TIMEOUT=500;WRITE_DELAY=0");
        assertThat(Database.withH2Options("jdbc:postgresql://db/gatehouse")).isEqualTo("jdbc:postgresql://db/gatehouse");
    }
}
