package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.SimulatorCommand;
import dev.gatehouse.api.SimulatorStatus;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Permission;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /admin/v1/simulator (issue 12 item 3): the demo traffic simulator's state and totals, and pause / resume. Pausing is
 * {@link Permission#CONTROL_SIMULATOR}; a gateway that no simulator drives answers 404.
 */
public final class SimulatorRoutes implements Feature {
    private static final Routes.Body<SimulatorCommand> COMMAND = new Routes.Body<>(SimulatorCommand.class,
            Set.of(Permission.CONTROL_SIMULATOR), b -> List.of());

    private final SimulatorSlot slot;

    public SimulatorRoutes(SimulatorSlot slot) {
        this.slot = slot;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/simulator", Permission.READ, this::status);
        routes.action("/admin/v1/simulator/pause", COMMAND, r -> command(r, "simulator.pause", "paused the demo traffic", SimulatorControl::pause));
        routes.action("/admin/v1/simulator/resume", COMMAND, r -> command(r, "simulator.resume", "resumed the demo traffic", SimulatorControl::resume));
    }

    private SimulatorControl running() {
        return slot.current().orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND,
                "No traffic simulator drives this gateway: it runs in demo mode only (console demo, or gateway --demo --simulate)."));
    }

    private void status(Context ctx) {
        ctx.json(running().status());
    }

    private Audited<SimulatorStatus> command(RouteRequest<SimulatorCommand> request, String action, String defaultReason,
                                            java.util.function.Function<SimulatorControl, SimulatorStatus> change) {
        SimulatorControl simulator = running();
        String reason = request.body().reason();
        if (reason != null && !reason.isBlank()) {
            Enforcement.reasonProblem(reason).ifPresent(m -> {
                throw ApiException.validation(List.of(new dev.gatehouse.api.Problem.FieldError("reason", m)));
            });
        }
        String before = simulator.status().state();
        SimulatorStatus after = change.apply(simulator);
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), action, "simulator",
                reason == null || reason.isBlank() ? defaultReason : reason.trim(), Map.of("state", before), Map.of("state", after.state())),
                entry -> after);
    }
}
