package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 11,000 seeded malformed requests across every /v1 endpoint (bad JSON, wrong types, huge values, odd headers and
 * methods, bad auth, unicode, hostile paths; some over raw sockets, since HTTP clients clean such requests up). Counts
 * the 5xx, which must be none, and checks that every error answer on /v1 is OpenAI-shaped. 10,000 go through the
 * in-test limits and meter (no 429 or 402 to stop them early, so they reach the body and model checks), 1,000 through
 * the real rate limits and credit meter.
 */
class PlaneFuzzTest {
    static final long SEED = 20261128L;
    static final int REQUESTS = 10_000;
    static final int STANDARD_REQUESTS = 1_000;

    static final List<String> ENDPOINTS = List.of("GET /v1/models", "POST /v1/chat/completions", "POST /v1/images/generations",
            "POST /v1/videos/generations", "GET /v1/videos/{id}");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    static final List<String> MODELS = List.of("openai/gpt-4o-mini", "openai/gpt-image-1", "openai/sora-2", "openai/sora-1",
            "openai/dall-e-2", "nobody/nothing", "", " ", "OPENAI/GPT-4O-MINI", "openai/gpt-4o-mini\u0000", "漢字/模型", "😀",
            "x".repeat(5000), "openai/", "/", "../../etc/passwd", "mdl_1");
    static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1", "2", "10", "11", "1.5", "-0.0", "1e308",
            "1e-400", "99999999999999999999999", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\"x\"", "\"1024x1024\"", "\"4\"",
            "\"-4\"", "\"1e3\"", "\"\\u0000\"", "\"\\ud800\"", "\"漢字\"", "\"😀\"", "\"" + "y".repeat(40_000) + "\"",
            "\"1280x720\"", "\"b64_json\"", "\"url\"", "\"user\"", "NaN", "Infinity", "\"\\x\"", "1" + "0".repeat(70));
    static final List<String> FIELDS = List.of("model", "messages", "stream", "stream_options", "max_tokens", "max_completion_tokens",
            "n", "temperature", "top_p", "prompt", "size", "seconds", "response_format", "user", "quality", "presence_penalty");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "garbage", "");
    static final List<String> HOSTILE_IDS = List.of("%00", "%zz", "%u0041", "..%2F..%2Fetc", "x".repeat(3000), "%E2%82",
            "%F0%9F%98%80", "video_", "video_01JD3K8Q2M7ZXW4R", "null", "-1", "a;b", "%0d%0aX-Injected:%201");

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int serverErrors;

    @Test
    void tenThousandMalformedRequestsGetNo5xx() throws Exception {
        Random rnd = new Random(SEED);
        long started = System.nanoTime();
        try (PlaneFixture plane = new PlaneFixture()) {
            fuzz(plane, rnd, REQUESTS, 5);
        }
        try (PlaneFixture standard = new PlaneFixture(Database.inMemory(), true)) {
            fuzz(standard, rnd, STANDARD_REQUESTS, 10);
        }
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("plane fuzz: %d requests in %d ms, 5xx: %d, by status: %s%n", total,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), serverErrors, byStatus);
        assertThat(total).isGreaterThanOrEqualTo(REQUESTS + STANDARD_REQUESTS);
        assertThat(failures).as("answers that are 5xx or not OpenAI-shaped").isEmpty();
        assertThat(serverErrors).isZero();
    }

    private void fuzz(PlaneFixture plane, Random rnd, int requests, int keysPerKind) throws Exception {
        List<String> good = new ArrayList<>();
        for (int i = 0; i < keysPerKind; i++) {
            good.add(plane.key(i % 3 == 2 ? "test" : "live").secret());
        }
        PlaneFixture.Key suspended = plane.key("live");
        PlaneFixture.Key revoked = plane.key("live");
        plane.gateway.post(Role.LEAD, "/admin/v1/keys/" + suspended.id() + "/actions", "{\"action\":\"suspend\",\"reason\":\"fuzz\"}");
        plane.gateway.post(Role.LEAD, "/admin/v1/keys/" + revoked.id() + "/actions", "{\"action\":\"revoke\",\"reason\":\"fuzz\"}");
        String video = plane.send(good.get(0), "POST", "/v1/videos/generations", "{\"model\":\"openai/sora-2\",\"prompt\":\"fuzz\"}")
                .json().path("id").asText("video_missing");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < requests; i++) {
            String auth = auth(rnd, good, suspended.secret(), revoked.secret());
            if (i % 8 == 7) {
                raw(plane, rnd, auth);
                continue;
            }
            String endpoint = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
            String method = rnd.nextInt(10) == 0 ? METHODS.get(rnd.nextInt(METHODS.size())) : endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                    .replace("{id}", rnd.nextInt(3) == 0 ? video : HOSTILE_IDS.get(rnd.nextInt(HOSTILE_IDS.size())));
            if (rnd.nextInt(25) == 0) {
                path = List.of("/v1", "/v1/", "/v1/models/x", "/v1/chat", "/v1/embeddings", "/v1/videos", "/v1/images/generations/1")
                        .get(rnd.nextInt(7));
            }
            byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null : body(rnd, endpoint);
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(plane.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                if (auth != null) b.header("Authorization", auth);
                if (body != null && rnd.nextInt(6) > 0) b.header("Content-Type", CONTENT_TYPES.get(rnd.nextInt(CONTENT_TYPES.size())));
                if (rnd.nextInt(10) == 0) b.header("Accept", rnd.nextBoolean() ? "text/event-stream" : "application/xml");
                if (rnd.nextInt(20) == 0) b.header("OpenAI-Organization", "org-" + "z".repeat(rnd.nextInt(200)));
            } catch (IllegalArgumentException refusedByClient) {
                raw(plane, rnd, auth); // the client will not send it: the raw socket will
                continue;
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            check(method + " " + path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), lineUnreadable(path));
        }
    }

    private static String auth(Random rnd, List<String> good, String suspended, String revoked) {
        return switch (rnd.nextInt(20)) { // half of them with a good key, so most reach the body and model checks
            case 0 -> null;
            case 1 -> "Bearer";
            case 2 -> "Bearer ";
            case 3 -> "Basic dXNlcjpwYXNz";
            case 4 -> "Bearer sk-live-" + "A".repeat(40);
            case 5 -> "Bearer " + suspended;
            case 6 -> "Bearer " + revoked;
            case 7 -> "bearer " + good.get(0);
            case 8 -> "Bearer sk-test-" + "x".repeat(rnd.nextInt(4000));
            case 9 -> "Bearer " + good.get(rnd.nextInt(good.size())) + " extra";
            default -> "Bearer " + good.get(rnd.nextInt(good.size()));
        };
    }

    /** A body built from the endpoint's fields with hostile values, or a broken document. */
    private static byte[] body(Random rnd, String endpoint) {
        switch (rnd.nextInt(20)) {
            case 0: return new byte[0];
            case 1: return "{\"model\":\"openai/gpt-4o-mini\",".getBytes(StandardCharsets.UTF_8);
            case 2: return "[".repeat(200).getBytes(StandardCharsets.UTF_8);
            case 3: return new byte[]{'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 4: return "\uFEFF{\"model\":\"openai/gpt-4o-mini\"}".getBytes(StandardCharsets.UTF_8);
            case 5: return "null".getBytes(StandardCharsets.UTF_8);
            case 6: return "{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8);
            case 7: return rnd.nextInt(10) == 0 ? ("{\"prompt\":\"" + "p".repeat((1 << 20) + 10) + "\"}").getBytes(StandardCharsets.UTF_8)
                    : "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);
            default: break;
        }
        StringBuilder sb = new StringBuilder("{");
        boolean video = endpoint.contains("videos");
        boolean image = endpoint.contains("images");
        sb.append("\"model\":").append(rnd.nextInt(5) == 0 ? VALUES.get(rnd.nextInt(VALUES.size()))
                : quote(MODELS.get(rnd.nextInt(MODELS.size()))));
        if (image || video) {
            sb.append(",\"prompt\":").append(rnd.nextInt(4) == 0 ? VALUES.get(rnd.nextInt(VALUES.size())) : "\"a lighthouse 漢字 😀\"");
        } else {
            sb.append(",\"messages\":").append(messages(rnd));
        }
        int extra = rnd.nextInt(5);
        for (int i = 0; i < extra; i++) {
            sb.append(',').append(quote(FIELDS.get(rnd.nextInt(FIELDS.size())))).append(':').append(VALUES.get(rnd.nextInt(VALUES.size())));
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String messages(Random rnd) {
        return switch (rnd.nextInt(12)) {
            case 0 -> "[]";
            case 1 -> "\"hello\"";
            case 2 -> "[{\"role\":\"user\"}]";
            case 3 -> "[{\"role\":\"wizard\",\"content\":\"x\"}]";
            case 4 -> "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]";
            case 5 -> "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]";
            case 6 -> "[null, 1, \"x\"]";
            case 7 -> "[{\"role\":\"assistant\",\"content\":null},{\"role\":\"user\",\"content\":\"\\u0000\\ud800 漢字 😀\"}]";
            case 8 -> "[{\"role\":\"user\",\"content\":{\"text\":\"x\"}}]";
            default -> "[{\"role\":\"user\",\"content\":\"What is a rate limit? " + rnd.nextInt(100) + "\"}]";
        };
    }

    /** A request over a raw socket: hostile method names, paths, header bytes and framing. */
    private void raw(PlaneFixture plane, Random rnd, String auth) throws IOException {
        String method = List.of("GET", "POST", "get", "FOO", "PROPFIND", "TRACE", "POST").get(rnd.nextInt(7));
        String path = List.of("/v1/models", "/v1/chat/completions", "/v1/videos/%00", "/v1/videos/%zz", "/v1/%2e%2e/admin/v1/me",
                "/v1/models?x=%u0041", "/v1//models", "/v1/videos/" + "é", "/v1/images/generations;a=b", "/v1/chat/completions?stream=1")
                .get(rnd.nextInt(10));
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        switch (rnd.nextInt(6)) {
            case 0 -> head.append("Authorization: Bearer sk-live-\u00e9\u00e8\r\n");
            case 1 -> head.append("Authorization: ").append(auth == null ? "" : auth).append("\r\nX-Odd: a\u0001b\r\n");
            case 2 -> head.append("Authorization: ").append(auth == null ? "Bearer" : auth).append("\r\nContent-Type: application/json\r\n");
            case 3 -> head.append("Authorization:").append(auth == null ? "" : auth).append("\r\n Folded: continuation\r\n");
            case 4 -> head.append("X-").append("h".repeat(9000)).append(": 1\r\n");
            default -> head.append("Authorization: ").append(auth == null ? "Bearer x" : auth).append("\r\nTransfer-Encoding: chunked\r\n");
        }
        byte[] body = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"raw\"}]}".getBytes(StandardCharsets.UTF_8);
        boolean chunked = head.indexOf("chunked") >= 0;
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            req.writeBytes(("\r\n" + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(body);
            req.writeBytes((rnd.nextBoolean() ? "\r\n0\r\n\r\n" : "\r\nzz\r\n").getBytes(StandardCharsets.US_ASCII));
        } else {
            req.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(body);
        }
        try (Socket s = new Socket("127.0.0.1", plane.gateway.server().port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(req.toByteArray());
                out.flush();
            } catch (IOException answeredEarly) {
                // the server answered from the head and closed: read that answer
            }
            byte[] answer = readAll(s.getInputStream());
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            int split = text.indexOf("\r\n\r\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String contentType = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
                responseBody = dechunk(responseBody);
            }
            check("raw " + method + " " + path, status, contentType, method.equals("HEAD") ? "" : responseBody, lineUnreadable(path));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server closed after answering
        }
        return out.toByteArray();
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) break;
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) break;
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /**
     * Whether Jetty refuses the request line itself (raw non-ASCII, a percent-escape it cannot decode, an encoded NUL):
     * it then has no path to answer by, and the answer is problem+json like the admin API's.
     */
    static boolean lineUnreadable(String path) {
        return !path.chars().allMatch(c -> c < 128) || path.matches(".*%(?![0-9A-Fa-f]{2}).*") || path.contains("%00");
    }

    private void check(String what, int status, String contentType, String body, boolean lineUnreadable) {
        byStatus.merge(status, 1, Integer::sum);
        if (status >= 500 || status < 100) {
            serverErrors += status >= 500 ? 1 : 0;
            failures.add(what + " → " + status + " " + shortened(body));
            return;
        }
        if (status < 400 || body == null || body.isEmpty()) {
            return;
        }
        if (contentType.startsWith("application/problem+json")) {
            if (!lineUnreadable) {
                failures.add(what + " → " + status + " problem+json on /v1: " + shortened(body));
            }
            return;
        }
        try {
            JsonNode e = Json.mapper().readTree(body).get("error");
            if (e == null || !e.path("message").isTextual() || !e.has("type") || !e.has("code") || !e.has("param")) {
                failures.add(what + " → " + status + " not OpenAI-shaped: " + shortened(body));
            }
        } catch (IOException notJson) {
            failures.add(what + " → " + status + " not JSON: " + shortened(body));
        }
        if (failures.size() > 50) {
            throw new AssertionError("too many failures: " + failures);
        }
    }

    private static String quote(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortened(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
