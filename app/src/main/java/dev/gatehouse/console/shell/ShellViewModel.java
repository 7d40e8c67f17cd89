package dev.gatehouse.console.shell;

import dev.gatehouse.console.client.PlatformException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main window's state: who is signed in where, which area is open, whether the platform answers,
 * and the theme. Reachability comes from every call the client makes plus a light health check.
 */
public final class ShellViewModel implements AutoCloseable {
    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(15);

    private final Session session;
    private final Executor fx;
    private final Runnable switchPlatform;
    private final List<ConsoleArea> areas;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyObjectWrapper<ConsoleArea> area = new ReadOnlyObjectWrapper<>(this, "area");
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable", true);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "Connected");
    private ScheduledExecutorService healthChecks;
    private final SimulatorBarViewModel simulatorBar;

    public ShellViewModel(Session session, List<ConsoleArea> areas, ObjectProperty<Theme> theme, Executor fx, Runnable switchPlatform) {
        this.session = session;
        this.areas = List.copyOf(areas);
        this.theme = theme;
        this.fx = fx;
        this.switchPlatform = switchPlatform;
        session.client().addReachabilityListener(ok -> fx.execute(() -> setReachable(ok, null)));
        this.simulatorBar = new SimulatorBarViewModel(SimulatorBarViewModel.SimulatorApi.of(session.client()), fx, session.role());
    }

    /** Opens the first built area and starts the periodic health check. */
    public void start() {
        areas.stream().filter(ConsoleArea::built).findFirst().ifPresent(this::open);
        healthChecks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "platform-health");
            t.setDaemon(true);
            return t;
        });
        long every = HEALTH_INTERVAL.toMillis();
        healthChecks.scheduleWithFixedDelay(this::checkHealth, every, every, TimeUnit.MILLISECONDS);
        simulatorBar.start();
    }

    public void checkHealth() {
        session.client().health().whenComplete((h, failure) -> fx.execute(() ->
                setReachable(failure == null, failure == null ? null : PlatformException.of(failure))));
    }

    private void setReachable(boolean ok, PlatformException failure) {
        reachable.set(ok);
        if (ok) {
            connectionText.set("Connected");
        } else if (failure == null || failure.unreachable()) {
            connectionText.set("Platform unreachable · checking every " + HEALTH_INTERVAL.toSeconds() + " s");
        } else {
            connectionText.set("Platform answering with errors (HTTP " + failure.status() + ")");
        }
    }

    /** Opens an area if it is built; disabled areas do nothing. */
    public boolean open(ConsoleArea target) {
        if (target == null || !target.built() || target.equals(area.get())) {
            return target != null && target.built();
        }
        area.set(target);
        return true;
    }

    /** Ctrl+1 … Ctrl+9, Ctrl+0: the n-th area of the rail (1-based, 0 = tenth). */
    public boolean openByShortcut(int digit) {
        int index = digit == 0 ? 9 : digit - 1;
        return index < areas.size() && open(areas.get(index));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void switchPlatform() {
        switchPlatform.run();
    }

    @Override
    public void close() {
        if (healthChecks != null) {
            healthChecks.shutdownNow();
        }
        simulatorBar.close();
    }

    public Session session() { return session; }
    /** The demo traffic simulator in the status bar (issue 12); hidden where none runs. */
    public SimulatorBarViewModel simulatorBar() { return simulatorBar; }
    public List<ConsoleArea> areas() { return areas; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ReadOnlyObjectProperty<ConsoleArea> areaProperty() { return area.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty reachableProperty() { return reachable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText.getReadOnlyProperty(); }

    public String platformText() {
        var p = session.me().platform();
        return p.name() + " " + p.version();
    }

    public String modeText() {
        return session.me().platform().mode();
    }

    public String operatorText() {
        return session.me().name();
    }
}
