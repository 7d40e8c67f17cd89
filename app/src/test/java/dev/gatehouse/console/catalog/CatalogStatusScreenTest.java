package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
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

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Catalog's status controls and Open in Pricing, against the demo gateway as ops (issue 11 "catalog actions"). */
@ExtendWith(ApplicationExtension.class)
class CatalogStatusScreenTest {
    PlatformClient client;
    CatalogScreen screen;
    final List<Model> openedInPricing = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlatform() {
        PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        PlatformFixture platform = PlatformFixture.shared();
        client = new PlatformClient(platform.baseUrl(), platform.token(Role.OPS));
        screen = CatalogScreen.open(CatalogApi.of(client), Platform::runLater, null, ModelStatusApi.of(client), Role.OPS, ZoneOffset.UTC,
                openedInPricing::add);
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void aModelIsDeprecatedWithAReasonAndOpensInPricing(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Model> models = robot.lookup("#modelTable").queryAs(TableView.class);
        waitUntil(() -> models.getItems().stream().anyMatch(m -> m.status().equals("active")));
        // an active model at the end of the list: the others' tests do not touch it
        Model target = dev.gatehouse.console.FxWait.rows(models).stream().filter(m -> m.status().equals("active")).reduce((a, b) -> b).orElseThrow();
        robot.interact(() -> models.getSelectionModel().select(target));
        waitUntil(() -> robot.lookup("#statusBox").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<String> status = robot.lookup("#statusChoice").queryAs(ComboBox.class);
        assertThat(status.getValue()).isEqualTo("active");
        assertThat(robot.lookup("#applyStatusButton").queryButton().isDisabled()).isTrue();
        robot.interact(() -> status.setValue("deprecated"));
        assertThat(robot.lookup("#applyStatusButton").queryButton().isDisabled()).as("a reason first").isTrue();
        robot.clickOn("#statusReasonField").write("The provider retires it at the end of the quarter.");
        waitUntil(() -> !robot.lookup("#applyStatusButton").queryButton().isDisabled());
        robot.clickOn("#applyStatusButton");
        waitUntil(() -> robot.lookup("#statusMessage").queryAs(Label.class).getText().equals("Now deprecated."));
        waitUntil(() -> models.getItems().stream().anyMatch(m -> m.id().equals(target.id()) && m.status().equals("deprecated")));
        assertThat(client.model(target.id()).get(10, TimeUnit.SECONDS).status()).isEqualTo("deprecated");

        robot.clickOn("#openPricingButton");
        waitUntil(() -> !openedInPricing.isEmpty());
        assertThat(openedInPricing.get(0).id()).isEqualTo(target.id());
    }
}
