package dev.gatehouse.console.shell;

import javafx.application.Application;

/**
 * Starts the JavaFX console. When its window closes the process ends, taking the embedded demo
 * platform (if any) with it through its shutdown hook.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void launch(LaunchOptions options, DemoPlatform demo) {
        ConsoleApp.options = options;
        ConsoleApp.demo = demo;
        Application.launch(ConsoleApp.class);
        System.exit(0);
    }
}
