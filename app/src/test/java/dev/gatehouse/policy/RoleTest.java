package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {
    @Test
    void wireNamesRoundTrip() {
        for (Role r : Role.values()) {
            assertThat(Role.fromWire(r.wire())).contains(r);
        }
        assertThat(Role.TRUST_SAFETY.wire()).isEqualTo("trust_safety");
    }

    @Test
    void unknownWireNamesAreEmptyNotGuessed() {
        assertThat(Role.fromWire("LEAD")).isEmpty();
        assertThat(Role.fromWire("admin")).isEmpty();
        assertThat(Role.fromWire(null)).isEmpty();
    }
}
