package dev.gatehouse.api;

import java.util.List;

/** RFC 9457 problem details, as every error of the admin API is sent. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record FieldError(String field, String message) {}
}
