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
    private static final List<String> UNFINISHED = List.of("queued", "in_progress");

    private final Jdbi jdbi;
    private final Meter meter;
    private final PlaneCatalog catalog;

    public VideoTasks(Jdbi jdbi, Meter meter, PlaneCatalog catalog) {
        this.jdbi = jdbi;
        this.meter = meter;
        this.catalog = catalog;
    }

    public OpenAiShapes.Video submit(Caller caller, PlaneModel model, String size, int seconds, String prompt, Instant now) {
        List<PricesInForce.Metered> lines = lines(size, seconds);
        Meter.Charge reservation = meter.reserve(caller, model.id(), lines, now);
        Instant starts = now.plus(QUEUED);
        VideoStore.Task task = new VideoStore.Task(PrefixedIds.next("video_", now), caller.accountId(), caller.keyId(),
                caller.mode(), caller.tier(), model.id(), model.slug(), size, seconds, excerpt(prompt), "queued",
                reservation.requestId(), reservation.cost(), now, starts,
                starts.plus(RENDER_BASE).plus(RENDER_PER_SECOND.multipliedBy(seconds)), null, null);
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
        for (String id : jdbi.withHandle(h -> VideoStore.due(h, now, 200))) {
            VideoStore.Task task = jdbi.withHandle(h -> VideoStore.find(h, id)).orElse(null);
            if (task != null && finish(task, now)) {
                done++;
            }
        }
        return done;
    }

    /** Claims the task, bills or releases it, and records the outcome; false when another gateway had claimed it. */
    private boolean finish(VideoStore.Task task, Instant now) {
        if (!jdbi.withHandle(h -> VideoStore.move(h, task.id(), UNFINISHED, "settling", null, null))) {
            return false;
        }
        Caller caller = new Caller(task.keyId(), task.accountId(), task.keyMode(), task.tier());
        Meter.Charge reservation = new Meter.Charge(task.reservationId(), task.reserved());
        try {
            boolean servable = catalog.model(task.modelSlug()).isPresent();
            if (!servable) {
                meter.release(reservation, caller);
                jdbi.useHandle(h -> VideoStore.move(h, task.id(), List.of("settling"), "failed", task.completesAt(),
                        "The model " + task.modelSlug() + " was disabled before the video was finished; nothing was charged."));
                return true;
            }
            int latency = (int) Duration.between(task.createdAt(), task.completesAt()).toMillis();
            meter.settle(reservation, caller, task.modelId(), lines(task.size(), task.seconds()),
                    new Meter.Logged(task.modelSlug(), 200, latency, task.promptExcerpt()), task.createdAt());
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
        OpenAiShapes.VideoError error = t.status().equals("failed") ? new OpenAiShapes.VideoError("model_disabled", t.failure()) : null;
        return new OpenAiShapes.Video(t.id(), "video", t.modelSlug(), status, progress, t.createdAt().getEpochSecond(),
                t.finishedAt() == null ? null : t.finishedAt().getEpochSecond(), Integer.toString(t.seconds()), t.size(), error);
    }
}
