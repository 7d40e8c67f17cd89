package dev.gatehouse.console.refunds;

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

/** The Refunds area: the refund queue, a refund's eligibility and lot history, decisions, and the Policy panel. */
public final class RefundsScreen extends ViewModelScreen<RefundsViewModel> {
    private RefundsScreen(Node view, RefundsController controller, RefundsViewModel vm) {
        super(view, vm, controller::focus, vm::close);
    }

    public static RefundsScreen open(Session session) {
        RefundsScreen screen = open(RefundsApi.of(session.client()), Platform::runLater, session.role(), session.me().id(),
                OperatorTime.of(session.clock()));
        screen.viewModel().follow(session.events(), session.notifier());
        return screen;
    }

    public static RefundsScreen open(RefundsApi api, Executor fx, Role role, String operatorId, OperatorTime time) {
        ModalLayer layer = new ModalLayer();
        RefundsViewModel vm = new RefundsViewModel(api, fx, role, operatorId, time);
        RefundsController controller = new RefundsController(vm, layer);
        Parent list = Views.load("refunds.fxml", controller);
        vm.start();
        return new RefundsScreen(ModalLayer.over(list, layer), controller, vm);
    }

    /** {@code subject}: a refund id, opened with its eligibility. */
    @Override
    public void show(String subject) {
        viewModel().openRefund(subject);
    }
}
