package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.abuse.AutomatedReports;
import dev.gatehouse.policy.PromptDetectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link PromptDetectors} on every served prompt and files what they find through the automated intake
 * ({@link AutomatedReports}, actor {@code system:prompt-detector}). The request never waits: filing runs on one
 * background thread. Never a flood: the intake keeps one unresolved report per key and category, and this gateway asks
 * it at most once per key and category every {@link #REMEMBER} (a key that keeps sending such prompts costs no
 * database work in between).
 */
public final class PromptReports implements PromptScreen, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PromptReports.class);
    public static final String DETECTOR = "prompt-detector";
    static final Duration REMEMBER = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED = 10_000;

    private final Jdbi jdbi;
    private final Map<String, Instant> lastFiled = new ConcurrentHashMap<>();
    private final ExecutorService filer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1000), r -> {
        Thread t = new Thread(r, "plane-prompt-reports");
        t.setDaemon(true);
        return t;
    });

    public PromptReports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Screens a served request's prompt; what trips a rule is filed in the background. */
    @Override
    public void screen(Caller caller, String model, String prompt, Instant now) {
        List<PromptDetectors.Hit> hits = PromptDetectors.detect(prompt);
        for (PromptDetectors.Hit hit : hits) {
            String memo = caller.keyId() + "|" + hit.category().wire();
            Instant last = lastFiled.get(memo);
            if (last != null && now.isBefore(last.plus(REMEMBER))) {
                continue;
            }
            if (lastFiled.size() >= MAX_REMEMBERED) {
                lastFiled.clear();
            }
            lastFiled.put(memo, now);
            String description = "Automated detector '" + hit.rule() + "' (" + hit.clause() + ") matched " + hit.evidence()
                    + " in a prompt to " + model + ". The request log holds the redacted prompt; review before acting.";
            try {
                filer.execute(() -> file(caller, hit, description, now));
            } catch (RejectedExecutionException full) {
                lastFiled.remove(memo); // try again on the next such prompt
                log.warn("prompt reports are backed up; {} for key {} not filed this time", hit.rule(), caller.keyId());
            }
        }
    }

    private void file(Caller caller, PromptDetectors.Hit hit, String description, Instant now) {
        try {
            AutomatedReports.Filed filed = AutomatedReports.file(jdbi, hit.category(), caller.accountId(), caller.keyId(),
                    description, DETECTOR, now);
            if (filed.opened()) {
                log.info("{} opened report {} for key {}", hit.rule(), filed.reportId(), caller.keyId());
            }
        } catch (RuntimeException e) {
            log.warn("could not file a {} report for key {}", hit.rule(), caller.keyId(), e);
        }
    }

    /** Waits for filings under way (so the database can close after this). */
    @Override
    public void close() {
        filer.shutdown();
        try {
            filer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
