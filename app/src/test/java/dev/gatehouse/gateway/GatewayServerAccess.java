package dev.gatehouse.gateway;

import io.javalin.Javalin;

/** The running server's Javalin app, for the contract test that enumerates its routes. */
public final class GatewayServerAccess {
    private GatewayServerAccess() {}

    public static Javalin javalin(GatewayServer server) {
        return server.javalin();
    }
}
