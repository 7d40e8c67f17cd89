package dev.gatehouse.gateway;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Real HTTP against a running gateway, for endpoint tests. */
public final class GatewayHttpClient {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .build();

    private final String baseUrl;

    public GatewayHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A finished exchange: status, headers and the body as text. */
    public record Reply(int status, Headers headers, String body) {
        public String contentType() {
            String value = headers.get("Content-Type");
            return value == null ? "" : value;
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public <T> T as(TypeReference<T> type) {
            try {
                return Json.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type.getType() + " from " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return Json.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type + " from " + body, e);
            }
        }
    }

    public Reply get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).get().build());
    }

    public Reply get(String path, Headers headers) {
        return send(request(path).headers(headers).get().build());
    }

    public Reply send(String method, String path, String token, String contentType, byte[] body) {
        return send(request(path).header("Authorization", "Bearer " + token)
                .method(method, RequestBody.create(body, MediaType.get(contentType))).build());
    }

    public Reply send(Request request) {
        try (Response r = HTTP.newCall(request).execute()) {
            Reply reply = new Reply(r.code(), r.headers(), r.body() == null ? "" : r.body().string());
            dev.gatehouse.gateway.contract.OpenApiContract.check(request, reply.status(), reply.headers(), reply.body());
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl + path);
    }
}
