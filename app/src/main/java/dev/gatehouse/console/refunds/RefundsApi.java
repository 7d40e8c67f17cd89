package dev.gatehouse.console.refunds;

import dev.gatehouse.api.Page;
import dev.gatehouse.api.PolicyPreview;
import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundReason;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** What the Refunds workspace and the Policy panel read and do. */
public interface RefundsApi {
    CompletableFuture<Page<Refund>> refunds(RefundQuery query, String cursor, int limit);

    CompletableFuture<RefundDetail> refund(String id);

    CompletableFuture<RefundActionResult> approve(String id, RefundApprovalRequest body, String idempotencyKey);

    CompletableFuture<RefundActionResult> deny(String id, RefundReason body, String idempotencyKey);

    CompletableFuture<RefundActionResult> retryPayout(String id, RefundReason body, String idempotencyKey);

    CompletableFuture<PolicyView> policy();

    CompletableFuture<PolicyPreview> previewPolicy(PolicyUpdate update);

    CompletableFuture<PolicyView> updatePolicy(long version, PolicyUpdate update);

    static RefundsApi of(PlatformClient client) {
        return new RefundsApi() {
            @Override
            public CompletableFuture<Page<Refund>> refunds(RefundQuery q, String cursor, int limit) {
                return client.refunds(q.stateWire(), q.verdictWire(), q.accountId(), cursor, limit);
            }

            @Override
            public CompletableFuture<RefundDetail> refund(String id) {
                return client.refund(id);
            }

            @Override
            public CompletableFuture<RefundActionResult> approve(String id, RefundApprovalRequest body, String key) {
                return client.approveRefund(id, body, key);
            }

            @Override
            public CompletableFuture<RefundActionResult> deny(String id, RefundReason body, String key) {
                return client.denyRefund(id, body, key);
            }

            @Override
            public CompletableFuture<RefundActionResult> retryPayout(String id, RefundReason body, String key) {
                return client.retryRefundPayout(id, body, key);
            }

            @Override
            public CompletableFuture<PolicyView> policy() {
                return client.policy();
            }

            @Override
            public CompletableFuture<PolicyPreview> previewPolicy(PolicyUpdate update) {
                return client.previewPolicy(update);
            }

            @Override
            public CompletableFuture<PolicyView> updatePolicy(long version, PolicyUpdate update) {
                return client.updatePolicy(version, update);
            }
        };
    }
}
