package dev.gatehouse.gateway.accounts;

import dev.gatehouse.gateway.http.OperatorAuth;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import io.javalin.http.Context;

/** The role check of a route, from the one permission table in {@link Permission}: 403 when the role may not. */
public final class PermissionCheck {
    private PermissionCheck() {}

    public static Operator require(Context ctx, Permission permission) {
        Role[] roles = permission.roles().stream().filter(r -> r != Role.LEAD).toArray(Role[]::new);
        return OperatorAuth.require(ctx, permission.description(), roles);
    }
}
