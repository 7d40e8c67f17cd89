package dev.gatehouse.screens;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.app.ConsoleAreas;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.ConnectViewModel;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.FailureAlert;
import dev.gatehouse.console.shell.UncaughtFailures;
import dev.gatehouse.console.shell.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Renders every built screen, light and dark, to target/screens/&lt;name&gt;-&lt;theme&gt;.png for a person to look at. */
class ScreensTest {
    static PlatformFixture platform;
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        platform = PlatformFixture.shared();
        dir = Path.of(System.getProperty("screens.dir", "target/screens"));
        Files.createDirectories(dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        platform.close();
    }

    DemoPlatform demo() {
        return () -> new DemoPlatform.Connection(platform.baseUrl(), Map.of("lead", platform.token()));
    }

    /**
     * The window's scene at its default size (1400×880). It is rendered by snapshot without a stage:
     * Monocle's headless screen is smaller than that and cannot host a window this large.
     */
    ConsoleWindow show(Theme theme) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ConsoleWindow w = new ConsoleWindow(demo(), theme, ConsoleAreas.all());
            Scene scene = w.scene();
            scene.getRoot().applyCss();
            return w;
        }).get(30, TimeUnit.SECONDS); // the first window loads every stylesheet and font: slow on a busy machine
    }

    /** Looks a node up after a CSS and layout pass (the scene has no window to run pulses for it). */
    static <T extends Node> Optional<T> find(ConsoleWindow w, String id, Class<T> type) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                w.root().applyCss();
                w.root().layout();
                return Optional.ofNullable(w.root().getScene().lookup("#" + id)).map(type::cast);
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path save(ConsoleWindow w, String name, Theme theme) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> w.root().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Path file = dir.resolve(name + "-" + theme.name().toLowerCase() + ".png");
        ImageIO.write(png, "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(10_000);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void connectWindow(Theme theme) throws Exception {
        ConsoleWindow w = show(theme);
        save(w, "connect", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void connectWindowWithAnUnreachablePlatform(Theme theme) throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        ConsoleWindow w = show(theme);
        int port = dead;
        WaitForAsyncUtils.asyncFx(() -> {
            w.connectViewModel().urlProperty().set("http://127.0.0.1:" + port);
            w.connectViewModel().tokenProperty().set("op-token-typed-by-hand");
            w.connectViewModel().connect();
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> find(w, "retryButton", Button.class).map(Node::isVisible).orElse(false));
        assertThat(find(w, "errorLabel", Label.class).orElseThrow().getText()).startsWith("Can't reach http://127.0.0.1:" + port);
        save(w, "connect-error", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void catalogWithASelectedModel(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, platform.client());
        @SuppressWarnings("unchecked")
        TableView<Model> table = find(w, "modelTable", TableView.class).orElseThrow();
        waitUntil(() -> table.getItems().size() == platform.modelCount());
        WaitForAsyncUtils.asyncFx(() -> {
            int row = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).modality().equals("image")) {
                    row = i;
                    break;
                }
            }
            table.getSelectionModel().select(row);
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> find(w, "detailPane", Node.class).map(Node::isVisible).orElse(false));
        save(w, "catalog", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void catalogWhenThePlatformStopsAnswering(Theme theme) throws Exception {
        PlatformFixture lost = PlatformFixture.start();
        ConsoleWindow w = signedIn(theme, lost.client());
        @SuppressWarnings("unchecked")
        TableView<Model> table = find(w, "modelTable", TableView.class).orElseThrow();
        waitUntil(() -> table.getItems().size() == lost.modelCount());
        lost.close();
        WaitForAsyncUtils.asyncFx(() -> find(w, "refreshButton", Button.class).orElseThrow().fire()).get(5, TimeUnit.SECONDS);
        waitUntil(() -> find(w, "placeholderButton", Button.class).map(Node::isVisible).orElse(false));
        save(w, "catalog-error", theme);
    }

    /** What an operator sees when the console hits a bug: a sentence and the log's path, never a stack trace. */
    @ParameterizedTest
    @EnumSource(Theme.class)
    void failureDialog(Theme theme) throws Exception {
        show(theme); // applies the theme
        Path log = Path.of(System.getProperty("user.home"), ".gatehouse", "logs", "console.log");
        List<String> told = new ArrayList<>();
        UncaughtFailures.Dialog capture = new UncaughtFailures.Dialog() {
            @Override public void show(String message, Runnable closed) { told.add(message); }
            @Override public void update(String message) { told.add(message); }
        };
        new UncaughtFailures(log, Runnable::run, capture)
                .uncaughtException(Thread.currentThread(), new IllegalStateException("Row 12 of the keys table has no account"));
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setHeaderText("Something went wrong");
            FailureAlert.fill(alert.getDialogPane(), told.get(0), log);
            Scene scene = alert.getDialogPane().getScene();
            scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        assertThat(told.get(0)).contains(log.toString()).doesNotContain("\tat ");
        Path file = dir.resolve("failure-dialog-" + theme.name().toLowerCase() + ".png");
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(png, "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(5_000);
    }

    ConsoleWindow signedIn(Theme theme, PlatformClient client) throws Exception {
        ConsoleWindow w = show(theme);
        ConnectViewModel.SignedIn session = new ConnectViewModel.SignedIn(client, client.me().get(10, TimeUnit.SECONDS), true);
        WaitForAsyncUtils.asyncFx(() -> w.showShell(session)).get(5, TimeUnit.SECONDS);
        return w;
    }
}
