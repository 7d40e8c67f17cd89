package dev.gatehouse.console.refunds;

import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead edits one policy value in the Policy panel: a value the platform refuses is marked on its field, a good one is
 * previewed, and when another lead changed the policy meanwhile the 412 reloads it and keeps the typed value to apply
 * again. A gateway of its own: the policy decides every refund other tests look at.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyValuesScreenTest {
    static PlatformFixture gateway;
    PlatformClient lead;
    RefundsScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        lead = gateway.client(Role.LEAD);
        String me = lead.me().get(10, TimeUnit.SECONDS).id();
        screen = RefundsScreen.open(RefundsApi.of(lead), Platform::runLater, Role.LEAD, me, OperatorTime.of(Clock.systemDefaultZone()));
        StackPane root = new StackPane(screen.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 900);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        lead.close();
    }

    private static void retype(FxRobot robot, TextField field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    private String value(String key) throws Exception {
        return lead.policy().get(10, TimeUnit.SECONDS).rules().stream().filter(r -> r.key().equals(key))
                .map(PolicyView.Rule::value).findFirst().orElseThrow();
    }

    @Test
    void aLeadEditsTheRefundWindowSeesThePreviewAndAppliesItAfterAConflict(FxRobot robot) throws Exception {
        robot.clickOn("#policyButton");
        waitUntil(() -> robot.lookup("#policyValue_refund_window_days").tryQuery().isPresent());
        TextField window = robot.lookup("#policyValue_refund_window_days").queryAs(TextField.class);
        String before = window.getText();

        retype(robot, window, "-3");
        Label error = robot.lookup("#policyValueError_refund_window_days").queryAs(Label.class);
        waitUntil(() -> error.isVisible() && !error.getText().isEmpty());
        assertThat(window.getText()).as("what was typed stays").isEqualTo("-3");

        retype(robot, window, "21");
        VBox changes = robot.lookup("#policyChangesBox").queryAs(VBox.class);
        waitUntil(() -> !error.isVisible() && !changes.getChildren().isEmpty());
        assertThat(((Label) changes.getChildren().get(0)).getText()).contains(before).contains("21");

        // another lead changes another value meanwhile
        PolicyView now = lead.policy().get(10, TimeUnit.SECONDS);
        lead.updatePolicy(now.version(), new PolicyUpdate(null, Map.of("notice_period_days", "45"), "Other lead: longer notice"))
                .get(10, TimeUnit.SECONDS);

        robot.clickOn("#policyReasonArea").write("Launch month: a longer refund window");
        Button apply = robot.lookup("#policyApplyButton").queryAs(Button.class);
        waitUntil(() -> !apply.isDisabled());
        robot.clickOn(apply);
        Label banner = robot.lookup("#policyErrorLabel").queryAs(Label.class);
        waitUntil(() -> banner.getText().startsWith("Another lead changed the policy"));
        waitUntil(() -> robot.lookup("#policyValue_refund_window_days").queryAs(TextField.class).getText().equals("21"));
        assertThat(value("refund_window_days")).as("nothing applied on the conflict").isEqualTo(before);

        waitUntil(() -> !apply.isDisabled());
        robot.clickOn(apply);
        waitUntil(() -> {
            try {
                return value("refund_window_days").equals("21");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(value("notice_period_days")).as("the other lead's change stays").isEqualTo("45");
        robot.type(KeyCode.ESCAPE);
    }
}
