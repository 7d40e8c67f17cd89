package dev.gatehouse.gateway.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.gatehouse.api.Problem;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an HTTP exchange with the gateway against the OpenAPI document (Atlassian's swagger-request-validator).
 * The test HTTP clients call it for every exchange, so every gateway HTTP test keeps the document true.
 * <p>
 * The response is always checked. The request is checked only when the gateway accepted its shape (a status below
 * 400, or a refusal about state: 404, 409, 412); tests that send garbage on purpose get 400, 401, 413, 422, 428 or,
 * after failed sign-ins, 429, and there only the problem answer is checked. A 403 says nothing of the request's shape
 * either: the rails refuse a role before its body is read. An exchange on a path or
 * method the document does not have (a deliberate 404 or 405) is checked as a problem+json answer.
 */
public final class OpenApiContract {
    private static final Set<Integer> REFUSED_FOR_STATE = Set.of(404, 409, 412);
    private static final Set<String> UNROUTED = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    // the document says unknown query parameters are ignored, and the gateway does ignore them
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
            .build();

    /** One contract document: its validator, and the schema and media type every unrouted error must have. */
    private record Document(String resource, OpenAPI api, OpenApiInteractionValidator validator, SchemaValidator schemas,
                            String errorSchema, String errorMediaType) {
        static Document of(String resource, String errorSchema, String errorMediaType) {
            OpenAPI api = parse(resource);
            return new Document(resource, api, OpenApiInteractionValidator.createFor(api).withLevelResolver(LEVELS).build(),
                    new SchemaValidator(api, new MessageResolver(LEVELS)), errorSchema, errorMediaType);
        }
    }

    private static final Document ADMIN = Document.of(ContractRoutes.RESOURCE, "Problem", Problem.MEDIA_TYPE);
    /** The data plane's document (issue 12): /v1, OpenAI-shaped errors. */
    public static final String PLANE_RESOURCE = "/openapi/plane-v1.yaml";
    private static final Document PLANE = Document.of(PLANE_RESOURCE, "Error", "application/json");
    private static final AtomicInteger CHECKED = new AtomicInteger();

    private OpenApiContract() {}

    /** One exchange as the tests' clients see it. Headers by name, as sent and as received. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {}

    /** For {@code java.net.http}: the request, the body it was built with (or null), and the response. */
    public static void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        check(new Exchange(request.method(), request.uri(), request.headers().map(), requestBody,
                response.statusCode(), response.headers().map(), response.body()));
    }

    /** For OkHttp: the request, and the answer's status, headers and body. */
    public static void check(okhttp3.Request request, int status, okhttp3.Headers headers, String body) {
        if (!covers(request.url().encodedPath())) {
            return;
        }
        Map<String, List<String>> sent = new LinkedHashMap<>(request.headers().toMultimap());
        String requestBody = null;
        if (request.body() != null) {
            if (request.body().contentType() != null) {
                sent.put("Content-Type", List.of(request.body().contentType().toString()));
            }
            try (okio.Buffer buffer = new okio.Buffer()) {
                request.body().writeTo(buffer);
                requestBody = buffer.readUtf8();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        check(new Exchange(request.method(), request.url().uri(), sent, requestBody, status, headers.toMultimap(), body));
    }

    /** Fails with the validator's report when the exchange contradicts the document. */
    public static void check(Exchange exchange) {
        ValidationReport report = report(exchange);
        if (report == null) {
            return;
        }
        CHECKED.incrementAndGet();
        if (report.hasErrors()) {
            String body = exchange.responseBody() == null ? "" : exchange.responseBody();
            throw new AssertionError("The exchange contradicts the OpenAPI document " + document(exchange.uri().getRawPath()).resource() + ":\n"
                    + exchange.method() + " " + exchange.uri().getRawPath()
                    + (exchange.uri().getRawQuery() == null ? "" : "?" + exchange.uri().getRawQuery())
                    + " → " + exchange.status() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body) + "\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    /** How many exchanges have been checked in this JVM. */
    public static int checked() {
        return CHECKED.get();
    }

    /** The validator's report, or null when the exchange is not with the admin API (a test's own server). */
    static ValidationReport report(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (!covers(path)) {
            return null;
        }
        Document doc = document(path);
        Request.Method method;
        try {
            method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(doc, exchange); // a method no document can have (the plane fuzz sends some)
        }
        SimpleResponse response = response(exchange);
        ValidationReport report = doc.validator().validateResponse(path, method, response);
        if (report.getMessages().stream().anyMatch(m -> UNROUTED.contains(m.getKey()))) {
            return problem(doc, exchange);
        }
        boolean shapeAccepted = exchange.status() < 400 || REFUSED_FOR_STATE.contains(exchange.status());
        return shapeAccepted ? report.merge(doc.validator().validateRequest(request(exchange, method, path))) : report;
    }

    /** Whether the path is the admin API's or the data plane's (and not, say, a test's own server's). */
    private static boolean covers(String path) {
        return path.equals("/healthz") || path.equals("/admin/v1") || path.startsWith("/admin/v1/") || plane(path);
    }

    private static boolean plane(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static Document document(String path) {
        return plane(path) ? PLANE : ADMIN;
    }

    /** An answer on a path or method the document does not have: it must still be a problem. */
    private static ValidationReport problem(Document doc, Exchange exchange) {
        List<ValidationReport.Message> messages = new ArrayList<>();
        String contentType = first(exchange.responseHeaders(), "Content-Type");
        if (exchange.status() < 400 || contentType == null
                || !contentType.split(";")[0].trim().equalsIgnoreCase(doc.errorMediaType())) {
            messages.add(ValidationReport.Message.create("validation.response.unrouted",
                    "A request the document has no operation for must get a 4xx " + doc.errorMediaType()
                            + " answer; got " + exchange.status() + " " + contentType).build());
        }
        return ValidationReport.from(messages).merge(doc.schemas().validate(exchange.responseBody(),
                doc.api().getComponents().getSchemas().get(doc.errorSchema()), "validation.response.body"));
    }

    private static SimpleRequest request(Exchange exchange, Request.Method method, String path) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        exchange.requestHeaders().forEach(b::withHeader);
        if (exchange.requestBody() != null) {
            b.withBody(exchange.requestBody());
        }
        query(exchange.uri().getRawQuery()).forEach(b::withQueryParam);
        return b.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(b::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            b.withBody(exchange.responseBody());
        }
        return b.build();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape: the gateway answers 400 and the request is not checked
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static OpenAPI parse(String resource) {
        String yaml;
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // the validator reads responses and parameters shared through components inline
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException(resource + " does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
