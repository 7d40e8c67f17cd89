package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.demo.DemoGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests Jetty refuses before routing still answer in problem+json. Raw sockets: clients would clean these URLs. */
class JettyProblemErrorsTest {
    private static DemoGateway gateway;

    @BeforeAll
    static void start() {
        gateway = SharedGateways.demo();
    }


    @Test
    void nulInThePathIsAProblemNotAnHtmlPage() throws IOException {
        String reply = raw("GET /admin/v1/models%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(reply).contains("\"status\":400").contains("rejected before it reached the API");
        assertThat(reply).doesNotContain("<h1>");
    }

    @Test
    void malformedRequestLineIsAProblem() throws IOException {
        String reply = raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nBad Header Without Colon\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).containsIgnoringCase("application/problem+json");
    }

    private static String raw(String request) throws IOException {
        int port = Integer.parseInt(gateway.baseUrl().substring(gateway.baseUrl().lastIndexOf(':') + 1));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
