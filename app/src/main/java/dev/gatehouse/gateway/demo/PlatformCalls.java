package dev.gatehouse.gateway.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The simulator's HTTP to one gateway, as any client would call it: the admin API with an operator token, and the
 * data plane with an API key. Real requests over loopback, nothing in-process.
 */
final class PlatformCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** An answer: its status and its JSON body (missing when it was not JSON). */
    record Answer(int status, JsonNode json) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String baseUrl;

    PlatformCalls(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An admin call, waited for (setup). */
    Answer admin(String token, String method, String path, Object body) {
        try {
            HttpResponse<String> r = http.send(request(token, method, path, body, Map.of()), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), parse(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway at " + baseUrl + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + path, e);
        }
    }

    /** An admin call, not waited for; completes with its status (0 when no answer came). */
    CompletableFuture<Integer> adminAsync(String token, String method, String path, Object body) {
        return send(request(token, method, path, body, Map.of()));
    }

    /** A data-plane POST with an API key; completes with its status (0 when no answer came). The body is read to its end. */
    CompletableFuture<Integer> plane(String secret, String path, Object body, Map<String, String> headers) {
        return send(request(secret, "POST", path, body, headers));
    }

    /** A data-plane GET, waited for (setup: the model list). */
    Answer planeGet(String secret, String path) {
        return admin(secret, "GET", path, null);
    }

    private CompletableFuture<Integer> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(e -> 0);
    }

    private HttpRequest request(String bearer, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer);
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return b.build();
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a request body", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
