package dev.gatehouse.gateway.audit;

import dev.gatehouse.api.AuditVerification;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * GET /admin/v1/audit/verify walks the whole chain, so any reader could keep a core busy by asking in a loop
 * (issue 8). Here walks run one at a time, and after a walk that took d the next starts no sooner than
 * {@link #IDLE_FACTOR}·d later (at most {@link #MAX_PAUSE}): verification gets at most a fifth of one core, however many
 * ask. A call while a walk runs gets that walk's answer; a call in the pause after it is told when to come back.
 */
public final class AuditVerifier {
    static final int IDLE_FACTOR = 4;
    /** A first walk over a cold file cache can take many seconds; its pause should not lock leads out for minutes. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final Clock clock;
    private CompletableFuture<AuditVerification> running;
    private Instant nextWalk = Instant.MIN;

    public AuditVerifier(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Thrown when a walk ended too recently; {@code retryAfter} is how long until the next may start. */
    public static final class TooSoon extends RuntimeException {
        private final Duration retryAfter;

        TooSoon(Duration retryAfter) {
            super("the audit chain was verified moments ago; ask again in " + retryAfter.toMillis() + " ms", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public AuditVerification verify() {
        CompletableFuture<AuditVerification> walk;
        boolean mine = false;
        synchronized (this) {
            Instant now = clock.instant();
            if (running != null) {
                walk = running;
            } else if (now.isBefore(nextWalk)) {
                throw new TooSoon(Duration.between(now, nextWalk));
            } else {
                walk = running = new CompletableFuture<>();
                mine = true;
            }
        }
        if (mine) {
            Instant started = clock.instant();
            try {
                walk.complete(AuditLog.verify(jdbi));
            } catch (RuntimeException e) {
                walk.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    Instant ended = clock.instant();
                    Duration pause = Duration.between(started, ended).multipliedBy(IDLE_FACTOR);
                    nextWalk = ended.plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
                    running = null;
                }
            }
        }
        try {
            return walk.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
