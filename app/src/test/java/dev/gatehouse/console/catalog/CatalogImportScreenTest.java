package dev.gatehouse.console.catalog;

import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.api.Model;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Catalog screen's import flow on an empty platform: choose a small LiteLLM file, check its preview, import it. */
@ExtendWith(ApplicationExtension.class)
class CatalogImportScreenTest {
    TestGateway gw;
    PlatformClient client;
    CatalogScreen screen;

    @Start
    void start(Stage stage) {
        gw = new TestGateway(Database.inMemory());
        client = new PlatformClient("http://127.0.0.1:" + gw.server().port(), gw.token(Role.OPS));
        screen = CatalogScreen.open(CatalogApi.of(client), Platform::runLater, CatalogImportApi.of(client));
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        client.close();
        gw.close();
    }

    static Path sample(String name) throws URISyntaxException {
        return Path.of(CatalogImportScreenTest.class.getResource("/catalogimport/" + name).toURI());
    }

    @Test
    void aSmallLiteLlmCatalogIsPreviewedThenImported(FxRobot robot) throws Exception {
        robot.clickOn("#importCatalogButton");
        Path file = sample("litellm-sample.json");
        WaitForAsyncUtils.asyncFx(() -> screen.importFlow().choose(file)).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        TableView<CatalogImportLine> preview = robot.lookup("#importTable").queryAs(TableView.class);
        waitUntil(() -> preview.getItems().size() == 9);
        assertThat(robot.lookup("#importSummary").queryLabeled().getText()).startsWith("5 new · 0 changed").contains("4 unsupported");
        assertThat(preview.getItems().get(1).slug()).isEqualTo("acme-chat-large");
        assertThat(robot.lookup("#importCommitButton").queryButton().getText()).isEqualTo("Import 5 models");
        assertThat(robot.lookup("#importCommitButton").queryButton().isDisabled()).as("a reason first").isTrue();

        robot.clickOn("#importReason").write("first catalog of the platform");
        robot.clickOn("#importCommitButton");
        waitUntil(() -> screen.importFlow().stageProperty().get() == CatalogImportViewModel.Stage.DONE);
        robot.clickOn("#importCloseButton");
        @SuppressWarnings("unchecked")
        TableView<Model> models = robot.lookup("#modelTable").queryAs(TableView.class);
        waitUntil(() -> models.getItems().size() == 5);
    }

    @Test
    void aMalformedFileShowsItsErrorsLineByLine(FxRobot robot) throws Exception {
        robot.clickOn("#importCatalogButton");
        Path file = sample("litellm-malformed.json");
        WaitForAsyncUtils.asyncFx(() -> screen.importFlow().choose(file)).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        ListView<String> errors = robot.lookup("#importErrors").queryAs(ListView.class);
        waitUntil(() -> !errors.getItems().isEmpty() && errors.isVisible());
        assertThat(errors.getItems()).anySatisfy(e -> assertThat(e).startsWith("line 21 teleporter.mode"));
        assertThat(robot.lookup("#importCommitButton").queryButton().isDisabled()).isTrue();
        assertThat(Files.exists(file)).isTrue();
    }
}
