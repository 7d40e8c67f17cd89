package dev.gatehouse.console.shell;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.SimulatorStatus;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorBarViewModelTest {
    private static SimulatorStatus status(String state, long recent, Map<String, Long> recentOutcomes) {
        long refused = recent - recentOutcomes.getOrDefault("ok", 0L);
        return new SimulatorStatus(state, 10, "running".equals(state) ? 9.5 : 0, Instant.parse("2026-11-28T12:00:00Z"), 812,
                new TreeMap<>(Map.of("ok", 790L, "429", 18L, "402", 4L)), 10, recent, refused, new TreeMap<>(recentOutcomes), 3, 1,
                List.of(new SimulatorStatus.Key("key_1", "sk-live-AbCd…9xYz", "burst", "acct_1", "Acme")));
    }

    /** A platform whose answers the test gives by hand. */
    static final class FakeSimulatorApi implements SimulatorBarViewModel.SimulatorApi {
        final List<CompletableFuture<SimulatorStatus>> reads = new ArrayList<>();
        final List<String> commands = new ArrayList<>();
        final List<CompletableFuture<SimulatorStatus>> controls = new ArrayList<>();

        @Override public CompletableFuture<SimulatorStatus> simulator() {
            CompletableFuture<SimulatorStatus> f = new CompletableFuture<>();
            reads.add(f);
            return f;
        }

        @Override public CompletableFuture<SimulatorStatus> control(String command) {
            commands.add(command);
            CompletableFuture<SimulatorStatus> f = new CompletableFuture<>();
            controls.add(f);
            return f;
        }
    }

    @Test
    void showsTheRateAndRecentRefusalsAndPausesAndResumes() {
        FakeSimulatorApi api = new FakeSimulatorApi();
        var vm = new SimulatorBarViewModel(api, Runnable::run, Role.SUPPORT);
        assertThat(vm.presentProperty().get()).isFalse();
        vm.poll();
        api.reads.get(0).complete(status("running", 39, Map.of("ok", 36L, "429", 2L, "402", 1L)));
        assertThat(vm.presentProperty().get()).isTrue();
        assertThat(vm.textProperty().get()).isEqualTo("Demo traffic · 3.9 req/s · 3 refused (402 ×1, 429 ×2)");
        assertThat(vm.refusingProperty().get()).isTrue();
        assertThat(vm.toggleTextProperty().get()).isEqualTo("Pause");
        assertThat(vm.detailsProperty().get()).contains("up to 10.0 req/s at the busiest hour, 9.5 now")
                .contains("Since the start: 812 requests; 402 4, 429 18, ok 790").contains("Filed 3 tickets and 1 refund request")
                .contains("sk-live-AbCd…9xYz burst");

        vm.toggle();
        vm.toggle(); // a second click while the first is on its way sends nothing
        assertThat(api.commands).containsExactly("pause");
        assertThat(vm.busyProperty().get()).isTrue();
        api.controls.get(0).complete(status("paused", 0, Map.of()));
        assertThat(vm.textProperty().get()).isEqualTo("Demo traffic paused · 812 requests so far");
        assertThat(vm.toggleTextProperty().get()).isEqualTo("Resume");
        assertThat(vm.refusingProperty().get()).isFalse();
        vm.toggle();
        assertThat(api.commands).containsExactly("pause", "resume");
        api.controls.get(1).completeExceptionally(new PlatformException("The platform did not answer in time.", 0, null, true, null));
        assertThat(vm.detailsProperty().get()).isEqualTo("Could not resume: The platform did not answer in time.");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.close();
    }

    @Test
    void quietTrafficSaysNoneRefused() {
        FakeSimulatorApi api = new FakeSimulatorApi();
        var vm = new SimulatorBarViewModel(api, Runnable::run, Role.OPS);
        vm.poll();
        api.reads.get(0).complete(status("running", 12, Map.of("ok", 12L)));
        assertThat(vm.textProperty().get()).isEqualTo("Demo traffic · 1.2 req/s · none refused");
        assertThat(vm.refusingProperty().get()).isFalse();
    }

    @Test
    void hiddenAndSilentWhereNoSimulatorRuns() {
        FakeSimulatorApi api = new FakeSimulatorApi();
        var vm = new SimulatorBarViewModel(api, Runnable::run, Role.LEAD);
        vm.poll();
        Problem p = new Problem(ProblemType.NOT_FOUND.uri(), "Not found", 404, "No traffic simulator drives this gateway", List.of());
        api.reads.get(0).completeExceptionally(new PlatformException("No traffic simulator drives this gateway", 404, p, false, null));
        assertThat(vm.presentProperty().get()).isFalse();
        vm.poll();
        assertThat(api.reads).as("no more asking once there is none").hasSize(1);
    }

    @Test
    void aFailedReadKeepsTheLastOneAndSaysItIsStale() {
        FakeSimulatorApi api = new FakeSimulatorApi();
        var vm = new SimulatorBarViewModel(api, Runnable::run, Role.LEAD);
        vm.poll();
        api.reads.get(0).complete(status("running", 12, Map.of("ok", 12L)));
        vm.poll();
        api.reads.get(1).completeExceptionally(new PlatformException("The platform is unreachable.", 0, null, true, null));
        assertThat(vm.presentProperty().get()).isTrue();
        assertThat(vm.textProperty().get()).startsWith("Demo traffic · 1.2 req/s");
        assertThat(vm.detailsProperty().get()).isEqualTo("Not updated: The platform is unreachable.");
        vm.poll();
        assertThat(api.reads).hasSize(3);
    }

    @Test
    void aViewerWatchesButDoesNotPause() {
        FakeSimulatorApi api = new FakeSimulatorApi();
        var vm = new SimulatorBarViewModel(api, Runnable::run, Role.VIEWER);
        vm.poll();
        api.reads.get(0).complete(status("running", 12, Map.of("ok", 12L)));
        assertThat(vm.mayControl()).isFalse();
        vm.toggle();
        assertThat(api.commands).isEmpty();
    }
}
