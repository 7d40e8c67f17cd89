package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Problem;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/** Reads JSON request bodies with a hard 1 MiB cap and errors a person can act on. */
public final class RequestBodies {
    public static final int MAX_BYTES = 1 << 20;

    private RequestBodies() {}

    /** The raw body, refusing anything over 1 MiB with 413 even when no Content-Length was sent. */
    public static byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /** The body as {@code type}, read strictly: unknown fields and wrong types are 400s naming the field. */
    public static <T> T json(Context ctx, Class<T> type) {
        return parse(bytes(ctx), type);
    }

    /** A body already read with {@link #bytes}, parsed like {@link #json} (for handlers that also need the raw bytes). */
    public static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest("A JSON request body is required.");
        }
        try {
            T value = Json.strict().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalidField(e.getPropertyName(), "unknown field; allowed fields are "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
            if (field.isEmpty()) {
                throw ApiException.badRequest("The request body must be a JSON object.");
            }
            throw new ApiException(ProblemType.INVALID_PARAMETER, field + ": expected " + expected,
                    List.of(new Problem.FieldError(field, "expected " + expected)));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "an integer";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == java.math.BigDecimal.class) return "a decimal string such as \"12.50\"";
        if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "an object";
    }

    private static ApiException tooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "Request body is larger than 1 MiB.");
    }
}
