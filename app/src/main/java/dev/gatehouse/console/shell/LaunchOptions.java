package dev.gatehouse.console.shell;

/**
 * How the console was started. {@code url == null} means demo mode: start the embedded platform
 * through {@link DemoPlatform} and connect as {@code demoRole}. {@code area} is the rail entry to open after the first
 * sign-in (its id, e.g. "abuse"); null opens the first built one.
 */
public record LaunchOptions(String url, String token, String theme, String demoRole, String area) {}
