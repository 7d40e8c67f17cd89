package dev.gatehouse.console.shell;

import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.SimulatorStatus;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The demo traffic simulator in the status bar (issue 12 item 3): running or paused, requests per second, recent
 * refusals, with pause and resume. Polls the platform off the FX thread; hidden when no simulator drives it (a 404:
 * team mode, or a demo started with --no-simulate), and then it stops asking.
 */
public final class SimulatorBarViewModel implements AutoCloseable {
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** What the bar reads and does. */
    public interface SimulatorApi {
        CompletableFuture<SimulatorStatus> simulator();

        CompletableFuture<SimulatorStatus> control(String command);

        static SimulatorApi of(PlatformClient client) {
            return new SimulatorApi() {
                @Override public CompletableFuture<SimulatorStatus> simulator() { return client.simulator(); }
                @Override public CompletableFuture<SimulatorStatus> control(String command) { return client.controlSimulator(command); }
            };
        }
    }

    private final SimulatorApi api;
    private final Executor fx;
    private final Role role;
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyObjectWrapper<SimulatorStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper toggleText = new ReadOnlyStringWrapper(this, "toggleText", "Pause");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper refusing = new ReadOnlyBooleanWrapper(this, "refusing");
    private ScheduledExecutorService poller;
    private volatile boolean gone;

    public SimulatorBarViewModel(SimulatorApi api, Executor fx, Role role) {
        this.api = api;
        this.fx = fx;
        this.role = role;
    }

    /** Asks now, then every {@link #POLL_INTERVAL} until there turns out to be no simulator, or {@link #close()}. */
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-status");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the simulator; the answer is applied on the FX thread. */
    public void poll() {
        if (gone) {
            return;
        }
        api.simulator().whenComplete((s, failure) -> fx.execute(() -> {
            if (failure == null) {
                show(s);
            } else if (PlatformException.of(failure).is(ProblemType.NOT_FOUND) || PlatformException.of(failure).status() == 404) {
                gone = true;
                present.set(false);
                if (poller != null) {
                    poller.shutdown();
                }
            } else {
                // unreachable or failing: the connection indicator says so; the last reading stays, marked stale
                if (status.get() != null) {
                    details.set("Not updated: " + PlatformException.of(failure).getMessage());
                }
            }
        }));
    }

    /** Pause when running, resume when paused. */
    public void toggle() {
        SimulatorStatus s = status.get();
        if (s == null || busy.get() || !mayControl()) {
            return;
        }
        busy.set(true);
        api.control("running".equals(s.state()) ? "pause" : "resume").whenComplete((after, failure) -> fx.execute(() -> {
            busy.set(false);
            if (failure == null) {
                show(after);
            } else {
                details.set("Could not " + ("running".equals(s.state()) ? "pause" : "resume") + ": " + PlatformException.of(failure).getMessage());
            }
        }));
    }

    /** Every role but the viewer may pause the demo (policy Permission.CONTROL_SIMULATOR). */
    public boolean mayControl() {
        return Permission.CONTROL_SIMULATOR.allows(role);
    }

    private void show(SimulatorStatus s) {
        status.set(s);
        present.set(true);
        boolean running = "running".equals(s.state());
        toggleText.set(running ? "Pause" : "Resume");
        double rps = s.recentWindowSeconds() == 0 ? 0 : (double) s.recentRequests() / s.recentWindowSeconds();
        refusing.set(s.recentRefused() > 0);
        text.set(running ? String.format(java.util.Locale.ROOT, "Demo traffic · %.1f req/s · %s", rps, refused(s))
                : "Demo traffic paused · " + s.requests() + " requests so far");
        details.set(details(s));
    }

    private static String refused(SimulatorStatus s) {
        if (s.recentRefused() == 0) {
            return "none refused";
        }
        String by = s.recentOutcomes().entrySet().stream().filter(e -> !"ok".equals(e.getKey()))
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        return s.recentRefused() + " refused (" + by + ")";
    }

    /** The tooltip: the rates, the totals by outcome, what it filed, and the keys an operator may suspend. */
    static String details(SimulatorStatus s) {
        StringBuilder b = new StringBuilder();
        b.append("Traffic simulator ").append(s.state()).append(": up to ").append(fmt(s.targetRps()))
                .append(" req/s at the busiest hour, ").append(fmt(s.currentRps())).append(" now.\n");
        b.append("Last ").append(s.recentWindowSeconds()).append(" s: ").append(s.recentRequests()).append(" requests, ")
                .append(s.recentRefused()).append(" refused.\n");
        b.append("Since the start: ").append(s.requests()).append(" requests; ").append(outcomes(s.outcomes())).append(".\n");
        b.append("Filed ").append(s.ticketsFiled()).append(s.ticketsFiled() == 1 ? " ticket" : " tickets").append(" and ")
                .append(s.refundsFiled()).append(s.refundsFiled() == 1 ? " refund request" : " refund requests").append(".\n");
        b.append("Its demo keys (Keys screen, named \"simulator · …\"): ");
        b.append(s.keys().stream().map(k -> k.masked() + " " + k.scenario()).collect(Collectors.joining(", ")));
        return b.toString();
    }

    private static String outcomes(Map<String, Long> outcomes) {
        return outcomes.isEmpty() ? "no answers yet" : outcomes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() {
        gone = true;
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SimulatorStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** "Demo traffic · 3.9 req/s · 2 refused (429 ×2)", or "Demo traffic paused · 812 requests so far". */
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyStringProperty toggleTextProperty() { return toggleText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True while the recent window holds refusals: the bar marks them. */
    public ReadOnlyBooleanProperty refusingProperty() { return refusing.getReadOnlyProperty(); }
}
