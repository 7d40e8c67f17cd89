package dev.gatehouse.gateway.http;

import io.javalin.http.Context;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Whitelisted query parameters (DESIGN §3 "filters and sort keys are whitelisted"). */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private QueryParams() {}

    /** {@code limit}: an integer in 1..200, 50 when absent. */
    public static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("limit", "must be a whole number between 1 and " + MAX_LIMIT + ", got '" + raw + "'");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }

    /** An optional filter whose value must be one of {@code allowed}. */
    public static Optional<String> oneOf(Context ctx, String name, Set<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (!allowed.contains(raw)) {
            throw ApiException.invalidField(name, "unknown value '" + raw + "'; use one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return Optional.of(raw);
    }

    /** An optional free-text parameter, trimmed, at most {@code maxLength} characters. */
    public static Optional<String> text(Context ctx, String name, int maxLength) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // PostgreSQL refuses NUL in text, so control characters would otherwise surface as a 500.
        // A query is one line: unlike body text (PlainText), it takes no newline or tab either.
        int bad = raw.chars().filter(Character::isISOControl).findFirst().orElse(-1);
        if (bad >= 0) {
            throw ApiException.invalidField(name, String.format("must not contain control characters (found U+%04X)", bad));
        }
        String trimmed = raw.strip();
        if (trimmed.length() > maxLength) {
            throw ApiException.invalidField(name, "must be at most " + maxLength + " characters");
        }
        return Optional.of(trimmed);
    }
}
