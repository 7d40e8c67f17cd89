package dev.gatehouse.console.shell;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** "Switch platform…" remembers URL and operator name; the token only in a keychain, never in the file. */
class RecentPlatformsTest {
    /** A keychain in memory, standing in for the OS one. */
    static final class MemoryKeychain implements TokenKeychain {
        final Map<String, String> kept = new HashMap<>();
        @Override public boolean available() { return true; }
        @Override public Optional<String> token(String url, String op) { return Optional.ofNullable(kept.get(op + "@" + url)); }
        @Override public boolean save(String url, String op, String token) { kept.put(op + "@" + url, token); return true; }
        @Override public void forget(String url, String op) { kept.remove(op + "@" + url); }
    }

    @Test
    void aSignInIsRememberedWithItsTokenOnlyInTheKeychain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recent-platforms.json");
        MemoryKeychain keychain = new MemoryKeychain();
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            String url = "http://127.0.0.1:" + gw.server().port();
            AtomicReference<ConnectViewModel.SignedIn> signedIn = new AtomicReference<>();
            ConnectViewModel vm = new ConnectViewModel(() -> null, Runnable::run, Runnable::run, signedIn::set)
                    .remembering(new RecentPlatforms(file), keychain);
            vm.urlProperty().set(url);
            vm.tokenProperty().set(gw.token(Role.SUPPORT));
            vm.connect();
            for (int i = 0; i < 100 && signedIn.get() == null; i++) {
                Thread.sleep(50);
            }
            assertThat(signedIn.get()).isNotNull();
            signedIn.get().client().close();
            for (int i = 0; i < 100 && !Files.exists(file); i++) {
                Thread.sleep(50);
            }
            String written = Files.readString(file);
            assertThat(written).contains(url).contains("Support Tester").doesNotContain(gw.token(Role.SUPPORT));
            assertThat(keychain.kept).containsValue(gw.token(Role.SUPPORT));

            ConnectViewModel next = new ConnectViewModel(() -> null, Runnable::run, Runnable::run, s -> { })
                    .remembering(new RecentPlatforms(file), keychain);
            assertThat(next.recentPlatforms()).hasSize(1);
            next.chooseRecent(next.recentPlatforms().get(0));
            assertThat(next.urlProperty().get()).isEqualTo(url);
            assertThat(next.tokenProperty().get()).isEqualTo(gw.token(Role.SUPPORT));
            assertThat(next.keychainNoteProperty().get()).contains("keychain");

            ConnectViewModel noKeychain = new ConnectViewModel(() -> null, Runnable::run, Runnable::run, s -> { })
                    .remembering(new RecentPlatforms(file), TokenKeychain.NONE);
            noKeychain.chooseRecent(noKeychain.recentPlatforms().get(0));
            assertThat(noKeychain.tokenProperty().get()).isEmpty();
            assertThat(noKeychain.keychainNoteProperty().get()).contains("no keychain");
        }
    }

    @Test
    void theListKeepsTheNewestFirstAndOnce(@TempDir Path dir) {
        RecentPlatforms recent = new RecentPlatforms(dir.resolve("r.json"));
        for (int i = 0; i < 12; i++) {
            recent.remember(new RecentPlatforms.Entry("https://gw" + i + ".example.com", "Lena", "op_lead"));
        }
        recent.remember(new RecentPlatforms.Entry("https://gw5.example.com", "Lena", "op_lead"));
        assertThat(recent.list()).hasSize(RecentPlatforms.KEPT);
        assertThat(recent.list().get(0).url()).isEqualTo("https://gw5.example.com");
        assertThat(recent.list().stream().filter(e -> e.url().equals("https://gw5.example.com")).count()).isEqualTo(1);
        assertThat(new RecentPlatforms(dir.resolve("missing/none.json")).list()).isEmpty();
    }
}
