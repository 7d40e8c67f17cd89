package dev.gatehouse.console.app;

import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.FailureAlert;
import dev.gatehouse.console.shell.LaunchOptions;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.console.shell.UncaughtFailures;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** The JavaFX application. Launched by {@link ConsoleLauncher}; not the jar's main class (JavaFX needs that). */
public final class ConsoleApp extends Application {
    static volatile LaunchOptions options;
    static volatile DemoPlatform demo;
    static volatile Path logFile;

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        new UncaughtFailures(logFile, Platform::runLater, new FailureAlert(() -> stage, logFile)).install();
        window = new ConsoleWindow(demo, Theme.parse(options.theme()), ConsoleAreas.all(), Clock.systemDefaultZone());
        stage.setTitle("Gatehouse");
        stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResource("/icons/gatehouse-256.png")).toExternalForm()));
        stage.setScene(window.scene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        window.begin(options);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
