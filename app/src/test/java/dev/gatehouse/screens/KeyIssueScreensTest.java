package dev.gatehouse.screens;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import static dev.gatehouse.screens.ScreenShots.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing a key from the account view (issue 12 item 0), through the real console against the demo gateway: the form,
 * the secret shown once (Done only once it is copied), and the new key in the account's keys. Light and dark PNGs.
 */
class KeyIssueScreensTest {
    static PlatformFixture gateway;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        gateway = PlatformFixture.shared();
        java.nio.file.Files.createDirectories(DIR);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        gateway.close();
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(ConsoleWindow w, String id) {
        return find(w, id, TableView.class).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void issuesAKeyAndShowsItsSecretOnce(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(gateway, theme, Role.SUPPORT);
        fxRun(() -> find(w, "nav-accounts", Button.class).orElseThrow().fire());
        TableView<Account> accounts = table(w, "accountsTable");
        waitUntil(() -> !accounts.getItems().isEmpty());
        // an active account further down the page, which the other screens tests do not look at
        int row = fx(() -> {
            for (int i = accounts.getItems().size() - 1; i >= 0; i--) {
                if (accounts.getItems().get(i).status().equals("active")) {
                    return i;
                }
            }
            throw new AssertionError("no active account on the first page");
        });
        Account account = fx(() -> accounts.getItems().get(row));
        fxRun(() -> accounts.getSelectionModel().select(row));
        TableView<ApiKey> keys = table(w, "accountKeysTable");
        waitUntil(() -> visible(w, "detailScroll") && !find(w, "issueKeyButton", Button.class).orElseThrow().isDisabled());
        int before = fx(() -> keys.getItems().size());

        fxRun(() -> find(w, "issueKeyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "issueForm"));
        fxRun(() -> {
            find(w, "issueName", TextField.class).orElseThrow().setText("production (replacement)");
            find(w, "issueExpires", TextField.class).orElseThrow().setText("2031-06-30");
            find(w, "issueReason", TextField.class).orElseThrow().setText("Old key posted in a public repository (ai-visual-studio §3)");
        });
        save(w, "issue-key-form", theme);

        fxRun(() -> find(w, "issueSubmit", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "secretPanel"));
        String secret = fx(() -> find(w, "secretField", TextField.class).orElseThrow().getText());
        assertThat(secret).matches("sk-live-[A-Za-z0-9]{40}");
        Button done = find(w, "issueDone", Button.class).orElseThrow();
        assertThat(fx(done::isDisabled)).as("Done waits until the secret is kept").isTrue();
        save(w, "issue-key-secret", theme);

        fxRun(() -> find(w, "copySecretButton", Button.class).orElseThrow().fire());
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(secret);
        assertThat(fx(done::isDisabled)).isFalse();
        fxRun(done::fire);
        waitUntil(() -> !visible(w, "secretPanel") && keys.getItems().size() == before + 1);
        ApiKey issued = fx(() -> keys.getItems().stream().filter(k -> k.name().equals("production (replacement)")).findFirst().orElseThrow());
        assertThat(issued.masked()).isEqualTo(secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4));
        assertThat(issued.accountId()).isEqualTo(account.id());
        assertThat(issued.status()).isEqualTo("active");
    }
}
