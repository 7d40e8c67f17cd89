package dev.gatehouse.gateway.http;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;

import java.util.List;

/** A request the gateway refuses; rendered as problem+json by {@link ProblemResponses}. */
public class ApiException extends RuntimeException {
    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(ProblemType.MALFORMED_REQUEST, detail);
    }

    /** A single invalid field; the detail says what to send instead. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(ProblemType.INVALID_PARAMETER, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ApiException(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(ProblemType.NOT_FOUND, "No " + what + " with id '" + id + "'.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    /** The resource is in a final state (revoked, terminated, resolved) and this would move it. */
    public static ApiException finalState(String detail) {
        return new ApiException(ProblemType.FINAL_STATE, detail);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public String title() {
        return type.title();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors);
    }
}
