package dev.gatehouse.gateway.plane;

import java.util.Map;

/**
 * A data-plane request refused with an OpenAI-shaped error: {@code {"error": {"message", "type", "code", "param"}}}
 * plus any headers (Retry-After and x-ratelimit-* on 429). Thrown by every enforcement step; the plane's routes turn
 * it into the response, so a refusal never becomes a 500.
 */
public final class PlaneRefusal extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> headers;

    public PlaneRefusal(int status, String type, String code, String param, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.headers = Map.copyOf(headers);
    }

    public PlaneRefusal(int status, String type, String code, String param, String message) {
        this(status, type, code, param, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
