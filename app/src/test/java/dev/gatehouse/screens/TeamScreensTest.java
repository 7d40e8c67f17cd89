package dev.gatehouse.screens;

import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static dev.gatehouse.screens.ScreenShots.find;
import static dev.gatehouse.screens.ScreenShots.fxRun;
import static dev.gatehouse.screens.ScreenShots.save;
import static dev.gatehouse.screens.ScreenShots.visible;
import static dev.gatehouse.screens.ScreenShots.waitUntil;

/** Renders the Team screen (the list, an invitation, a token shown once), light and dark, to target/screens/. */
class TeamScreensTest {
    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        AccountScreensTest.gateway = PlatformFixture.shared();
        AccountScreensTest.dir = Path.of(System.getProperty("screens.dir", "target/screens"));
        Files.createDirectories(AccountScreensTest.dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void newAccountAndGrantCredits(Theme theme) throws Exception {
        ConsoleWindow w = ScreenShots.signedIn(AccountScreensTest.gateway, theme, Role.SUPPORT);
        fxRun(() -> find(w, "nav-accounts", Button.class).orElseThrow().fire());
        TableView<dev.gatehouse.api.Account> accounts = AccountScreensTest.table(w, "accountsTable");
        waitUntil(() -> !accounts.getItems().isEmpty());
        fxRun(() -> find(w, "newAccountButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "newAccountName"));
        fxRun(() -> {
            find(w, "newAccountName", TextField.class).orElseThrow().setText("Globex Corporation");
            find(w, "newAccountEmail", TextField.class).orElseThrow().setText("billing@globex.dev");
            find(w, "newAccountReason", TextField.class).orElseThrow().setText("enterprise contract GX-1");
        });
        save(w, "accounts-new", theme);
        fxRun(() -> find(w, "newAccountCancel", Button.class).orElseThrow().fire());
        fxRun(() -> accounts.getSelectionModel().select(0));
        waitUntil(() -> visible(w, "detailScroll") && !find(w, "grantCreditsButton", Button.class).orElseThrow().isDisabled());
        fxRun(() -> find(w, "grantCreditsButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "grantAmount"));
        fxRun(() -> {
            find(w, "grantAmount", TextField.class).orElseThrow().setText("750.00");
            find(w, "grantReason", TextField.class).orElseThrow().setText("SLA credit, ticket 88");
        });
        save(w, "accounts-grant", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void firstRunChecklistOnAnEmptyPlatform(Theme theme) throws Exception {
        try (dev.gatehouse.gateway.TestGateway empty = new dev.gatehouse.gateway.TestGateway(dev.gatehouse.gateway.Database.inMemory())) {
            String url = "http://127.0.0.1:" + empty.server().port();
            dev.gatehouse.console.shell.DemoPlatform demo = () -> new dev.gatehouse.console.shell.DemoPlatform.Connection(url,
                    java.util.Map.of("lead", empty.token(Role.LEAD)));
            ConsoleWindow w = ScreenShots.fx(() -> {
                ConsoleWindow window = new ConsoleWindow(demo, theme, dev.gatehouse.console.app.ConsoleAreas.all());
                window.scene().getRoot().applyCss();
                return window;
            });
            dev.gatehouse.console.client.PlatformClient client = new dev.gatehouse.console.client.PlatformClient(url, empty.token(Role.LEAD));
            var session = new dev.gatehouse.console.shell.ConnectViewModel.SignedIn(client,
                    client.me().get(10, java.util.concurrent.TimeUnit.SECONDS), false);
            fxRun(() -> w.showShell(session));
            waitUntil(() -> visible(w, "firstRun-import"));
            fxRun(() -> find(w, "importCatalogButton", Button.class).orElseThrow().fire());
            save(w, "first-run", theme);
        }
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void teamWithAnInvitationAndANewToken(Theme theme) throws Exception {
        ConsoleWindow w = ScreenShots.signedIn(AccountScreensTest.gateway, theme, Role.LEAD);
        fxRun(() -> find(w, "nav-team", Button.class).orElseThrow().fire());
        TableView<OperatorProfile> table = AccountScreensTest.table(w, "operatorsTable");
        waitUntil(() -> !table.getItems().isEmpty());
        fxRun(() -> table.getSelectionModel().select(0));
        save(w, "team", theme);

        fxRun(() -> find(w, "inviteButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "invitePanel"));
        fxRun(() -> {
            find(w, "inviteNameField", TextField.class).orElseThrow().setText("Avery Agent");
            find(w, "inviteEmailField", TextField.class).orElseThrow().setText("avery-" + theme.name().toLowerCase() + "-"
                    + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
            find(w, "inviteReasonField", TextField.class).orElseThrow().setText("new support agent, ticket ONB-7");
        });
        save(w, "team-invite", theme);
        fxRun(() -> find(w, "inviteSendButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "tokenPanel") && find(w, "tokenField", TextField.class).orElseThrow().getText().startsWith("gho_"));
        save(w, "team-token", theme);
    }
}
