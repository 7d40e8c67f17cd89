package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.pricing.PricesInForce;
import dev.gatehouse.policy.SecretScanner;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Video generations as asynchronous tasks (issue 12 §1). Time is the gateway's clock: a task waits
 * {@link #QUEUED} in the queue, then renders for {@link #RENDER_BASE} plus {@link #RENDER_PER_SECOND} per second of
 * video. Reading a task or the sweep moves it on. At submission the cost (seconds × the resolution's per-second price)
 * is reserved through the {@link Meter} (402 if the credits cannot cover it); on completion the reservation is settled
 * at the price of submission time; a task whose model was disabled meanwhile fails and its reservation is given back.
 */
public final class VideoTasks {
    private static final Logger log = LoggerFactory.getLogger(VideoTasks.class);
    static final Duration QUEUED = Duration.ofSeconds(2);
    static final Duration RENDER_BASE = Duration.ofSeconds(5);
    static final Duration RENDER_PER_SECOND = Duration.ofSeconds(1);
    private static final List<String> UNFINISHED = List.of("queued", "in_progress", "settling");
    /** A node whose heartbeat (plane_nodes, every 250 ms) is older than this is gone, as the rate limits count it. */
    static final Duration NODE_GONE = Duration.ofSeconds(10);
    /** A task left settling this long (its settler crashed) is picked up again. */
    static final Duration STUCK = Duration.ofMinutes(1);
    private static final String MODEL_DISABLED = "The model ";
    private static final String NOT_COVERED = "The credits could not cover the video";

    private final Jdbi jdbi;
    private final Meter meter;
    private final PlaneCatalog catalog;
    /** The meter's node (whose memory holds the reservations this gateway makes); null: one node settles all. */
    private final String nodeId;

    public VideoTasks(Jdbi jdbi, Meter meter, PlaneCatalog catalog) {
        this(jdbi, meter, catalog, null);
    }

    public VideoTasks(Jdbi jdbi, Meter meter, PlaneCatalog catalog, String nodeId) {
        this.jdbi = jdbi;
        this.meter = meter;
        this.catalog = catalog;
        this.nodeId = nodeId;
    }

    public OpenAiShapes.Video submit(Caller caller, PlaneModel model, String size, int seconds, String prompt, Instant now) {
        List<PricesInForce.Metered> lines = lines(size, seconds);
        Meter.Charge reservation = meter.reserve(caller, model.id(), lines, now);
        Instant starts = now.plus(QUEUED);
        VideoStore.Task task = new VideoStore.Task(PrefixedIds.next("video_", now), caller.accountId(), caller.keyId(),
                caller.mode(), caller.tier(), model.id(), model.slug(), size, seconds, excerpt(prompt), "queued",
                reservation.requestId(), reservation.cost(), now, starts,
                starts.plus(RENDER_BASE).plus(RENDER_PER_SECOND.multipliedBy(seconds)), null, null, nodeId);
        try {
            jdbi.useHandle(h -> VideoStore.insert(h, task));
        } catch (RuntimeException e) {
            meter.release(reservation, caller);
            throw e;
        }
        return shape(task, now);
    }

    /** The caller's task, moved on to {@code now}; 404 for another account's task or an unknown id. */
    public OpenAiShapes.Video view(Caller caller, String id, Instant now) {
        // a control character cannot be in an id we made (and PostgreSQL refuses a NUL even in a query parameter)
        boolean plausible = id.chars().noneMatch(c -> c < 0x20);
        VideoStore.Task task = (plausible ? jdbi.withHandle(h -> VideoStore.find(h, id)) : Optional.<VideoStore.Task>empty())
                .filter(t -> t.accountId().equals(caller.accountId()))
                .orElseThrow(() -> PlaneErrors.notFound("video_not_found", "No video generation '" + PlaneBodies.shortened(id.replaceAll("\\p{Cntrl}", "?"))
                        + "' for this account. Use the id that POST /v1/videos/generations answered."));
        if (UNFINISHED.contains(task.status()) && !now.isBefore(task.completesAt())) {
            finish(task, now);
            task = jdbi.withHandle(h -> VideoStore.find(h, id)).orElseThrow();
        }
        return shape(task, now);
    }

    /** Finishes every task whose time is up (run every second while the gateway serves). */
    public int sweep(Instant now) {
        int done = 0;
        for (String id : jdbi.withHandle(h -> VideoStore.due(h, now, now.minus(STUCK), 200))) {
            VideoStore.Task task = jdbi.withHandle(h -> VideoStore.find(h, id)).orElse(null);
            if (task != null && finish(task, now)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Claims the task, bills or releases it, and records the outcome; false when another gateway had claimed it, or
     * when the task is another live node's to settle. The reservation lives in the memory of the node that made it
     * (the meter's lease), so only that node settles or releases it while its heartbeat is fresh. A task whose node is
     * gone (its lease lapsed with it) is billed by whoever finds it, with a plain charge at the price in force when it
     * was made; if the credits cannot cover that any more, the task fails and nothing is charged (the video was never
     * delivered, and the balance never goes below zero).
     */
    private boolean finish(VideoStore.Task task, Instant now) {
        boolean mine = task.nodeId() == null || task.nodeId().equals(nodeId);
        if (!mine && jdbi.withHandle(h -> VideoStore.nodeAlive(h, task.nodeId(), now.minus(NODE_GONE)))) {
            return false; // its own node settles it on its next sweep
        }
        if (!jdbi.withHandle(h -> VideoStore.claim(h, task.id(), now, now.minus(STUCK)))) {
            return false;
        }
        Caller caller = new Caller(task.keyId(), task.accountId(), task.keyMode(), task.tier());
        Meter.Charge reservation = new Meter.Charge(task.reservationId(), task.reserved());
        try {
            boolean servable = catalog.model(task.modelSlug()).isPresent();
            if (!servable) {
                if (mine) {
                    meter.release(reservation, caller);
                }
                jdbi.useHandle(h -> VideoStore.move(h, task.id(), List.of("settling"), "failed", task.completesAt(),
                        MODEL_DISABLED + task.modelSlug() + " was disabled before the video was finished; nothing was charged."));
                return true;
            }
            int latency = (int) Duration.between(task.createdAt(), task.completesAt()).toMillis();
            Meter.Logged logged = new Meter.Logged(task.modelSlug(), 200, latency, task.promptExcerpt());
            // a settler that crashed after its bill was written (the request-log row has the reservation's id) billed it
            boolean billed = jdbi.withHandle(h -> VideoStore.logged(h, task.reservationId()));
            if (!billed && mine) {
                meter.settle(reservation, caller, task.modelId(), lines(task.size(), task.seconds()), logged, task.createdAt());
            } else if (!billed) {
                try {
                    meter.charge(caller, task.modelId(), lines(task.size(), task.seconds()), logged, task.createdAt());
                } catch (PlaneRefusal cannotPay) {
                    jdbi.useHandle(h -> VideoStore.move(h, task.id(), List.of("settling"), "failed", task.completesAt(),
                            NOT_COVERED + " by the time it was finished (the gateway that took it had stopped); nothing was charged."));
                    return true;
                }
            }
            jdbi.useHandle(h -> VideoStore.move(h, task.id(), List.of("settling"), "completed", task.completesAt(), null));
            return true;
        } catch (RuntimeException e) {
            log.warn("video task {} could not be settled; it stays in progress and is retried", task.id(), e);
            jdbi.useHandle(h -> VideoStore.move(h, task.id(), List.of("settling"), "in_progress", null, null));
            return false;
        }
    }

    private static List<PricesInForce.Metered> lines(String size, int seconds) {
        return List.of(new PricesInForce.Metered("video_second", size, BigDecimal.valueOf(seconds)));
    }

    /** What the task table keeps of a prompt: secrets redacted (SecretScanner), at most 500 characters. */
    static String excerpt(String prompt) {
        return SecretScanner.scan(dev.gatehouse.gateway.requestlog.RequestLogStore.withoutNul(prompt)).excerpt(500);
    }

    static OpenAiShapes.Video shape(VideoStore.Task t, Instant now) {
        String status = switch (t.status()) {
            case "settling" -> "in_progress";
            case "queued" -> now.isBefore(t.startsAt()) ? "queued" : "in_progress";
            default -> t.status();
        };
        int progress = switch (status) {
            case "completed", "failed" -> 100;
            case "queued" -> 0;
            default -> (int) Math.max(0, Math.min(99, 100 * Duration.between(t.startsAt(), now).toMillis()
                    / Math.max(1, Duration.between(t.startsAt(), t.completesAt()).toMillis())));
        };
        OpenAiShapes.VideoError error = t.status().equals("failed") ? new OpenAiShapes.VideoError(
                t.failure() != null && t.failure().startsWith(NOT_COVERED) ? "insufficient_quota" : "model_disabled", t.failure()) : null;
        return new OpenAiShapes.Video(t.id(), "video", t.modelSlug(), status, progress, t.createdAt().getEpochSecond(),
                t.finishedAt() == null ? null : t.finishedAt().getEpochSecond(), Integer.toString(t.seconds()), t.size(), error);
    }
}
