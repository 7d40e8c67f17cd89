package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Requests Jetty rejects before Javalin sees them (a NUL or an ambiguous segment in the path,
 * a malformed header) still get problem+json, not Jetty's HTML page. Jetty's own line per such request is
 * turned down in logback.xml (anyone on the network can send them); instead this notes them at most once a minute.
 */
public final class JettyProblemErrors extends ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(JettyProblemErrors.class);
    static final Duration NOTE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final List<ErrorDialect> dialects;
    private int refused;
    private Instant lastNote;

    public JettyProblemErrors(Clock clock) {
        this(clock, List.of());
    }

    /**
     * With dialects for paths whose errors have another shape. A request whose request line Jetty could not read has
     * no path to go by and stays problem+json.
     */
    public JettyProblemErrors(Clock clock, List<ErrorDialect> dialects) {
        this.clock = clock;
        this.dialects = List.copyOf(dialects);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        note(status, reason);
        String path = pathSoFar();
        for (ErrorDialect d : dialects) {
            if (path != null && d.covers(path)) {
                fields.put(HttpHeader.CONTENT_TYPE, d.contentType());
                return ByteBuffer.wrap(d.body(status, "The request was rejected before it reached the API: "
                        + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason)
                        + ". Check the headers for control characters or malformed encoding."));
            }
        }
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        String path = request.getRequestURI();
        for (ErrorDialect d : dialects) {
            if (path != null && d.covers(path)) {
                response.setContentType(d.contentType());
                response.getOutputStream().write(d.body(code, message == null || message.isBlank() ? HttpStatus.getMessage(code) : message));
                return;
            }
        }
        response.setContentType(Problem.CONTENT_TYPE);
        response.getOutputStream().write(body(code, message));
    }

    /**
     * The path of a request Jetty could not parse, when its request line was read before the fault (a bad header); "/"
     * or null when the request line itself was refused (a path Jetty cannot decode: %zz, %00, raw non-ASCII).
     */
    private static String pathSoFar() {
        try {
            org.eclipse.jetty.server.HttpConnection connection = org.eclipse.jetty.server.HttpConnection.getCurrentConnection();
            if (connection == null || connection.getHttpChannel() == null || connection.getHttpChannel().getRequest() == null) {
                return null;
            }
            org.eclipse.jetty.http.HttpURI uri = connection.getHttpChannel().getRequest().getHttpURI();
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** One INFO line per minute at most, counting the malformed requests refused since the last one. */
    private synchronized void note(int status, String reason) {
        refused++;
        Instant now = clock.instant();
        if (lastNote == null || !now.isBefore(lastNote.plus(NOTE_EVERY))) {
            log.info("refused {} malformed request(s) since the last note; latest: {} {}", refused, status, reason);
            refused = 0;
            lastNote = now;
        } else {
            log.debug("refused a malformed request: {} {}", status, reason);
        }
    }

    private static byte[] body(int status, String reason) {
        String detail = "The request was rejected before it reached the API: "
                + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason)
                + ". Check the URL and headers for control characters or malformed encoding.";
        try {
            return Json.mapper().writeValueAsBytes(new Problem(ProblemResponses.typeFor(status),
                    ProblemResponses.titleFor(status), status, detail, List.of()));
        } catch (JsonProcessingException e) {
            return detail.getBytes(StandardCharsets.UTF_8);
        }
    }
}
