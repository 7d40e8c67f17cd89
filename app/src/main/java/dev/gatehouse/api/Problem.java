package dev.gatehouse.api;

import java.util.List;

/** RFC 9457 problem details, as every error of the admin API is sent. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The Content-Type header problems go out with: without the charset, servlet containers fall back to ISO-8859-1. */
    public static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=utf-8";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record FieldError(String field, String message) {}
}
