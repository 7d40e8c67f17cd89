package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Problem;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
        } catch (ApiException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException e) { // Jetty reports a broken chunk as an IOException or BadMessageException
            throw ApiException.badRequest("The request body could not be read (a broken chunked encoding, or the connection"
                    + " ended early: " + e.getMessage() + "). Send the JSON body again, with a Content-Length.");
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
        check(body);
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
        } catch (StreamConstraintsException e) {
            throw overLimit(e);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (ApiException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException e) { // Jetty reports a broken chunk as an IOException or BadMessageException
            throw ApiException.badRequest("The request body could not be read (a broken chunked encoding, or the connection"
                    + " ended early: " + e.getMessage() + "). Send the JSON body again, with a Content-Length.");
        }
    }

    /**
     * Like {@link #parse}, but unknown fields are a 422 with one field error for each of them (all at once, nested
     * ones named by their path), for the routes that declare so through {@code Routes.Body.unknownFieldsAsFieldErrors}.
     */
    public static <T> T parseUnknownAsFieldErrors(byte[] body, Class<T> type) {
        if (body.length > 0) {
            check(body);
            List<Problem.FieldError> unknown = unknownFields(body, type);
            if (!unknown.isEmpty()) {
                throw ApiException.validation(unknown);
            }
        }
        return parse(body, type);
    }

    /** Binds the body's tree, taking out each unknown field the binding names, until none is left or it fails otherwise. */
    private static List<Problem.FieldError> unknownFields(byte[] body, Class<?> type) {
        JsonNode tree;
        try {
            tree = Json.strict().readTree(body);
        } catch (IOException e) {
            return List.of(); // parse() names what is wrong with it
        }
        List<Problem.FieldError> out = new ArrayList<>();
        for (int i = 0; i < 100 && tree != null && tree.isObject(); i++) {
            try {
                Json.strict().treeToValue(tree, type);
                return out;
            } catch (UnrecognizedPropertyException e) {
                JsonNode parent = tree;
                List<JsonMappingException.Reference> refs = e.getPath();
                for (JsonMappingException.Reference r : refs.subList(0, Math.max(0, refs.size() - 1))) {
                    parent = r.getFieldName() != null ? parent.path(r.getFieldName()) : parent.path(r.getIndex());
                }
                if (!(parent instanceof ObjectNode object) || object.remove(e.getPropertyName()) == null) {
                    return out;
                }
                String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
                out.add(new Problem.FieldError(fieldPath(e), "unknown field; leave it out (allowed fields are " + known + ")"));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return out; // another problem: parse() reports it when no field is unknown
            }
        }
        return out;
    }

    /**
     * Reads every token before binding, because binding stops at the first wrong type and would leave the rest
     * unchecked: the stream limits (Json.MAX_*) then hold for the whole body, and every string in it is checked
     * for control characters, once, whatever type it binds to.
     */
    private static void check(byte[] body) {
        try (JsonParser p = Json.strict().getFactory().createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    String text = p.getText();
                    int bad = PlainText.firstControlCharacter(text);
                    if (bad >= 0) {
                        String field = path(p.getParsingContext());
                        String message = PlainText.describe(text.charAt(bad));
                        throw ApiException.validation(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw overLimit(e);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (ApiException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException e) { // Jetty reports a broken chunk as an IOException or BadMessageException
            throw ApiException.badRequest("The request body could not be read (a broken chunked encoding, or the connection"
                    + " ended early: " + e.getMessage() + "). Send the JSON body again, with a Content-Length.");
        }
    }

    /** The field a value sits in, written like Jackson's binding errors name it: {@code a.b.[2]}. */
    private static String path(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        return String.join(".", parts);
    }

    private static ApiException notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return ApiException.badRequest("The request body is not valid JSON"
                + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
    }

    /** Jackson's stream limits, named in this API's words (its message cites its own method names). */
    private static ApiException overLimit(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String detail;
        if (m.startsWith("Document nesting depth")) {
            detail = "nesting depth: objects and arrays may nest at most " + Json.MAX_NESTING_DEPTH + " deep";
        } else if (m.startsWith("Number value length")) {
            detail = "number length: a number may have at most " + Json.MAX_NUMBER_LENGTH + " characters";
        } else if (m.startsWith("String value length")) {
            detail = "string length: a string may have at most " + Json.MAX_STRING_LENGTH + " characters";
        } else if (m.startsWith("Name length")) {
            detail = "name length: a field name may have at most " + Json.MAX_NAME_LENGTH + " characters";
        } else {
            detail = "the body is past this API's JSON limits";
        }
        return new ApiException(ProblemType.JSON_LIMITS, "The request body exceeds a JSON limit, " + detail + ".");
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
