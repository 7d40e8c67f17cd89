package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.http.ErrorDialect;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/**
 * Every error on /v1 in OpenAI's shape {@code {"error": {"message", "type", "param", "code"}}}, whoever raised it: a
 * plane handler ({@link PlaneRefusal}), Javalin (unknown path, wrong method, body over 1 MiB) or Jetty.
 */
public final class PlaneErrorDialect implements ErrorDialect {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    @Override
    public boolean covers(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    @Override
    public void write(Context ctx, int status, String message) {
        write(ctx, PlaneErrors.forStatus(status, message));
    }

    @Override
    public byte[] body(int status, String message) {
        return json(PlaneErrors.forStatus(status, message));
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** The refusal as the answer: status, its headers, the OpenAI error body. */
    public static void write(Context ctx, PlaneRefusal refusal) {
        refusal.headers().forEach(ctx::header);
        ctx.status(refusal.status()).contentType(CONTENT_TYPE).result(json(refusal));
    }

    static byte[] json(PlaneRefusal r) {
        try {
            return Json.mapper().writeValueAsBytes(new OpenAiShapes.ErrorBody(
                    new OpenAiShapes.ErrorDetail(r.getMessage(), r.type(), r.param(), r.code())));
        } catch (JsonProcessingException e) {
            return ("{\"error\":{\"message\":\"error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
