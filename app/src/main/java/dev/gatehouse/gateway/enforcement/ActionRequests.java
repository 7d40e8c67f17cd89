package dev.gatehouse.gateway.enforcement;

import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.policy.Enforcement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Validation of an action body shared by account and key actions: known action, non-blank reason, sane duration. */
public final class ActionRequests {
    private ActionRequests() {}

    /** The action named in the body, or 422 listing the allowed ones. */
    public static <A extends Enum<A>> A action(ActionRequest req, Class<A> type, Function<String, Optional<A>> fromWire) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(a -> a.name().toLowerCase()).collect(Collectors.joining(", "));
        if (req.action() == null || req.action().isBlank()) {
            throw ApiException.validation(List.of(new Problem.FieldError("action", "is required; one of " + allowed)));
        }
        return fromWire.apply(req.action()).orElseThrow(() -> ApiException.validation(List.of(
                new Problem.FieldError("action", "unknown action '" + req.action() + "'; use one of " + allowed))));
    }

    /** 422 naming each bad field: reason (always required) and duration_hours (only where it is accepted). */
    public static void validate(ActionRequest req, boolean durationAccepted) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Enforcement.reasonProblem(req.reason()).ifPresent(m -> errors.add(new Problem.FieldError("reason", m)));
        if (req.durationHours() != null) {
            if (!durationAccepted) {
                errors.add(new Problem.FieldError("duration_hours",
                        "only an account suspension can be timed; leave it out for '" + req.action() + "'"));
            } else {
                Enforcement.durationProblem(req.durationHours()).ifPresent(m -> errors.add(new Problem.FieldError("duration_hours", m)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
