package dev.gatehouse.gateway.plane;

import java.util.Map;

/**
 * The data plane's refusals in OpenAI's vocabulary ({@code type} and {@code code} as OpenAI's API uses them, so SDKs
 * and clients written for it read them). Every message says what to fix.
 */
public final class PlaneErrors {
    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String SERVER = "server_error";

    private PlaneErrors() {}

    public static PlaneRefusal unauthorized(String code, String message) {
        return new PlaneRefusal(401, AUTHENTICATION, code, null, message, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static PlaneRefusal forbidden(String code, String message) {
        return new PlaneRefusal(403, PERMISSION, code, null, message);
    }

    public static PlaneRefusal badRequest(String param, String code, String message) {
        return new PlaneRefusal(400, INVALID_REQUEST, code, param, message);
    }

    /** OpenAI's answer for a model that does not exist or that the key may not use. */
    public static PlaneRefusal modelNotFound(String model) {
        return new PlaneRefusal(404, INVALID_REQUEST, "model_not_found", "model",
                "The model '" + model + "' does not exist or you do not have access to it. GET /v1/models lists the models this key may use.");
    }

    public static PlaneRefusal notFound(String code, String message) {
        return new PlaneRefusal(404, INVALID_REQUEST, code, null, message);
    }

    /** An error Javalin or Jetty raised before a plane handler ran (unknown path, wrong method, body too large …). */
    public static PlaneRefusal forStatus(int status, String message) {
        return switch (status) {
            case 401 -> unauthorized("invalid_api_key", message);
            case 403 -> forbidden("forbidden", message);
            case 404 -> notFound("unknown_url", message);
            case 405 -> new PlaneRefusal(405, INVALID_REQUEST, "method_not_allowed", null, message);
            case 413 -> new PlaneRefusal(413, INVALID_REQUEST, "request_too_large", null, message);
            case 429 -> new PlaneRefusal(429, "rate_limit_exceeded", "rate_limit_exceeded", null, message);
            default -> status >= 500 ? new PlaneRefusal(status, SERVER, null, null, message)
                    : new PlaneRefusal(status, INVALID_REQUEST, null, null, message);
        };
    }
}
