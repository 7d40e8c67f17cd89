package dev.gatehouse.screens;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.SimulatorStatus;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.gateway.demo.TrafficSimulator;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.gatehouse.screens.ScreenShots.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live demo (issue 12 item 3) on a demo gateway of its own with the traffic simulator running: the status
 * bar shows it, light and dark; and the done-when: suspending a simulator key from the Keys screen makes its
 * requests fail at once.
 */
class SimulatorScreensTest {
    static PlatformFixture gateway;
    static TrafficSimulator simulator;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        gateway = PlatformFixture.start();
        simulator = gateway.demo().simulate(Clock.fixed(Instant.parse("2026-11-28T15:00:00Z"), ZoneOffset.UTC),
                new TrafficSimulator.Options(8, 20261122L));
        java.nio.file.Files.createDirectories(DIR);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        gateway.close();
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(ConsoleWindow w, String id) {
        return find(w, id, TableView.class).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theStatusBarShowsTheSimulatorWithPause(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(gateway, theme, Role.TRUST_SAFETY);
        waitUntil(() -> visible(w, "simulatorBox") && find(w, "simulatorLabel", Label.class).orElseThrow().getText().contains("req/s"));
        // refusals show once the burst key has met its limit
        // the burst key meets its limit once every 30 s and the label counts the last 10 s: wait out a whole cycle
        org.testfx.util.WaitForAsyncUtils.waitFor(45, java.util.concurrent.TimeUnit.SECONDS, () -> {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            return find(w, "simulatorLabel", Label.class).orElseThrow().getText().contains("429");
        });
        fxRun(() -> find(w, "nav-abuse", Button.class).orElseThrow().fire());
        assertThat(fx(() -> find(w, "simulatorToggle", Button.class).orElseThrow().getText())).isEqualTo("Pause");
        save(w, "simulator-status", theme);
    }

    @Test
    void suspendingASimulatorKeyOnTheKeysScreenMakesItsRequestsFailAtOnce() throws Exception {
        ConsoleWindow w = signedIn(gateway, Theme.LIGHT, Role.SUPPORT);
        SimulatorStatus.Key leaked = simulator.status().keys().stream().filter(k -> k.scenario().equals("leaked")).findFirst().orElseThrow();
        waitUntil(() -> simulator.status().outcomes().getOrDefault("ok", 0L) > 10);
        long before = simulator.status().outcomes().getOrDefault("403", 0L);
        assertThat(before).isZero();

        fxRun(() -> find(w, "nav-keys", Button.class).orElseThrow().fire());
        TableView<ApiKey> keys = table(w, "keysTable");
        String prefix = leaked.masked().substring(0, 12);
        fxRun(() -> find(w, "keyPrefixField", TextField.class).orElseThrow().setText(prefix));
        // the search applies once typing settles: until then the unfiltered list shows, and a row picked from it would be
        // unselected by the search's reload
        waitUntil(() -> {
            java.util.List<ApiKey> shown = dev.gatehouse.console.FxWait.rows(keys);
            return !shown.isEmpty() && shown.stream().allMatch(k -> k.masked().startsWith(prefix))
                    && shown.stream().anyMatch(k -> k.id().equals(leaked.id()));
        });
        fxRun(() -> keys.getSelectionModel().select(keys.getItems().stream().filter(k -> k.id().equals(leaked.id())).findFirst().orElseThrow()));
        try {
            waitUntil(() -> !find(w, "suspendKeyButton", Button.class).orElseThrow().isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            Button b = find(w, "suspendKeyButton", Button.class).orElseThrow();
            throw new AssertionError("suspend stays disabled: " + fx(() -> (b.getTooltip() == null ? "no tooltip" : b.getTooltip().getText())
                    + " selected=" + keys.getSelectionModel().getSelectedItem() + " parent=" + b.getParent().getId()), e);
        }
        assertThat(fx(() -> keys.getSelectionModel().getSelectedItem().name())).isEqualTo("simulator · leaked");
        fxRun(() -> find(w, "suspendKeyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow()
                .setText("Key used from 60 addresses at once: leaked (ai-visual-studio §3)."));
        Button submit = find(w, "submitButton", Button.class).orElseThrow();
        waitUntil(() -> !submit.isDisabled());
        fxRun(submit::fire);
        waitUntil(() -> keys.getItems().stream().anyMatch(k -> k.id().equals(leaked.id()) && k.status().equals("suspended")));
        long suspendedAt = System.nanoTime();
        // the simulator keeps using it, as whoever holds a leaked key would: the data plane refuses it from now on
        waitUntil(() -> simulator.status().outcomes().getOrDefault("403", 0L) > before);
        long firstRefusalMs = (System.nanoTime() - suspendedAt) / 1_000_000;
        System.out.println("first 403 seen by the simulator " + firstRefusalMs + " ms after the suspension was shown");
        waitUntil(() -> find(w, "simulatorLabel", Label.class).orElseThrow().getText().contains("403"));
        save(w, "simulator-key-suspended", Theme.LIGHT);
    }
}
