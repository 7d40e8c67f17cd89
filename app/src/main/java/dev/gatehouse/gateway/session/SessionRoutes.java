package dev.gatehouse.gateway.session;

import dev.gatehouse.api.Me;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.OperatorAuth;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.operators.Operator;
import dev.gatehouse.policy.Permission;

/** GET /admin/v1/me: who the token belongs to, and which platform answered. */
public final class SessionRoutes implements Feature {
    private final String mode;
    private final String version;

    public SessionRoutes(String mode, String version) {
        this.mode = mode;
        this.version = version;
    }

    @Override
    public void register(Routes routes) {
        // every role reads; the console asks this first, whatever the role
        routes.read("/admin/v1/me", Permission.READ, ctx -> {
            Operator op = OperatorAuth.operator(ctx);
            String platform = "demo".equals(mode) ? "Gatehouse demo platform" : "Gatehouse gateway";
            ctx.json(new Me(op.id(), op.name(), op.email(), op.role().wire(), new Me.Platform(platform, version, mode)));
        });
    }
}
