package dev.gatehouse.console.shell;

import dev.gatehouse.api.Me;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;

/** A signed-in operator on one platform: what every screen gets. {@code demo} marks the embedded platform. */
public record Session(PlatformClient client, Me me, boolean demo) {
    /** What the operator may do; a role this console doesn't know gets no more than a viewer. */
    public Role role() {
        return Role.fromWire(me.role()).orElse(Role.VIEWER);
    }

    public String roleLabel() {
        return Role.fromWire(me.role()).map(Role::label).orElse(me.role());
    }
}
