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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Requests Jetty rejects before Javalin sees them (a NUL or an ambiguous segment in the path,
 * a malformed header) still get problem+json, not Jetty's HTML page.
 */
public final class JettyProblemErrors extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(body(code, message));
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
