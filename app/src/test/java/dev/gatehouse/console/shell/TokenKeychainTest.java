package dev.gatehouse.console.shell;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The OS keychain is used when there is one; a machine without one (CI) remembers nothing, quickly and quietly. */
class TokenKeychainTest {
    @Test
    void theSystemKeychainAnswersOrIsAbsentWithoutFailing() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            TokenKeychain k = TokenKeychain.lazySystem();
            String url = "https://keychain-test.invalid";
            if (k.available() && k.save(url, "Gatehouse test", "gho_test_only")) {
                assertThat(k.token(url, "Gatehouse test")).contains("gho_test_only");
                k.forget(url, "Gatehouse test");
                assertThat(k.token(url, "Gatehouse test")).isEmpty();
            } else {
                assertThat(k.token(url, "Gatehouse test")).isEmpty();
            }
        });
        assertThat(TokenKeychain.NONE.save("u", "o", "t")).isFalse();
    }
}
