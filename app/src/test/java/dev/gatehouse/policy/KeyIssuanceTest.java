package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIssuanceTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aValidRequestIsTrimmed() {
        var v = KeyIssuance.check("  prod  ", "live", NOW.plusSeconds(1), " leaked key replaced ", NOW);
        assertThat(v.isValid()).isTrue();
        assertThat(v.value()).isEqualTo(new KeyIssuance.Draft("prod", "live", NOW.plusSeconds(1), "leaked key replaced"));
        assertThat(KeyIssuance.check("ci", "test", null, "r", NOW).isValid()).isTrue();
    }

    @Test
    void eachBadFieldIsNamed() {
        var v = KeyIssuance.check(" ", "staging", NOW, null, NOW);
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("name", "mode", "expires_at", "reason");
        assertThat(KeyIssuance.check("x".repeat(201), "live", null, "r", NOW).errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(KeyIssuance.check("x".repeat(200), "live", null, "r", NOW).isValid()).isTrue();
        assertThat(KeyIssuance.check("a\tb", "live", null, "r", NOW).errors().get(0).message()).contains("one line");
        assertThat(KeyIssuance.check("n", null, null, "r", NOW).errors()).extracting(FieldError::field).containsExactly("mode");
        assertThat(KeyIssuance.check("n", "live", NOW.minusSeconds(60), "r", NOW).errors().get(0).message()).contains("future");
    }

    @Test
    void onlyATerminatedAccountIsRefused() {
        assertThat(KeyIssuance.forAccount(AccountStatus.TERMINATED).refusal()).contains("ai-visual-studio §15");
        for (AccountStatus s : new AccountStatus[] {AccountStatus.ACTIVE, AccountStatus.WARNED, AccountStatus.SUSPENDED}) {
            assertThat(KeyIssuance.forAccount(s).allowed()).as(s.wire()).isTrue();
        }
    }
}
