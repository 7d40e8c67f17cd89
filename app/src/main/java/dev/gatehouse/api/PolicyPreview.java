package dev.gatehouse.api;

import java.util.List;

/** What a policy update would change, one line per rule whose value differs, and the policy it would leave. */
public record PolicyPreview(List<String> changes, PolicyView after) {
    public PolicyPreview {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
