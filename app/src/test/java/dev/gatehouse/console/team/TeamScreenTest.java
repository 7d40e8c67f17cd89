package dev.gatehouse.console.team;

import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Team screen against the real demo gateway: a lead invites a support agent and sees the token once. */
@ExtendWith(ApplicationExtension.class)
class TeamScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    TeamScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.LEAD));
        screen = TeamScreen.open(TeamApi.of(client), Platform::runLater, OperatorTime.of(Clock.systemDefaultZone()), "op_lead", n -> { });
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        client.close();
    }

    @Test
    void aLeadInvitesASupportAgentAndSeesTheTokenOnce(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<OperatorProfile> table = robot.lookup("#operatorsTable").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        int before = table.getItems().size();
        String email = "avery-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        robot.clickOn("#inviteButton");
        robot.clickOn("#inviteSendButton");
        assertThat(robot.lookup("#inviteError").queryLabeled().getText()).contains("Name is required");
        robot.clickOn("#inviteNameField").write("Avery Agent");
        robot.clickOn("#inviteEmailField").write(email);
        robot.clickOn("#inviteReasonField").write("new support agent, ticket ONB-7");
        robot.clickOn("#inviteSendButton");

        TextField token = robot.lookup("#tokenField").queryAs(TextField.class);
        javafx.scene.Node panel = robot.lookup("#tokenPanel").query();
        waitUntil(() -> panel.isVisible() && token.getText().startsWith("gho_"));
        assertThat(table.getItems()).hasSize(before + 1);
        assertThat(table.getSelectionModel().getSelectedItem().email()).isEqualTo(email);
        assertThat(robot.lookup("#tokenTitle").queryLabeled().getText()).contains("Avery Agent");
        String shown = token.getText();
        robot.clickOn("#copyTokenButton");
        assertThat(robot.lookup("#copiedLabel").queryLabeled().getText()).contains("Copied");
        robot.clickOn("#dismissTokenButton");
        waitUntil(() -> !panel.isVisible());
        assertThat(token.getText()).isEmpty();
        // the token shown is the agent's: it signs in as support
        try (PlatformClient agent = new PlatformClient(gateway.baseUrl(), shown)) {
            assertThat(agent.me().get(10, TimeUnit.SECONDS).role()).isEqualTo("support");
        }
    }
}
