package dev.gatehouse.console.pricing;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Views;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The Pricing area: price cards under the notice rule, their impact, history and bulk changes. */
public final class PricingScreen extends ViewModelScreen<PricingViewModel> {
    private final PricingController controller;
    private final VolumeDiscountsViewModel discounts;

    private PricingScreen(Node view, PricingController controller, PricingViewModel vm, VolumeDiscountsViewModel discounts) {
        super(view, vm, controller::focus, () -> {});
        this.controller = controller;
        this.discounts = discounts;
    }

    public static PricingScreen open(Session session) {
        return open(session.client(), Platform::runLater, session.role(), session.clock());
    }

    public static PricingScreen open(PlatformClient client, Executor fx, Role role, Clock clock) {
        return open(PricingApi.of(client), VolumeDiscountsApi.of(client), PriceNoticesApi.of(client), fx, role, clock);
    }

    public static PricingScreen open(PricingApi api, VolumeDiscountsApi discountsApi, PriceNoticesApi noticesApi, Executor fx, Role role,
                                     Clock clock) {
        PricingViewModel vm = new PricingViewModel(api, fx, role, clock);
        VolumeDiscountsViewModel discounts = new VolumeDiscountsViewModel(discountsApi, fx, role, clock);
        PriceNoticesViewModel notices = new PriceNoticesViewModel(noticesApi, fx, clock.getZone());
        ModalLayer modal = new ModalLayer();
        PricingController controller = new PricingController(vm, discounts, notices, modal);
        Node view = ModalLayer.over(Views.load("pricing.fxml", controller), modal);
        vm.start();
        discounts.start();
        notices.search();
        return new PricingScreen(view, controller, vm, discounts);
    }

    public VolumeDiscountsViewModel discounts() {
        return discounts;
    }

    /** {@code subject}: a model's slug, opened in the editor, or {@code bulk?provider=…&percent=…}, a bulk preview. */
    @Override
    public void show(String subject) {
        if (subject.startsWith("bulk?")) {
            controller.showBulkTab();
            viewModel().openBulkLink(subject.substring("bulk?".length()));
            return;
        }
        controller.showModelTab();
        viewModel().openModel(subject);
    }
}
