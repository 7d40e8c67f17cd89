package dev.gatehouse.gateway;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Background housekeeping of the gateway: one daemon thread per sweep, running while the server runs; a failed round
 * is logged and retried next period.
 */
public final class PeriodicSweep {
    private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);

    private PeriodicSweep() {}

    /** Runs {@code sweep} every {@code periodSeconds} from the moment {@code app} has started until it stops. */
    public static void whileServing(Javalin app, String name, long periodSeconds, Runnable sweep) {
        AtomicReference<ScheduledExecutorService> timer = new AtomicReference<>();
        app.events(e -> {
            e.serverStarted(() -> timer.set(every(name, periodSeconds, sweep)));
            e.serverStopping(() -> {
                ScheduledExecutorService t = timer.getAndSet(null);
                if (t != null) {
                    t.shutdownNow();
                }
            });
        });
    }

    private static ScheduledExecutorService every(String name, long periodSeconds, Runnable sweep) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep.run();
            } catch (RuntimeException e) {
                log.warn("{} failed; retrying next period", name, e);
            }
        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        return timer;
    }
}
