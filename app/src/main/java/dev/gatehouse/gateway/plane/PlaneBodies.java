package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gatehouse.api.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.List;
import java.util.Optional;

/**
 * Request bodies of the data plane: one JSON object (at most 1 MiB, which Javalin enforces with 413; nesting, number
 * and string bounds of the shared mapper), read field by field so a wrong type names its parameter in the 400, as
 * OpenAI's API does. Unknown fields are ignored, as OpenAI's API ignores parameters a model does not use.
 */
public final class PlaneBodies {
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PlaneBodies() {}

    /**
     * The request's body as a JSON object. A body that cannot be read (a broken chunked encoding, a connection that
     * stops mid-body) is a 400, not Javalin's empty 500; one over 1 MiB stays Javalin's 413.
     */
    public static JsonNode object(Context ctx) {
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException tooLarge) {
            throw tooLarge;
        } catch (Exception unreadable) { // Javalin (Kotlin) passes Jetty's IOException through undeclared
            throw PlaneErrors.badRequest(null, "invalid_body", "The request body could not be read (a broken chunked encoding,"
                    + " or the connection ended early). Send the JSON body with a Content-Length.");
        }
        return object(body);
    }

    /** The body as a JSON object, or a 400 that says what is wrong with it. */
    public static JsonNode object(byte[] body) {
        if (body.length == 0) {
            throw PlaneErrors.badRequest(null, "invalid_json", "The request body is empty. Send a JSON object"
                    + " with Content-Type: application/json.");
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw PlaneErrors.badRequest(null, "invalid_json", "The JSON body nests deeper than " + Json.MAX_NESTING_DEPTH
                    + " levels or holds a number or string past the gateway's limits.");
        } catch (JacksonException e) {
            throw PlaneErrors.badRequest(null, "invalid_json", "We could not parse the JSON body of your request: "
                    + e.getOriginalMessage() + ". Send a JSON object.");
        } catch (java.io.IOException e) {
            throw PlaneErrors.badRequest(null, "invalid_json", "We could not read the request body. Send a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw PlaneErrors.badRequest(null, "invalid_json", "The request body must be a JSON object, not "
                    + (node == null ? "nothing" : kind(node)) + ".");
        }
        return node;
    }

    /** A required non-blank string. */
    public static String requiredString(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw PlaneErrors.badRequest(field, "missing_required_parameter", "Missing required parameter: '" + field + "'.");
        }
        String s = string(v, field);
        if (s.isBlank()) {
            throw PlaneErrors.badRequest(field, "invalid_value", "'" + field + "' must not be empty.");
        }
        return s;
    }

    public static Optional<String> optionalString(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(string(v, field));
    }

    private static String string(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw PlaneErrors.badRequest(field, "invalid_type", "Invalid type for '" + field + "': expected a string, but got "
                    + kind(v) + ".");
        }
        return text(v.textValue(), field);
    }

    /**
     * {@code s} if it holds no C0 control character other than tab, newline and carriage return; else a 400 naming
     * {@code param}. PostgreSQL refuses NUL in a text column, and a NUL that reached the request log would fail the
     * meter's batched write for every request in it; other controls have no business in a prompt or a model name.
     */
    public static String text(String s, String param) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw PlaneErrors.badRequest(param, "invalid_value", "Invalid value for '" + param + "': it holds the control"
                        + " character U+" + String.format("%04X", (int) c) + " at position " + i + ". Remove it; of the control"
                        + " characters only tab, newline and carriage return are accepted.");
            }
        }
        return s;
    }

    /** An optional whole number in [min, max]. */
    public static Optional<Integer> optionalInt(JsonNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw PlaneErrors.badRequest(field, v.isNumber() ? "invalid_value" : "invalid_type", "Invalid value for '" + field
                    + "': expected a whole number from " + min + " to " + max + ", but got " + kind(v) + ".");
        }
        return Optional.of(range(field, v.intValue(), min, max));
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw PlaneErrors.badRequest(field, "invalid_value", "Invalid value for '" + field + "': " + value
                    + " is not from " + min + " to " + max + ".");
        }
        return value;
    }

    /** An optional number in [min, max] (temperature, top_p …): checked, then unused by canned answers. */
    public static void optionalNumber(JsonNode body, String field, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isNumber()) {
            throw PlaneErrors.badRequest(field, "invalid_type", "Invalid type for '" + field + "': expected a number, but got "
                    + kind(v) + ".");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw PlaneErrors.badRequest(field, "invalid_value", "Invalid value for '" + field + "': must be from " + min
                    + " to " + max + ".");
        }
    }

    public static Optional<Boolean> optionalBoolean(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw PlaneErrors.badRequest(field, "invalid_type", "Invalid type for '" + field + "': expected a boolean, but got "
                    + kind(v) + ".");
        }
        return Optional.of(v.booleanValue());
    }

    /** A string that must be one of {@code allowed}. */
    public static Optional<String> optionalChoice(JsonNode body, String field, List<String> allowed) {
        Optional<String> v = optionalString(body, field);
        v.ifPresent(s -> {
            if (!allowed.contains(s)) {
                throw PlaneErrors.badRequest(field, "invalid_value", "Invalid value for '" + field + "': '" + shortened(s)
                        + "'. Supported values are: " + String.join(", ", allowed) + ".");
            }
        });
        return v;
    }

    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a value of another kind";
        };
    }

    /** A value quoted back in a message, cut to 100 characters. */
    public static String shortened(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
