package dev.gatehouse.console.shell;

import java.util.Map;

/**
 * Starts the embedded demo platform. Implemented outside the console (it needs the gateway),
 * so the console itself only ever sees a URL and tokens, as with a remote platform.
 * Called off the FX thread; may take a few seconds.
 */
@FunctionalInterface
public interface DemoPlatform {
    Connection start() throws Exception;

    /** The platform's base URL and one operator token per role ("viewer", "support", ...). */
    record Connection(String baseUrl, Map<String, String> tokensByRole) {}
}
