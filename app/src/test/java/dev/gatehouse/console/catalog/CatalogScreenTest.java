package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Catalog screen headless against a real demo gateway over HTTP. */
@ExtendWith(ApplicationExtension.class)
class CatalogScreenTest {
    PlatformFixture platform;
    PlatformClient client;
    CatalogScreen screen;
    StackPane root;

    @BeforeAll
    static void startPlatform() {
        PlatformFixture.shared(); // before @Start: seeding takes longer than TestFX waits for a stage
    }

    @Start
    void start(Stage stage) {
        platform = PlatformFixture.shared();
        client = platform.client();
        screen = CatalogScreen.open(CatalogApi.of(client), Platform::runLater);
        root = new StackPane(screen.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    /** An entry of the open ComboBox popup (table cells may carry the same text). */
    static javafx.scene.Node popupItem(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(text)).query();
    }

    @SuppressWarnings("unchecked")
    static TableView<Model> table(FxRobot robot) {
        return robot.lookup("#modelTable").queryAs(TableView.class);
    }

    @Test
    void filterSearchSelectAndSeeThePriceCard(FxRobot robot) throws TimeoutException {
        TableView<Model> table = table(robot);
        waitUntil(() -> table.getItems().size() == platform.modelCount());
        assertThat(robot.lookup("#countLabel").queryAs(Label.class).getText()).isEqualTo(platform.modelCount() + " models");

        robot.clickOn("#modalityFilter").clickOn(popupItem(robot, "Image"));
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(m -> m.modality().equals("image")));
        int images = table.getItems().size();
        assertThat(robot.lookup("#countLabel").queryAs(Label.class).getText()).isEqualTo(images + " of " + platform.modelCount() + " match");

        ComboBox<String> providers = robot.lookup("#providerFilter").queryAs(ComboBox.class);
        waitUntil(() -> providers.getItems().size() > 1);
        String provider = table.getItems().get(0).provider();
        robot.clickOn("#providerFilter").clickOn(popupItem(robot, provider));
        waitUntil(() -> table.getItems().stream().allMatch(m -> m.provider().equals(provider) && m.modality().equals("image")));

        robot.clickOn("#clearFiltersButton");
        waitUntil(() -> table.getItems().size() == platform.modelCount());

        Model target = table.getItems().stream().filter(m -> m.modality().equals("chat")).findFirst().orElseThrow();
        String word = target.name().split(" ")[0];
        // Enter applies the search at once: a keystroke slower than the settle time would search a prefix first, and its
        // late reload would clear the row picked below
        robot.clickOn("#searchField").write(word).type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(m -> (m.name() + m.slug() + m.family() + m.provider()).toLowerCase().contains(word.toLowerCase())));

        robot.clickOn(target.name());
        waitUntil(() -> robot.lookup("#detailPane").query().isVisible());
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo(target.name());
        TableView<CatalogViewModel.PriceRow> card = robot.lookup("#priceCardTable").queryAs(TableView.class);
        assertThat(card.getItems()).hasSize(target.priceCard().size());
        assertThat(card.getItems().get(0).api()).isEqualTo(CatalogLabels.money(target.priceCard().get(0).api(), target.currency()));
        assertThat(card.getItems().get(0).api()).startsWith("$");
        assertThat(robot.lookup("#fact-id").queryAs(Label.class).getText()).isEqualTo(target.id());
    }

    @Test
    void aStoppedPlatformGivesAReadableErrorAndRetry(FxRobot robot) throws Exception {
        // This test stops its platform, so it gets one of its own rather than the shared one.
        platform = PlatformFixture.start();
        PlatformClient own = platform.client();
        WaitForAsyncUtils.asyncFx(() -> {
            screen.close();
            client.close();
            client = own;
            screen = CatalogScreen.open(CatalogApi.of(own), Platform::runLater);
            root.getChildren().setAll(screen.view());
        }).get(10, TimeUnit.SECONDS);
        // The table sits in a SplitPane, whose skin adds it to the scene graph on the next pulse.
        waitUntil(() -> robot.lookup("#modelTable").tryQuery().isPresent());
        TableView<Model> table = table(robot);
        waitUntil(() -> table.getItems().size() == platform.modelCount());
        String url = platform.baseUrl();
        platform.close();

        robot.clickOn("#refreshButton");
        waitUntil(() -> robot.lookup("#placeholderButton").queryAs(Button.class).isVisible());
        assertThat(robot.lookup("#placeholderButton").queryAs(Button.class).getText()).isEqualTo("Retry");
        String message = robot.lookup("#placeholderMessage").queryAs(Label.class).getText();
        assertThat(message).startsWith("Can't reach " + url + ": connection refused").doesNotContain("Exception");
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#placeholderButton");
        waitUntil(() -> robot.lookup("#placeholderButton").queryAs(Button.class).isVisible()
                && robot.lookup("#placeholderMessage").queryAs(Label.class).getText().startsWith("Can't reach"));
    }
}
