package dev.gatehouse.gateway.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent pieces of the large seed on their own threads and waits for all of them. */
final class Parallel {
    private Parallel() {}

    /** The first failure is rethrown once every piece has stopped; {@code what} names the work in that message. */
    static void run(List<Runnable> work, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable w : work) {
                futures.add(pool.submit(w));
            }
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = new IllegalStateException(what + " failed", e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
