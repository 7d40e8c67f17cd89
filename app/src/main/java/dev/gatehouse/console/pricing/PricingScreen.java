package dev.gatehouse.console.pricing;

import dev.gatehouse.console.shell.Screen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The Pricing area: price cards under the notice rule, their impact, history and bulk changes. */
public final class PricingScreen implements Screen {
    private final Node view;
    private final PricingController controller;
    private final PricingViewModel vm;

    private PricingScreen(Node view, PricingController controller, PricingViewModel vm) {
        this.view = view;
        this.controller = controller;
        this.vm = vm;
    }

    public static PricingScreen open(Session session) {
        return open(PricingApi.of(session.client()), Platform::runLater, session.role(), session.clock());
    }

    public static PricingScreen open(PricingApi api, Executor fx, Role role, Clock clock) {
        PricingViewModel vm = new PricingViewModel(api, fx, role, clock);
        PricingController controller = new PricingController(vm);
        Node view = Views.load("pricing.fxml", controller);
        vm.start();
        return new PricingScreen(view, controller, vm);
    }

    public PricingViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focus() {
        controller.focus();
    }
}
