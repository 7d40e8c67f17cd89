package dev.gatehouse.api;

import java.util.List;

/**
 * A support macro: a named reply whose body may hold placeholders ({{customer.name}}, {{account.balance}}, …) and
 * that may also set the ticket's state (setState, null to leave it) and add tags. id is null in a PUT for a new one.
 */
public record Macro(String id, String name, String body, String setState, List<String> addTags) {
    public Macro {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
    }
}
