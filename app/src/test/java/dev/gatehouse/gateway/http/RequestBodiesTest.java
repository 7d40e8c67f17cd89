package dev.gatehouse.gateway.http;

import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.GatewayHttpClient;
import io.javalin.Javalin;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 1 MiB body cap and strict parsing, through a test-only route configured like GatewayServer
 * (no POST/PATCH route of the catalog exists yet to exercise it).
 */
class RequestBodiesTest {
    record Note(String text, int count) {}

    static Javalin app;
    static GatewayHttpClient client;

    @BeforeAll
    static void start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1L << 20;
        });
        ProblemResponses.register(app);
        app.post("/echo", ctx -> ctx.result(RequestBodies.json(ctx, Note.class).text()));
        app.start("127.0.0.1", 0);
        client = new GatewayHttpClient("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aSmallValidBodyIsRead() {
        GatewayHttpClient.Reply reply = post("{\"text\":\"hello\",\"count\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("hello");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        GatewayHttpClient.Reply reply = post(bigJson(RequestBodies.MAX_BYTES + 10));
        assertProblem(reply, 413);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        byte[] body = bigJson(RequestBodies.MAX_BYTES + 10);
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public long contentLength() {
                return -1; // no Content-Length: the cap must hold while reading
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(body);
            }
        };
        GatewayHttpClient.Reply reply = client.send(client.request("/echo").post(chunked).build());
        assertProblem(reply, 413);
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        GatewayHttpClient.Reply unknown = post("{\"text\":\"a\",\"count\":1,\"extra\":true}".getBytes(StandardCharsets.UTF_8));
        assertProblem(unknown, 400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("extra");

        GatewayHttpClient.Reply wrongType = post("{\"text\":\"a\",\"count\":\"many\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("count");
    }

    @Test
    void emptyOrBrokenJsonIs400() {
        assertProblem(post(new byte[0]), 400);
        assertProblem(post("{\"text\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(post("null".getBytes(StandardCharsets.UTF_8)), 400);
    }

    private static GatewayHttpClient.Reply post(byte[] body) {
        return client.send(client.request("/echo")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build());
    }

    private static byte[] bigJson(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static void assertProblem(GatewayHttpClient.Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
    }
}
