package dev.gatehouse.gateway.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque keyset cursors: the sort key values of the last row returned, base64url-encoded.
 * Opaque to clients, so the encoding may change; a cursor that does not decode is a 400.
 */
public final class Cursor {
    private static final char SEP = '\u001f';

    private Cursor() {}

    public static String encode(String kind, String... keys) {
        StringBuilder sb = new StringBuilder(kind);
        for (String k : keys) {
            sb.append(SEP).append(k);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key values of {@code ?cursor=}, which must have been made by {@link #encode} with this kind and arity. */
    public static Optional<List<String>> decode(Context ctx, String kind, int arity) {
        String raw = ctx.queryParam("cursor");
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        // Our keys never hold control characters; PostgreSQL refuses NUL in text, which would be a 500.
        if (text.chars().anyMatch(c -> c != SEP && Character.isISOControl(c))) {
            throw malformed();
        }
        List<String> parts = new ArrayList<>(List.of(text.split(String.valueOf(SEP), -1)));
        if (parts.size() != arity + 1 || !parts.get(0).equals(kind)) {
            throw malformed();
        }
        return Optional.of(parts.subList(1, parts.size()));
    }

    private static ApiException malformed() {
        return ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
    }
}
