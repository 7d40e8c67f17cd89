package dev.gatehouse.gateway.http;

import dev.gatehouse.policy.StorableTime;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    /**
     * A cursor whose first key is an instant (a due or filed time, then an id): one whose time does not parse, or lies
     * outside what the database stores, was not made by this list.
     */
    public static Optional<List<String>> decodeTimed(Context ctx, String kind, int arity) {
        Optional<List<String>> after = decode(ctx, kind, arity);
        after.ifPresent(keys -> {
            try {
                if (!StorableTime.holds(Instant.parse(keys.get(0)))) {
                    throw malformed();
                }
            } catch (DateTimeParseException e) {
                throw malformed();
            }
        });
        return after;
    }

    private static ApiException malformed() {
        return ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
    }
}
