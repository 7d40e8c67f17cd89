package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import io.javalin.http.Context;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/** The role check of the rails, from the one permission table in {@link Permission}: 403 when the role may not. */
final class PermissionCheck {
    private PermissionCheck() {}

    static Operator require(Context ctx, Permission permission) {
        return requireAny(ctx, List.of(permission));
    }

    /** The operator, if their role holds at least one of {@code permissions}; 403 naming them all otherwise. */
    static Operator requireAny(Context ctx, Collection<Permission> permissions) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        permissions.forEach(p -> roles.addAll(p.roles()));
        roles.remove(Role.LEAD);
        List<String> what = permissions.stream().map(Permission::description).toList();
        String description = what.size() == 1 ? what.get(0)
                : String.join(", ", what.subList(0, what.size() - 1)) + " or " + what.get(what.size() - 1);
        return OperatorAuth.require(ctx, description, roles.toArray(Role[]::new));
    }
}
