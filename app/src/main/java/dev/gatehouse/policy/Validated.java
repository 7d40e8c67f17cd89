package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;

import java.util.List;

/**
 * Input checked by a policy rule: the value when it is valid, otherwise the field errors that say what to fix.
 * The gateway turns the errors into a 422 problem; the console shows them inline. Bad input never throws.
 */
public record Validated<T>(T value, List<FieldError> errors) {
    public Validated {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("a result has either a value or errors");
        }
    }

    public static <T> Validated<T> valid(T value) {
        return new Validated<>(value, List.of());
    }

    public static <T> Validated<T> invalid(List<FieldError> errors) {
        return new Validated<>(null, errors);
    }

    public static <T> Validated<T> invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
