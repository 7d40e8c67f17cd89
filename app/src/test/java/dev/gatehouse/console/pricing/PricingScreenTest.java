package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** Drives the Pricing screen against the demo gateway: edit a price, see its diff and impact, save it under notice. */
@ExtendWith(ApplicationExtension.class)
class PricingScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    PricingScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.OPS));
        screen = PricingScreen.open(client, Platform::runLater, Role.OPS, Clock.systemUTC());
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
    void editingAPriceShowsItsDiffAndImpactAndSavesItUnderNotice(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Model> models = robot.lookup("#modelTable").queryAs(TableView.class);
        robot.clickOn("#searchField").write("Claude Sonnet 4").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> models.getItems().stream().anyMatch(m -> m.slug().equals("anthropic/claude-sonnet-4")));
        robot.interact(() -> models.getSelectionModel().select(
                models.getItems().stream().filter(m -> m.slug().equals("anthropic/claude-sonnet-4")).findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup("#base-0").tryQuery().isPresent());
        TextField base = robot.lookup("#base-0").queryAs(TextField.class);
        robot.interact(base::clear);
        robot.clickOn(base).write("3.1234567");
        waitUntil(() -> robot.lookup("#previewButton").queryButton().isDisabled());
        assertThat(base.getText()).isEqualTo("3.1234567");
        robot.interact(base::clear);
        robot.clickOn(base).write("3.30");
        waitUntil(() -> !robot.lookup("#previewButton").queryButton().isDisabled());
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#previewPane").query().isVisible());
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).startsWith("Not enough notice");
        assertThat(robot.lookup("#impactLabel").queryAs(Label.class).getText()).contains("Over the last 30 days", "accounts paid by +$");
        @SuppressWarnings("unchecked")
        TableView<PricingViewModel.DiffRow> diff = robot.lookup("#diffTable").queryAs(TableView.class);
        assertThat(diff.getItems()).extracting(PricingViewModel.DiffRow::percent).containsExactly("+10.00 %", "0.00 %");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).as("a raise without notice cannot be saved").isTrue();

        robot.clickOn("#earliestButton");
        robot.clickOn("#reasonArea").write("Anthropic raised Sonnet 4 input by 10%; 30 days' notice (ai-visual-studio §18).");
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#noticeLabel").queryAs(Label.class).getText().startsWith("Notice satisfied"));
        Button save = robot.lookup("#saveButton").queryButton();
        waitUntil(() -> !save.isDisabled());
        robot.clickOn(save);
        waitUntil(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText().startsWith("Scheduled for"));
        @SuppressWarnings("unchecked")
        ListView<PricingViewModel.TimelineEntry> timeline = robot.lookup("#timelineList").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().stream().anyMatch(e -> e.scheduled() != null && e.detail().contains("Sonnet 4 input by 10%")));
    }
}
