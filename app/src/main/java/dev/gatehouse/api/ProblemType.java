package dev.gatehouse.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the admin API answers with, each with its own stable {@code type} URI (DESIGN §3).
 * Clients decide by type, never by title: a title is for people and may be reworded.
 */
public enum ProblemType {
    /** The request cannot be read: not JSON, a broken percent-escape in the path, an unreadable body. */
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    /** A query parameter, header or body field has the wrong shape or type; {@code errors} names it. */
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    /** The operator token is known but past its expiry: a lead rotates it (or sets a later one). */
    TOKEN_EXPIRED("token-expired", 401, "Token expired"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    /** The resource is in a state that does not allow this (other than a final state). */
    CONFLICT("conflict", 409, "Conflict"),
    /**
     * A new account looks like one that exists (apibox §2, one account per person); {@code errors} lists the candidates.
     * Send {@code confirm_duplicate: true} to open it anyway.
     */
    LIKELY_DUPLICATE("likely-duplicate", 409, "Likely duplicate"),
    /** The resource is in a final state (revoked, terminated, resolved): nothing moves it any more. */
    FINAL_STATE("final-state", 409, "Final state"),
    /** Another request with the same Idempotency-Key is still running, or did not finish: retry it. */
    IDEMPOTENCY_IN_FLIGHT("idempotency-in-flight", 409, "Request in flight"),
    /** If-Match named an older version: someone else changed the resource. Reload and retry. */
    STALE_VERSION("stale-version", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    /** Fields are well-formed but not acceptable; {@code errors} lists each with what to send instead. */
    VALIDATION("validation", 422, "Validation failed"),
    /** The Idempotency-Key was used before for a different request. */
    IDEMPOTENCY_CONFLICT("idempotency-conflict", 422, "Idempotency-Key reused"),
    /** A JSON body nests too deep or holds a number or string past this API's limits. */
    JSON_LIMITS("json-limits", 422, "JSON limits exceeded"),
    /** A PUT or PATCH came without If-Match. */
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
    /** Too many requests (or too many failed sign-ins) from this client; Retry-After says when to try again. */
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    /** A bug in the gateway. It has been logged. */
    INTERNAL_ERROR("internal-error", 500, "Internal error");

    public static final String BASE = "https://gatehouse.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Optional<ProblemType> fromUri(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri().equals(uri)).findFirst();
    }

    /** The generic type for a status with no more specific kind. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 412 -> STALE_VERSION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
