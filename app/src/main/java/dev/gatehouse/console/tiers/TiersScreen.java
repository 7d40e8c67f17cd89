package dev.gatehouse.console.tiers;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Screen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The Rate limits area: tiers and Enterprise custom limits under the notice rule. */
public final class TiersScreen implements Screen {
    private final Node view;
    private final TiersController controller;
    private final TiersViewModel vm;

    private TiersScreen(Node view, TiersController controller, TiersViewModel vm) {
        this.view = view;
        this.controller = controller;
        this.vm = vm;
    }

    public static TiersScreen open(Session session) {
        return open(TiersApi.of(session.client()), Platform::runLater, session.role(), session.clock());
    }

    public static TiersScreen open(TiersApi api, Executor fx, Role role, Clock clock) {
        TiersViewModel vm = new TiersViewModel(api, fx, role, clock);
        ModalLayer modal = new ModalLayer();
        TiersController controller = new TiersController(vm, modal);
        Node view = ModalLayer.over(Views.load("tiers.fxml", controller), modal);
        vm.start();
        return new TiersScreen(view, controller, vm);
    }

    public TiersViewModel viewModel() {
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
