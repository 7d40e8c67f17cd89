package dev.gatehouse.console.tiers;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The Rate limits area: tiers and Enterprise custom limits under the notice rule. */
public final class TiersScreen extends ViewModelScreen<TiersViewModel> {
    private TiersScreen(Node view, TiersController controller, TiersViewModel vm) {
        super(view, vm, controller::focus, () -> {});
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
}
