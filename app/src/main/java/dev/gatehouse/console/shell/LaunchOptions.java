package dev.gatehouse.console.shell;

/**
 * How the console was started. {@code url == null} means demo mode: start the embedded platform
 * through {@link DemoPlatform} and connect as {@code demoRole}.
 */
public record LaunchOptions(String url, String token, String theme, String demoRole) {}
