package dev.gatehouse.console.abuse;

import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.util.Duration;

import java.util.concurrent.Executor;

/**
 * The Trust & Safety workspace. Two timelines drive it: one tick a second for every countdown of the queue (one
 * shared clock, not a timer per row) and a poll every few seconds that follows changes made elsewhere.
 */
public final class AbuseScreen extends ViewModelScreen<AbuseViewModel> {
    static final Duration TICK = Duration.seconds(1);
    static final Duration POLL = Duration.seconds(5);

    private final Timeline ticking;
    private final Timeline polling;

    private AbuseScreen(Parent view, AbuseController controller, AbuseViewModel vm) {
        super(view, vm, controller::focus, vm::close);
        this.ticking = new Timeline(new KeyFrame(TICK, e -> vm.tick(vm.time().now())));
        this.ticking.setCycleCount(Animation.INDEFINITE);
        this.polling = new Timeline(new KeyFrame(POLL, e -> vm.poll()));
        this.polling.setCycleCount(Animation.INDEFINITE);
    }

    public static AbuseScreen open(Session session) {
        AbuseScreen screen = open(AbuseApi.of(session.client()), Platform::runLater, session.role(), session.me().id(),
                OperatorTime.of(session.clock()), true);
        screen.viewModel().follow(session.events(), session.notifier());
        return screen;
    }

    /** {@code live}: tick and poll on timelines (tests and screenshots drive the clock themselves). */
    public static AbuseScreen open(AbuseApi api, Executor fx, Role role, String operatorId, OperatorTime time, boolean live) {
        AbuseViewModel vm = new AbuseViewModel(api, fx, role, operatorId, time);
        ModalLayer layer = new ModalLayer();
        AbuseController controller = new AbuseController(vm, layer);
        Parent view = ModalLayer.over(Views.load("abuse.fxml", controller), layer);
        AbuseScreen screen = new AbuseScreen(view, controller, vm);
        vm.start();
        if (live) {
            screen.ticking.play();
            screen.polling.play();
        }
        return screen;
    }

    @Override
    public void close() {
        ticking.stop();
        polling.stop();
        super.close();
    }
}
