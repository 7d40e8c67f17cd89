package dev.gatehouse.gateway.operators;

import dev.gatehouse.policy.Role;

/** An authenticated operator, as attached to each admin request. */
public record Operator(String id, String name, String email, Role role) {
    public boolean is(Role... allowed) {
        if (role == Role.LEAD) {
            return true;
        }
        for (Role r : allowed) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
