package dev.gatehouse.console.keys;

import dev.gatehouse.console.accounts.AccountDetailController;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.concurrent.Executor;

/** The Keys area: search and act on API keys; a key's account opens in a drawer with the shared account view. */
public final class KeysScreen extends ViewModelScreen<KeysViewModel> {
    private KeysScreen(Node view, KeysController controller, KeysViewModel vm) {
        super(view, vm, controller::focus, vm::close);
    }

    public static KeysScreen open(Session session) {
        KeysScreen screen = open(KeysApi.of(session.client()), Platform::runLater, session.role(), OperatorTime.of(session.clock()));
        screen.viewModel().follow(session.events(), session.notifier());
        return screen;
    }

    public static KeysScreen open(KeysApi api, Executor fx, Role role, OperatorTime time) {
        ModalLayer layer = new ModalLayer();
        KeysViewModel vm = new KeysViewModel(api, fx, role, time);
        Parent accountView = Views.load("account-detail.fxml", new AccountDetailController(vm.accountView(), layer));
        KeysController controller = new KeysController(vm, layer, accountView);
        Parent list = Views.load("keys.fxml", controller);
        vm.start();
        return new KeysScreen(ModalLayer.over(list, layer), controller, vm);
    }
}
