package dev.gatehouse.console.team;

import dev.gatehouse.api.NewOperator;
import dev.gatehouse.api.OperatorActionRequest;
import dev.gatehouse.api.OperatorActionResult;
import dev.gatehouse.api.OperatorCreated;
import dev.gatehouse.api.OperatorPatch;
import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** What the Team screen reads and does; the view model's seam for tests. */
public interface TeamApi {
    CompletableFuture<Page<OperatorProfile>> operators(String cursor, int limit);

    CompletableFuture<OperatorCreated> invite(NewOperator body, String idempotencyKey);

    CompletableFuture<OperatorProfile> change(String id, long version, OperatorPatch patch);

    CompletableFuture<OperatorActionResult> act(String id, OperatorActionRequest body, String idempotencyKey);

    static TeamApi of(PlatformClient client) {
        return new TeamApi() {
            @Override public CompletableFuture<Page<OperatorProfile>> operators(String cursor, int limit) {
                return client.operators(cursor, limit);
            }
            @Override public CompletableFuture<OperatorCreated> invite(NewOperator body, String key) {
                return client.createOperator(body, key);
            }
            @Override public CompletableFuture<OperatorProfile> change(String id, long version, OperatorPatch patch) {
                return client.patchOperator(id, version, patch);
            }
            @Override public CompletableFuture<OperatorActionResult> act(String id, OperatorActionRequest body, String key) {
                return client.operatorAction(id, body, key);
            }
        };
    }
}
