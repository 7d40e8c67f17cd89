package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken chunked request body on the admin API is a problem+json 400 saying what to fix, not Javalin's empty 500. */
class BrokenChunkedBodyTest {
    static TestGateway gw;
    static String auth;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
        auth = "Authorization: Bearer " + gw.token(Role.LEAD);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Sends a POST whose chunked body ends in {@code tail}; the whole answer as text. */
    static String post(String path, String tail) throws Exception {
        byte[] body = "{\"action\":\"suspend\",\"reason\":\"broken chunk test\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: broken-chunk-" + tail.length()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        req.writeBytes(body);
        req.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        try (Socket s = new Socket("127.0.0.1", HostileInputTest.port(gw))) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBrokenChunkedBodyIsAProblem400() throws Exception {
        for (String tail : new String[] {"\r\nzz\r\n", "\r\n-1\r\n\r\n", "\r\nffffff"}) {
            String answer = post("/admin/v1/keys/key_missing/actions", tail);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).as(answer).contains("content-type: application/problem+json");
            assertThat(answer).as(answer).contains("\"status\":400").contains("chunked");
        }
    }
}
