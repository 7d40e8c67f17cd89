package dev.gatehouse.console.accounts;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Screen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.concurrent.Executor;

/** The Accounts area: search on the left, the selected account's 360° view on the right, dialogs over both. */
public final class AccountsScreen implements Screen {
    private final Node view;
    private final AccountsController controller;
    private final AccountsViewModel vm;
    private final ModalLayer layer;

    private AccountsScreen(Node view, AccountsController controller, AccountsViewModel vm, ModalLayer layer) {
        this.view = view;
        this.controller = controller;
        this.vm = vm;
        this.layer = layer;
    }

    public static AccountsScreen open(Session session) {
        AccountsScreen screen = open(AccountsApi.of(session.client()), Platform::runLater, session.role(), OperatorTime.of(session.clock()));
        screen.vm.follow(session.events(), session.notifier());
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
        return new AccountsScreen(ModalLayer.over(list, layer), controller, vm, layer);
    }

    public AccountsViewModel viewModel() {
        return vm;
    }

    public ModalLayer layer() {
        return layer;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focus() {
        controller.focus();
    }

    @Override
    public void close() {
        vm.close();
    }
}
