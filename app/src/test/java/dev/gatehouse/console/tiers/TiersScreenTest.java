package dev.gatehouse.console.tiers;

import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Rate limits screen against the demo gateway: a tightening is refused without notice and scheduled with it. */
@ExtendWith(ApplicationExtension.class)
class TiersScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    TiersScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.OPS));
        screen = TiersScreen.open(TiersApi.of(client), Platform::runLater, Role.OPS, Clock.systemUTC());
        StackPane root = new StackPane(screen.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Test
    void tighteningATierIsRefusedWithoutNoticeAndScheduledWithIt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<RateTier> tiers = robot.lookup("#tierTable").queryAs(TableView.class);
        waitUntil(() -> tiers.getItems().size() == 4);
        robot.interact(() -> tiers.getSelectionModel().select(1)); // starter
        waitUntil(() -> robot.lookup("#editor").query().isVisible());
        TextField rpm = robot.lookup("#rpmField").queryAs(TextField.class);
        robot.interact(rpm::clear);
        robot.clickOn(rpm).write("0");
        waitUntil(() -> robot.lookup("#rpmError").queryAs(Label.class).getText().contains("from 1"));
        robot.interact(rpm::clear);
        robot.clickOn(rpm).write("50");
        robot.clickOn("#reasonArea").write("Starter keys hammered by a scraping ring; capacity review (ai-visual-studio §4).");
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#previewPane").query().isVisible());
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).startsWith("Not enough notice");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).as("refused without notice").isTrue();

        robot.clickOn("#earliestButton");
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#noticeLabel").queryAs(Label.class).getText().startsWith("Notice satisfied"));
        waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");
        waitUntil(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText().startsWith("Scheduled for"));
        assertThat(robot.lookup("#scheduledLabel").queryAs(Label.class).getText()).contains("50 / 1,000 / 5");
        waitUntil(() -> tiers.getItems().stream().anyMatch(t -> t.name().equals("starter") && t.scheduled() != null && t.rpm() == 60));
    }
}
