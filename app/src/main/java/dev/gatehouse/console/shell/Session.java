package dev.gatehouse.console.shell;

import dev.gatehouse.api.Me;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;

/** A signed-in operator on one platform: what every screen gets. {@code demo} marks the embedded platform. */
public record Session(PlatformClient client, Me me, boolean demo) {
    public String roleLabel() {
        return Role.fromWire(me.role()).map(Role::label).orElse(me.role());
    }
}
