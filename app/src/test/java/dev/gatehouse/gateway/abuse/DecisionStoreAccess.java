package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.TestGateway;

import java.time.Instant;
import java.util.List;

/** The package-private stores, read from tests of this package. */
final class DecisionStoreAccess {
    private DecisionStoreAccess() {}

    static List<Instant> warnings(TestGateway gw, String accountId) {
        return gw.db().jdbi().withHandle(h -> DecisionStore.warningsInForce(h, accountId));
    }
}
