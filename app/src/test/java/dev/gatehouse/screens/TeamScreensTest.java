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

import static dev.gatehouse.screens.AccountScreensTest.find;
import static dev.gatehouse.screens.AccountScreensTest.fxRun;
import static dev.gatehouse.screens.AccountScreensTest.save;
import static dev.gatehouse.screens.AccountScreensTest.visible;
import static dev.gatehouse.screens.AccountScreensTest.waitUntil;

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
    void teamWithAnInvitationAndANewToken(Theme theme) throws Exception {
        ConsoleWindow w = new AccountScreensTest().signedIn(theme, Role.LEAD);
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
