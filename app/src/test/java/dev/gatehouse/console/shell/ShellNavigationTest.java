package dev.gatehouse.console.shell;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.app.ConsoleAreas;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.keys.KeyMode;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Role;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator working the Keys queue looks something up in the Catalog and comes back to the same place. */
@ExtendWith(ApplicationExtension.class)
class ShellNavigationTest {
    static PlatformFixture platform;
    ConsoleWindow window;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformFixture.shared(); // before @Start: seeding takes longer than TestFX waits for a stage
    }

    @Start
    void start(Stage stage) throws Exception {
        DemoPlatform demo = () -> new DemoPlatform.Connection(platform.baseUrl(), Map.of("lead", platform.token()));
        window = new ConsoleWindow(demo, Theme.LIGHT, ConsoleAreas.all());
        PlatformClient client = platform.client(Role.LEAD);
        ConnectViewModel.SignedIn session = new ConnectViewModel.SignedIn(client, client.me().get(10, TimeUnit.SECONDS), true);
        window.showShell(session);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    static int firstVisibleRow(TableView<?> table) throws Exception {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            return flow.getFirstVisibleCell().getIndex();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void keysKeepFiltersSelectionAndScrollAcrossATripToTheCatalog(FxRobot robot) throws Exception {
        robot.clickOn("#nav-keys");
        waitUntil(() -> robot.lookup("#keysTable").tryQuery().isPresent());
        TableView<ApiKey> keys = robot.lookup("#keysTable").queryAs(TableView.class);
        waitUntil(() -> keys.getItems().size() > 50);

        robot.clickOn("#keyModeFilter").clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Live"))
                .queryAs(Node.class));
        robot.clickOn("#keyStatusFilter").clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Active"))
                .queryAs(Node.class));
        waitUntil(() -> keys.getItems().size() > 50
                && keys.getItems().stream().allMatch(k -> k.status().equals("active") && k.mode().equals("live")));
        robot.clickOn("#keyPrefixField").write("sk-live-").type(javafx.scene.input.KeyCode.ENTER);
        Node loadingBar = robot.lookup("#keysLoadingBar").query();
        waitUntil(() -> !loadingBar.isVisible() && keys.getItems().size() > 50);

        int row = 40;
        fx(() -> {
            keys.scrollTo(row - 5);
            keys.getSelectionModel().select(row);
            return null;
        });
        ApiKey selected = keys.getItems().get(row);
        waitUntil(() -> robot.lookup("#keyTitle").queryAs(Label.class).getText().equals(selected.masked())
                && robot.lookup("#keyAccountLink").tryQuery().map(Node::isVisible).orElse(false));
        int scrolledTo = firstVisibleRow(keys);
        assertThat(scrolledTo).as("the table is scrolled down").isGreaterThan(20);
        var rowsBefore = keys.getItems();
        int countBefore = rowsBefore.size();

        robot.clickOn("#nav-catalog");
        waitUntil(() -> robot.lookup("#modelTable").tryQuery().isPresent() && robot.lookup("#keysTable").tryQuery().isEmpty());
        waitUntil(() -> !robot.lookup("#modelTable").queryAs(TableView.class).getItems().isEmpty());

        robot.clickOn("#nav-keys");
        waitUntil(() -> robot.lookup("#keysTable").tryQuery().isPresent());
        assertThat(robot.lookup("#keysTable").queryAs(TableView.class)).as("the same screen, not a rebuilt one").isSameAs(keys);
        assertThat(robot.lookup("#keyStatusFilter").queryAs(ComboBox.class).getValue()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(robot.lookup("#keyModeFilter").queryAs(ComboBox.class).getValue()).isEqualTo(KeyMode.LIVE);
        assertThat(robot.lookup("#keyPrefixField").queryAs(TextField.class).getText()).isEqualTo("sk-live-");
        assertThat(keys.getItems()).as("the rows were not reloaded").isSameAs(rowsBefore).hasSize(countBefore);
        assertThat(keys.getSelectionModel().getSelectedItem()).isEqualTo(selected);
        assertThat(robot.lookup("#keyTitle").queryAs(Label.class).getText()).isEqualTo(selected.masked());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstVisibleRow(keys)).as("roughly the same scroll position").isBetween(scrolledTo - 2, scrolledTo + 2);

        // Alt+Down from anywhere on the screen moves to the next key, and its detail follows.
        robot.clickOn("#keyPrefixField");
        robot.press(javafx.scene.input.KeyCode.ALT).press(javafx.scene.input.KeyCode.DOWN)
                .release(javafx.scene.input.KeyCode.DOWN).release(javafx.scene.input.KeyCode.ALT);
        ApiKey next = keys.getItems().get(row + 1);
        waitUntil(() -> robot.lookup("#keyTitle").queryAs(Label.class).getText().equals(next.masked()));
        assertThat(keys.getSelectionModel().getSelectedItem()).isEqualTo(next);
    }
}
