package dev.gatehouse.console.accounts;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.concurrent.Executor;

/** The Accounts area: search on the left, the selected account's 360° view on the right, dialogs over both. */
public final class AccountsScreen extends ViewModelScreen<AccountsViewModel> {
    private AccountsScreen(Node view, AccountsController controller, AccountsViewModel vm) {
        super(view, vm, controller::focus, vm::close);
    }

    public static AccountsScreen open(Session session) {
        AccountsScreen screen = open(AccountsApi.of(session.client()), Platform::runLater, session.role(), OperatorTime.of(session.clock()));
        screen.viewModel().follow(session.events(), session.notifier());
        return screen;
    }

    public static AccountsScreen open(AccountsApi api, Executor fx, Role role, OperatorTime time) {
        ModalLayer layer = new ModalLayer();
        AccountDetailViewModel detail = new AccountDetailViewModel(api, fx, role, time);
        Parent detailView = Views.load("account-detail.fxml", new AccountDetailController(detail, layer));
        AccountsViewModel vm = new AccountsViewModel(api, fx, detail);
        AccountsController controller = new AccountsController(vm, detailView, layer);
        Parent list = Views.load("accounts.fxml", controller);
        vm.start();
        return new AccountsScreen(ModalLayer.over(list, layer), controller, vm);
    }
}
