package dev.gatehouse.screens;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static dev.gatehouse.screens.ScreenShots.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Accounts and Keys screens, the reason dialog, the key's account drawer and the stale-ETag conflict,
 * light and dark, to target/screens/&lt;name&gt;-&lt;theme&gt;.png, against the seeded demo gateway.
 */
class AccountScreensTest {
    static PlatformFixture gateway;
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        gateway = PlatformFixture.shared();
        dir = Path.of(System.getProperty("screens.dir", "target/screens"));
        Files.createDirectories(dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        gateway.close();
    }

    ConsoleWindow signedIn(Theme theme, Role role) throws Exception {
        return ScreenShots.signedIn(gateway, theme, role);
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(ConsoleWindow w, String id) {
        return find(w, id, TableView.class).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void accountsWithARichAccountSelected(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.TRUST_SAFETY);
        fxRun(() -> find(w, "nav-accounts", Button.class).orElseThrow().fire());
        TableView<Account> accounts = table(w, "accountsTable");
        waitUntil(() -> !accounts.getItems().isEmpty());
        // A paying account with a warning or suspension shows every part of the 360° view.
        int row = fx(() -> {
            for (int i = 0; i < accounts.getItems().size(); i++) {
                Account a = accounts.getItems().get(i);
                if (a.status().equals("suspended")) {
                    return i;
                }
            }
            return 0;
        });
        fxRun(() -> accounts.getSelectionModel().select(row));
        waitUntil(() -> visible(w, "detailScroll") && !table(w, "ledgerTable").getItems().isEmpty());
        assertThat(find(w, "balanceLabel", Label.class).orElseThrow().getText()).matches("\\$[0-9.,]+ USD");
        save(w, "accounts", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void keysWithAKeySelectedAndTheReasonDialog(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.SUPPORT);
        fxRun(() -> find(w, "nav-keys", Button.class).orElseThrow().fire());
        TableView<ApiKey> keys = table(w, "keysTable");
        waitUntil(() -> !keys.getItems().isEmpty());
        int row = fx(() -> {
            for (int i = 0; i < keys.getItems().size(); i++) {
                ApiKey k = keys.getItems().get(i);
                if (k.status().equals("active") && k.mode().equals("live") && k.lastUsedAt() != null) {
                    return i;
                }
            }
            return 0;
        });
        fxRun(() -> keys.getSelectionModel().select(row));
        waitUntil(() -> visible(w, "keyDetailScroll") && !find(w, "keyAccountLink", Hyperlink.class).orElseThrow().getText().isEmpty());
        save(w, "keys", theme);

        fxRun(() -> find(w, "suspendKeyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow()
                .setText("Key posted in a public GitHub repository (ticket tkt_1042); suspended until the owner rotates it. ai-visual-studio §3."));
        waitUntil(() -> !find(w, "auditAction", Label.class).orElseThrow().getText().equals("—"));
        save(w, "action-dialog", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void accountSuspendDialogWithDuration(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-accounts", Button.class).orElseThrow().fire());
        TableView<Account> accounts = table(w, "accountsTable");
        waitUntil(() -> !accounts.getItems().isEmpty());
        int row = fx(() -> {
            for (int i = 0; i < accounts.getItems().size(); i++) {
                if (accounts.getItems().get(i).status().equals("active")) {
                    return i;
                }
            }
            return 0;
        });
        fxRun(() -> accounts.getSelectionModel().select(row));
        waitUntil(() -> visible(w, "detailScroll"));
        fxRun(() -> find(w, "suspendButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "durationField", javafx.scene.control.TextField.class).orElseThrow().setText("72"));
        waitUntil(() -> fxBool(() -> find(w, "changesBox", javafx.scene.layout.VBox.class).orElseThrow().getChildren().stream()
                .anyMatch(n -> ((Label) n).getText().contains("until 20"))));
        save(w, "account-suspend-dialog", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void editConflictWhenAnotherOperatorSavedFirst(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-accounts", Button.class).orElseThrow().fire());
        TableView<Account> accounts = table(w, "accountsTable");
        waitUntil(() -> accounts.getItems().size() > 20);
        Account target = fx(() -> accounts.getItems().stream()
                .filter(a -> a.tier().equals("starter") && a.status().equals("active")).findFirst().orElse(accounts.getItems().get(20)));
        fxRun(() -> accounts.getSelectionModel().select(target));
        waitUntil(() -> visible(w, "detailScroll"));
        fxRun(() -> find(w, "editButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "editRoot"));
        fxRun(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> tier = find(w, "tierField", javafx.scene.control.ComboBox.class).orElseThrow();
            tier.setValue("enterprise");
        });
        // Another operator changes the tier first.
        try (PlatformClient other = new PlatformClient(gateway.baseUrl(), gateway.token(Role.OPS))) {
            long version = other.account(target.id()).get(10, TimeUnit.SECONDS).account().version();
            other.patchAccount(target.id(), version, new dev.gatehouse.api.AccountPatch("pro", null, null, "Upgrade requested in tkt_77"))
                    .get(10, TimeUnit.SECONDS);
        }
        fxRun(() -> find(w, "saveButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "conflictBox"));
        Label line = fx(() -> (Label) find(w, "conflictLines", javafx.scene.layout.VBox.class).orElseThrow().getChildren().get(0));
        assertThat(line.getText()).isEqualTo("• Tier was changed to Pro by someone else; yours: Enterprise");
        save(w, "account-edit-conflict", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aKeysAccountInTheDrawer(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.TRUST_SAFETY);
        fxRun(() -> find(w, "nav-keys", Button.class).orElseThrow().fire());
        TableView<ApiKey> keys = table(w, "keysTable");
        waitUntil(() -> !keys.getItems().isEmpty());
        fxRun(() -> keys.getSelectionModel().select(2));
        waitUntil(() -> !find(w, "keyAccountLink", Hyperlink.class).orElseThrow().getText().isEmpty());
        fxRun(() -> find(w, "keyAccountLink", Hyperlink.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "accountDrawer") && !table(w, "ledgerTable").getItems().isEmpty());
        save(w, "keys-account-drawer", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aSuspendedKeyIsConfirmedWithANotice(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.SUPPORT);
        fxRun(() -> find(w, "nav-keys", Button.class).orElseThrow().fire());
        TableView<ApiKey> keys = table(w, "keysTable");
        waitUntil(() -> !keys.getItems().isEmpty());
        // From the end of the page, so the rows other screenshots show stay as they were.
        int row = fx(() -> {
            for (int i = keys.getItems().size() - 1; i >= 0; i--) {
                if (keys.getItems().get(i).status().equals("active")) {
                    return i;
                }
            }
            throw new IllegalStateException("no active key on the first page");
        });
        String masked = fx(() -> keys.getItems().get(row).masked());
        fxRun(() -> {
            keys.getSelectionModel().select(row);
            keys.scrollTo(row);
        });
        waitUntil(() -> visible(w, "keyDetailScroll") && fxBool(() -> !find(w, "suspendKeyButton", Button.class).orElseThrow().isDisabled()));
        fxRun(() -> find(w, "suspendKeyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow().setText("Key posted in a public GitHub repository (ticket tkt_1042)."));
        waitUntil(() -> !find(w, "auditAction", Label.class).orElseThrow().getText().equals("—"));
        fxRun(() -> find(w, "submitButton", Button.class).orElseThrow().fire());
        waitUntil(() -> fxBool(() -> !w.notices().showing().isEmpty()));

        var notice = fx(() -> w.notices().showing().get(0));
        assertThat(notice.text()).isEqualTo("Key " + masked + " suspended");
        assertThat(notice.auditId()).isNotBlank();
        Button audit = find(w, "viewAuditEntry", Button.class).orElseThrow();
        assertThat(audit.isDisabled()).as("no Audit area yet: the link says so instead of pretending").isTrue();
        save(w, "key-suspended-notice", theme);

        fxRun(() -> {
            for (int i = 1; i <= 3; i++) {
                w.notices().show(dev.gatehouse.console.shell.Notice.warning("Later notice " + i));
            }
        });
        assertThat(fx(() -> w.notices().showing())).as("at most three at once, newest on top")
                .extracting(dev.gatehouse.console.shell.Notice::text)
                .containsExactly("Later notice 3", "Later notice 2", "Later notice 1");
    }

    static boolean fxBool(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            return false;
        }
    }
}
