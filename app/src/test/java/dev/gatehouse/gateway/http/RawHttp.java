package dev.gatehouse.gateway.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over one kept-alive socket, writing exactly the bytes given: real clients clean up the hostile
 * paths, methods and headers the tests send. Reconnects when the server closes the connection.
 */
final class RawHttp implements AutoCloseable {
    private final int port;
    private final InetAddress localAddress;
    private Socket socket;
    private BufferedInputStream in;
    private int connections;

    /** A client on the loopback address {@code from} (any 127.x.y.z works on Linux), so tests can be other clients. */
    RawHttp(int port, String from) {
        this.port = port;
        try {
            this.localAddress = InetAddress.getByName(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawHttp(int port) {
        this(port, "127.0.0.1");
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How many TCP connections were opened so far (1 means every exchange shared one connection). */
    int connections() {
        return connections;
    }

    /** Sends {@code head} (request line and headers, each ending CRLF, without the blank line) and {@code body}. */
    Response exchange(String head, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                OutputStream out = socket.getOutputStream();
                ByteArrayOutputStream req = new ByteArrayOutputStream();
                req.writeBytes(head.getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    req.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                req.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    req.writeBytes(body);
                }
                try {
                    out.write(req.toByteArray()); // one write: two would wait on Nagle and delayed ACKs
                    out.flush();
                } catch (IOException refusedBody) {
                    if (body == null) {
                        throw refusedBody;
                    }
                    // the server answered from the head alone (e.g. 400 for a bad path) and closed before reading
                    // the body: its answer is what counts, and it is already on the way
                    Response early = read(head.startsWith("HEAD "));
                    disconnect();
                    return early;
                }
                Response r = read(head.startsWith("HEAD "));
                if ("close".equalsIgnoreCase(r.header("Connection"))) {
                    disconnect();
                }
                return r;
            } catch (IOException e) {
                disconnect();
                if (attempt > 0) {
                    throw new UncheckedIOException(head.lines().findFirst().orElse(head), e);
                }
                // the server closed a kept-alive connection between exchanges: retry once on a new one
            }
        }
    }

    Response get(String target, String... headers) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return exchange(head.toString(), null);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15000);
            in = new BufferedInputStream(socket.getInputStream());
            connections++;
        }
    }

    private Response read(boolean noBody) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if (noBody || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                out.writeBytes(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            disconnect();
        }
        return new Response(status, headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = out.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            out.write(c);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
