package dev.gatehouse.console.app;

import dev.gatehouse.console.shell.ConsoleLogFile;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.LaunchOptions;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Starts the JavaFX console. When its window closes the process ends, taking the embedded demo
 * platform (if any) with it through its shutdown hook.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void launch(LaunchOptions options, DemoPlatform demo) {
        ConsoleApp.logFile = openLog();
        ConsoleApp.options = options;
        ConsoleApp.demo = demo;
        Application.launch(ConsoleApp.class);
        System.exit(0);
    }

    /** The console's log file, or null (logging to stderr only) when it cannot be written. */
    private static Path openLog() {
        try {
            Path file = ConsoleLogFile.configure();
            LoggerFactory.getLogger(ConsoleLauncher.class).info("Gatehouse console starting; logging to {}", file);
            return file;
        } catch (Exception e) {
            System.err.println("The console logs to this terminal only: " + e.getMessage());
            return null;
        }
    }
}
