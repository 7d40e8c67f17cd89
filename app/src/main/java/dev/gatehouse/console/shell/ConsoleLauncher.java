package dev.gatehouse.console.shell;

/** Starts the JavaFX console. Owned by the console shell. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void launch(LaunchOptions options, DemoPlatform demo) {
        throw new IllegalStateException("console shell is being built");
    }
}
