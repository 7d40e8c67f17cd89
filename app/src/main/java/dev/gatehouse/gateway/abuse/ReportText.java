package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.Problem;

import java.util.List;
import java.util.Optional;

/** Checks of free-text fields of abuse bodies, each naming the field and what to send instead. */
final class ReportText {
    private ReportText() {}

    /** A required text: present, not blank, at most {@code max} characters (after trimming). */
    static Optional<String> required(List<Problem.FieldError> errors, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required: " + what));
            return Optional.empty();
        }
        return optional(errors, field, value, max);
    }

    /** An optional text: blank counts as absent; at most {@code max} characters. */
    static Optional<String> optional(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
