package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into RFC 9457 problem+json (DESIGN §3). A 500 is logged: it is a bug. */
public final class ProblemResponses {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    public static String typeFor(int status) {
        return dev.gatehouse.api.ProblemType.forStatus(status).uri();
    }

    public static void register(Javalin app) {
        register(app, List.of());
    }

    /** As {@link #register(Javalin)}, with paths whose errors another dialect writes (the data plane's /v1). */
    public static void register(Javalin app, List<ErrorDialect> dialects) {
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ErrorDialect dialect = dialect(dialects, ctx);
            if (dialect != null) {
                dialect.write(ctx, e.status(), e.toProblem().detail());
                return;
            }
            write(ctx, e.toProblem());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String allow = status == 405 ? allowed(e) : "";
            if (!allow.isEmpty()) {
                ctx.header("Allow", allow);
            }
            String detail = switch (status) {
                case 404 -> "No endpoint " + ctx.method() + " " + ctx.path() + ". See the API reference for the available routes.";
                case 405 -> "Method " + ctx.req().getMethod() + " is not allowed on " + ctx.path()
                        + (allow.isEmpty() ? "." : "; allowed: " + allow + ".");
                case 413 -> "Request body is larger than 1 MiB.";
                default -> e.getMessage();
            };
            ErrorDialect dialect = dialect(dialects, ctx);
            if (dialect != null) {
                dialect.write(ctx, status, detail);
                return;
            }
            write(ctx, new Problem(typeFor(status), titleFor(status), status, detail, List.of()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ErrorDialect dialect = dialect(dialects, ctx);
            if (dialect != null) {
                dialect.write(ctx, 500, "The gateway failed to handle this request. It has been logged.");
                return;
            }
            write(ctx, new Problem(typeFor(500), "Internal error", 500,
                    "The gateway failed to handle this request. It has been logged.", List.of()));
        });
    }

    private static ErrorDialect dialect(List<ErrorDialect> dialects, Context ctx) {
        for (ErrorDialect d : dialects) {
            if (d.covers(ctx.path())) {
                return d;
            }
        }
        return null;
    }

    public static void write(Context ctx, Problem problem) {
        try {
            ctx.status(problem.status())
                    .contentType(Problem.CONTENT_TYPE)
                    .result(Json.mapper().writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The methods Javalin found for the path (with prefer405over404 it lists them in the exception's details). */
    private static String allowed(HttpResponseException e) {
        String listed = e.getDetails().getOrDefault("availableMethods", e.getDetails().getOrDefault("Available methods", ""));
        return Arrays.stream(listed.split(",")).map(String::trim).filter(m -> !m.isEmpty()).collect(Collectors.joining(", "));
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }
}
