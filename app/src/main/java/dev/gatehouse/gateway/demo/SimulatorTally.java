package dev.gatehouse.gateway.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's counts of data-plane answers: since the start by outcome ("ok", "429", …, "unreachable"), and in
 * one-second buckets over the last {@link #WINDOW_SECONDS}, for the status bar's requests per second and recent refusals.
 * Thread-safe; {@code second} is the sender's own monotonic second count, so the injected clock may stand still.
 */
final class SimulatorTally {
    static final int WINDOW_SECONDS = 10;
    static final String OK = "ok";
    static final String UNREACHABLE = "unreachable";

    private final Map<String, Long> totals = new TreeMap<>();
    private final long[] bucketSecond = new long[WINDOW_SECONDS];
    @SuppressWarnings("unchecked")
    private final Map<String, Long>[] buckets = new Map[WINDOW_SECONDS];
    private long requests;
    private long tickets;
    private long refunds;

    SimulatorTally() {
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            buckets[i] = new TreeMap<>();
            bucketSecond[i] = -1;
        }
    }

    /** "ok" for a 2xx, "5xx" for any server error, the status itself for a refusal, "unreachable" for no answer (0). */
    static String outcome(int status) {
        if (status == 0) {
            return UNREACHABLE;
        }
        if (status >= 200 && status < 300) {
            return OK;
        }
        return status >= 500 ? "5xx" : Integer.toString(status);
    }

    synchronized void record(int status, long second) {
        String outcome = outcome(status);
        requests++;
        totals.merge(outcome, 1L, Long::sum);
        int i = (int) Math.floorMod(second, WINDOW_SECONDS);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i].clear();
        }
        buckets[i].merge(outcome, 1L, Long::sum);
    }

    synchronized void ticketFiled() {
        tickets++;
    }

    synchronized void refundFiled() {
        refunds++;
    }

    /** What the counts are at {@code second}: totals, and the last window's outcomes (the current second included). */
    synchronized Snapshot snapshot(long second) {
        Map<String, Long> recent = new TreeMap<>();
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (bucketSecond[i] > second - WINDOW_SECONDS && bucketSecond[i] <= second) {
                buckets[i].forEach((k, v) -> recent.merge(k, v, Long::sum));
            }
        }
        return new Snapshot(requests, new TreeMap<>(totals), recent, tickets, refunds);
    }

    record Snapshot(long requests, Map<String, Long> totals, Map<String, Long> recent, long tickets, long refunds) {
        long recentRequests() {
            return recent.values().stream().mapToLong(Long::longValue).sum();
        }

        long recentRefused() {
            return recentRequests() - recent.getOrDefault(OK, 0L);
        }
    }
}
