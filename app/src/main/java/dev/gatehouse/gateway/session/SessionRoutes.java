package dev.gatehouse.gateway.session;

import dev.gatehouse.api.Me;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.http.OperatorAuth;
import dev.gatehouse.gateway.operators.Operator;
import io.javalin.Javalin;

/** GET /admin/v1/me: who the token belongs to, and which platform answered. */
public final class SessionRoutes {
    private final String mode;

    public SessionRoutes(String mode) {
        this.mode = mode;
    }

    public void register(Javalin app) {
        app.get("/admin/v1/me", ctx -> {
            Operator op = OperatorAuth.operator(ctx);
            String platform = "demo".equals(mode) ? "Gatehouse demo platform" : "Gatehouse gateway";
            ctx.json(new Me(op.id(), op.name(), op.email(), op.role().wire(),
                    new Me.Platform(platform, GatewayServer.VERSION, mode)));
        });
    }
}
