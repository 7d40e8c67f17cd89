package dev.gatehouse.gateway.http;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * Checks on the request line that Jetty lets through but Javalin would mishandle: it upper-cases method names
 * (so {@code get} was served as GET), and its decoding of path and query parameters throws on an escape that
 * is not {@code %} and two hex digits (such as the legacy {@code %u0041}), which was a 500.
 */
public final class RequestLine {
    private RequestLine() {}

    /** A before-handler for every path. */
    public static void check(Context ctx) {
        String method = ctx.req().getMethod();
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            throw ApiException.badRequest("HTTP method names are case-sensitive: send '" + method.toUpperCase(Locale.ROOT)
                    + "', not '" + method + "'.");
        }
        if (!wellEscaped(ctx.req().getRequestURI()) || !wellEscaped(ctx.req().getQueryString())) {
            throw ApiException.badRequest("The URL has a broken percent-escape: every '%' must be followed by two hex digits"
                    + " (encode a literal '%' as %25).");
        }
    }

    static boolean wellEscaped(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
