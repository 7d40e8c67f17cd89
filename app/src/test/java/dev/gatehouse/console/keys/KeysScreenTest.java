package dev.gatehouse.console.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Keys screen against the real demo gateway: suspend a key with a reason; the row and the account view follow. */
@ExtendWith(ApplicationExtension.class)
class KeysScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    KeysScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.SUPPORT));
        screen = KeysScreen.open(KeysApi.of(client), Platform::runLater, Role.SUPPORT, OperatorTime.of(Clock.systemDefaultZone()));
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        client.close();
    }

    @Test
    void suspendingAKeyWithAReasonUpdatesTheRowAndTheAccountView(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ApiKey> keys = robot.lookup("#keysTable").queryAs(TableView.class);
        waitUntil(() -> !keys.getItems().isEmpty());
        robot.clickOn("#keyStatusFilter").clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Active")).queryAs(Node.class));
        waitUntil(() -> !keys.getItems().isEmpty() && keys.getItems().stream().allMatch(k -> k.status().equals("active")));
        // A test key: the shared demo gateway's screenshots pick a live one.
        robot.clickOn("#keyModeFilter").clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Test")).queryAs(Node.class));
        waitUntil(() -> !keys.getItems().isEmpty()
                && keys.getItems().stream().allMatch(k -> k.status().equals("active") && k.mode().equals("test")));
        // The oldest on the page: the shared gateway's screenshots show the newest keys, and this test suspends its key.
        ApiKey target = keys.getItems().get(keys.getItems().size() - 1);
        WaitForAsyncUtils.asyncFx(() -> keys.scrollTo(target)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup(target.masked()).tryQuery().isPresent()); // its row is drawn on the next pulse

        robot.clickOn(target.masked());
        waitUntil(() -> robot.lookup("#keyTitle").queryAs(Label.class).getText().equals(target.masked())
                && !robot.lookup("#suspendKeyButton").queryAs(Button.class).isDisabled());
        // Support may suspend a compromised key but not revoke it (ai-visual-studio §3).
        assertThat(robot.lookup("#revokeKeyButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#suspendKeyButton");
        waitUntil(() -> robot.lookup("#dialogRoot").tryQuery().isPresent());
        Button submit = robot.lookup("#submitButton").queryAs(Button.class);
        assertThat(submit.isDisabled()).as("no reason yet").isTrue();
        waitUntil(() -> robot.lookup("#auditAction").queryAs(Label.class).getText().equals("key.suspend"));
        assertThat(robot.lookup("#auditTarget").queryAs(Label.class).getText()).isEqualTo(target.id());

        String reason = "Key pasted in a public forum post; suspended pending rotation (ai-visual-studio §3).";
        robot.clickOn("#reasonArea").write(reason);
        waitUntil(() -> !submit.isDisabled());
        assertThat(robot.lookup("#auditReason").queryAs(Label.class).getText()).isEqualTo(reason);
        robot.clickOn(submit);

        waitUntil(() -> robot.lookup("#dialogRoot").tryQuery().isEmpty());
        waitUntil(() -> keys.getItems().stream().anyMatch(k -> k.id().equals(target.id()) && k.status().equals("suspended")));
        waitUntil(() -> robot.lookup("#keyStatus").queryAs(Label.class).getText().equals("Suspended"));

        // The platform recorded it, with the reason.
        ApiKeyDetail after = client.key(target.id()).get(10, TimeUnit.SECONDS);
        assertThat(after.key().status()).isEqualTo("suspended");
        assertThat(after.enforcement()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("suspend");
            assertThat(e.reason()).isEqualTo(reason);
        });

        // The account view shows the key suspended, and the suspension in its history.
        waitUntil(() -> robot.lookup("#keyEnforcementTable").queryAs(TableView.class).getItems().size() >= 1);
        robot.clickOn("#keyAccountLink");
        waitUntil(() -> robot.lookup("#accountDrawer").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ApiKey> accountKeys = robot.lookup("#accountKeysTable").queryAs(TableView.class);
        waitUntil(() -> accountKeys.getItems().stream().anyMatch(k -> k.id().equals(target.id()) && k.status().equals("suspended")));
        waitUntil(() -> robot.lookup("#enforcementTable").queryAs(TableView.class).getItems().stream()
                .anyMatch(e -> reason.equals(((dev.gatehouse.api.EnforcementAction) e).reason())));
        // Never more of a key than its prefix and last four.
        assertThat(accountKeys.getItems()).allSatisfy(k -> assertThat(k.masked()).matches("sk-(live|test)-.{4}….{4}"));
    }
}
