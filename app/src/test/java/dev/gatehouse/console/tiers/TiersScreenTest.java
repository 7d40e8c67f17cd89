package dev.gatehouse.console.tiers;

import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
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
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() {
        client.close();
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

        // withdrawn again, with a reason: the tier keeps its limits and shows nothing scheduled
        assertThat(robot.lookup("#cancelScheduledButton").queryButton().isDisabled()).as("a reason first").isTrue();
        robot.clickOn("#cancelReasonField").write("The scraping ring was blocked at the edge instead.");
        waitUntil(() -> !robot.lookup("#cancelScheduledButton").queryButton().isDisabled());
        robot.clickOn("#cancelScheduledButton");
        waitUntil(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText().startsWith("Withdrawn: the tightening"));
        waitUntil(() -> !robot.lookup("#scheduledBox").query().isVisible());
        waitUntil(() -> tiers.getItems().stream().anyMatch(t -> t.name().equals("starter") && t.scheduled() == null && t.rpm() == 60));
    }

    @Test
    void anEnterpriseAccountIsFoundByNameAndItsLimitsOpen(FxRobot robot) throws Exception {
        dev.gatehouse.api.Account big = client.accounts(null, "active", "enterprise", null, 1).get(10, TimeUnit.SECONDS).data().get(0);
        String word = big.name().split(" ")[0];
        robot.clickOn("#accountField").write(word).type(javafx.scene.input.KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.gatehouse.api.Account> matches = robot.lookup("#accountList").queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> matches.getItems().stream().anyMatch(a -> a.id().equals(big.id())) || screen.viewModel().targetProperty().get() != null);
        assertThat(matches.getItems()).allMatch(a -> a.tier().equals("enterprise"));
        if (screen.viewModel().targetProperty().get() == null) {
            robot.interact(() -> matches.getSelectionModel().select(
                    matches.getItems().stream().filter(a -> a.id().equals(big.id())).findFirst().orElseThrow()));
        }
        waitUntil(() -> robot.lookup("#editor").query().isVisible());
        assertThat(screen.viewModel().targetProperty().get().id()).isIn(matches.getItems().stream().map(dev.gatehouse.api.Account::id).toList()
                .isEmpty() ? List.of(big.id()) : matches.getItems().stream().map(dev.gatehouse.api.Account::id).toList());
        assertThat(robot.lookup("#targetTitle").queryAs(Label.class).getText()).isNotEmpty();
    }
}
