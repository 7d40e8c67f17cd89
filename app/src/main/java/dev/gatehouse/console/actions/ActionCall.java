package dev.gatehouse.console.actions;

import dev.gatehouse.api.ActionRequest;

import java.util.concurrent.CompletableFuture;

/** One enforcement action on one target, as the reason dialog drives it: a dry run first, then the real thing. */
public interface ActionCall<R> {
    /** Asks the platform what the action would do; writes nothing. */
    CompletableFuture<ActionPreview> preview(ActionRequest request);

    /** Acts. The same idempotency key on a retry returns the first result instead of acting twice. */
    CompletableFuture<R> submit(ActionRequest request, String idempotencyKey);
}
