package dev.gatehouse.gateway.http;

import io.javalin.http.Context;

/**
 * Errors under a path prefix that answer in another shape than problem+json: the data plane's /v1 speaks OpenAI's
 * {@code {"error": {…}}} (issue 12), also for what Javalin and Jetty refuse before a handler runs (an unknown path, a
 * wrong method, a body over 1 MiB, a malformed request line). {@link ProblemResponses} and {@link JettyProblemErrors}
 * ask the dialects first.
 */
public interface ErrorDialect {
    /** Whether errors on this request path are this dialect's. */
    boolean covers(String path);

    /** Writes the error answer (status, content type, body); headers such as Allow are already set. */
    void write(Context ctx, int status, String message);

    /** The body of an error answered by Jetty itself, in this dialect. */
    byte[] body(int status, String message);

    String contentType();
}
