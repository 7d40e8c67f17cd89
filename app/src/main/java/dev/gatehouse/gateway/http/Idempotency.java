package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.crypto.Sha256;
import dev.gatehouse.gateway.operators.Operator;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Idempotency-Key on POST actions (DESIGN §3): the first request with a key runs and its response is stored in
 * the same transaction as its effect; a replay gets that response back (same status and body); the same key with
 * another request is 422. Inserting the key row is the serialization point: a concurrent twin blocks on the
 * primary key until the first commits, then replays. A request that fails stores nothing, so it may be retried.
 * Keys are scoped to the operator and remembered for {@link #KEPT_FOR}: a replay within that window gets the first
 * answer, later the key is forgotten and may be used again (retries come within minutes; the table must not grow
 * without bound on a gateway that runs for months).
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private Idempotency() {}

    /**
     * Runs {@code work} in one transaction and answers {@code status} with its result as JSON, honouring Idempotency-Key.
     * {@code body} is the raw request body the result depends on; {@code now} the request's time (keys expire by it).
     */
    static void respond(Context ctx, Jdbi jdbi, Operator op, byte[] body, Instant now, int status, Function<Handle, Object> work) {
        Optional<String> key = key(ctx);
        if (key.isEmpty()) {
            String json = jdbi.inTransaction(h -> write(sent(work.apply(h))));
            send(ctx, status, json, false);
            return;
        }
        String fingerprint = fingerprint(ctx.method().name(), ctx.path(), body);
        try {
            String json = jdbi.inTransaction(h -> {
                if (!IdempotencyStore.claim(h, op.id(), key.get(), fingerprint, now, now.minus(KEPT_FOR))) {
                    throw new KeyTaken();
                }
                Object result = work.apply(h);
                IdempotencyStore.answer(h, op.id(), key.get(), status, write(result instanceof ShownOnce s ? s.replay() : result));
                return write(sent(result));
            });
            send(ctx, status, json, false);
        } catch (KeyTaken taken) {
            IdempotencyStore.Stored stored = jdbi.withHandle(h -> IdempotencyStore.find(h, op.id(), key.get()))
                    .orElseThrow(() -> new ApiException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                            "A request with this Idempotency-Key was in flight and did not finish; retry it."));
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new ApiException(ProblemType.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
            }
            send(ctx, stored.status(), stored.body(), true);
        }
    }

    /** Thrown inside the transaction when the key row already exists; rolls the transaction back. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** Deletes the keys older than {@link #KEPT_FOR} at {@code now}; returns how many. */
    public static int forgetExpired(Jdbi jdbi, Instant now) {
        return jdbi.withHandle(h -> IdempotencyStore.forgetBefore(h, now.minus(KEPT_FOR)));
    }

    private static Optional<String> key(Context ctx) {
        String raw = ctx.header(HEADER);
        if (raw == null) {
            return Optional.empty();
        }
        String k = raw.trim();
        if (k.isEmpty() || k.length() > MAX_KEY_LENGTH || !k.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters, e.g. a UUID; send a new one for each distinct request");
        }
        return Optional.of(k);
    }

    static String fingerprint(String method, String path, byte[] body) {
        MessageDigest sha = Sha256.digest();
        sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return Sha256.hex(sha);
    }

    private static Object sent(Object result) {
        return result instanceof ShownOnce s ? s.response() : result;
    }

    private static String write(Object result) {
        try {
            return Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }

    private static void send(Context ctx, int status, String json, boolean replayed) {
        if (replayed) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ctx.status(status).contentType("application/json").result(json);
    }
}
