package dev.gatehouse.console.shell;

import dev.gatehouse.api.Me;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;

import java.time.Clock;

/**
 * A signed-in operator on one platform: what every screen gets. {@code demo} marks the embedded platform.
 * {@code clock} is the console's one clock (relative times, "due in …"), in the operator's zone; tests pass a fixed one.
 * {@code events} carries changes between this session's screens; {@code notifier} shows transient messages.
 */
public record Session(PlatformClient client, Me me, boolean demo, Clock clock, EventBus events, Notifier notifier) {
    /** What the operator may do; a role this console doesn't know gets no more than a viewer. */
    public Role role() {
        return Role.fromWire(me.role()).orElse(Role.VIEWER);
    }

    public String roleLabel() {
        return Role.fromWire(me.role()).map(Role::label).orElse(me.role());
    }
}
