package dev.gatehouse.gateway.http;

import dev.gatehouse.api.Problem;

import java.util.List;

/** A request the gateway refuses; rendered as problem+json by {@link ProblemResponses}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    /** A single invalid field; the detail says what to send instead. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ApiException(422, "Validation failed", detail, errors);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "Not found", "No " + what + " with id '" + id + "'.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem(ProblemResponses.typeFor(status), title, status, getMessage(), errors);
    }
}
