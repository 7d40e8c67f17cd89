package dev.gatehouse.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Background housekeeping of the gateway: one daemon thread per sweep; a failed round is logged and retried next period. */
public final class PeriodicSweep {
    private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);

    private PeriodicSweep() {}

    /** Runs {@code sweep} every {@code periodSeconds} until the returned executor is shut down. */
    public static ScheduledExecutorService every(String name, long periodSeconds, Runnable sweep) {
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
