package dev.gatehouse.console.support;

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

/** The Support workspace: the ticket queue, the conversation and the customer's context. */
public final class SupportScreen extends ViewModelScreen<SupportViewModel> {
    private SupportScreen(Node view, SupportController controller, SupportViewModel vm) {
        super(view, vm, controller::focus, vm::close);
    }

    public static SupportScreen open(Session session) {
        SupportScreen screen = open(SupportApi.of(session.client()), Platform::runLater, session.role(),
                OperatorTime.of(session.clock()), session.me().id(), session.me().name());
        screen.viewModel().follow(session.events(), session.notifier());
        return screen;
    }

    public static SupportScreen open(SupportApi api, Executor fx, Role role, OperatorTime time, String me, String meName) {
        ModalLayer layer = new ModalLayer();
        SupportViewModel vm = new SupportViewModel(api, fx, role, time, me, meName);
        SupportController controller = new SupportController(vm, layer);
        Parent root = Views.load("support.fxml", controller);
        vm.start();
        return new SupportScreen(ModalLayer.over(root, layer), controller, vm);
    }

    /** {@code subject}: a ticket id, opened in the conversation. */
    @Override
    public void show(String subject) {
        viewModel().openTicket(subject);
    }
}
