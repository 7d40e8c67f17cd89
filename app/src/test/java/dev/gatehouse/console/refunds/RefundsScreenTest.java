package dev.gatehouse.console.refunds;

import dev.gatehouse.api.Refund;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.RefundState;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the Refunds workspace against the real demo gateway: support approves a refund above the four-eyes
 * threshold, which then waits; a lead gives the second approval in their own workspace, and the refund is paid.
 */
@ExtendWith(ApplicationExtension.class)
class RefundsScreenTest {
    static PlatformFixture gateway;
    final List<PlatformClient> clients = new ArrayList<>();
    final List<RefundsScreen> screens = new ArrayList<>();
    Stage stage;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(Role.SUPPORT);
        stage.show();
    }

    /** The workspace as an operator of {@code role} sees it, in the test's window. */
    RefundsScreen show(Role role) {
        PlatformClient client = new PlatformClient(gateway.baseUrl(), gateway.token(role));
        clients.add(client);
        String me;
        try {
            me = client.me().get(10, TimeUnit.SECONDS).id();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RefundsScreen screen = RefundsScreen.open(RefundsApi.of(client), Platform::runLater, role, me, OperatorTime.of(Clock.systemDefaultZone()));
        screens.add(screen);
        StackPane root = new StackPane(screen.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        return screen;
    }

    @AfterEach
    void stop() throws Exception {
        for (RefundsScreen s : screens) {
            WaitForAsyncUtils.asyncFx(s::close).get(5, TimeUnit.SECONDS);
        }
        clients.forEach(PlatformClient::close);
    }

    @SuppressWarnings("unchecked")
    static TableView<Refund> table(FxRobot robot) {
        return robot.lookup("#refundsTable").queryAs(TableView.class);
    }

    private static Refund select(FxRobot robot, RefundsScreen screen, java.util.function.Predicate<Refund> which) throws Exception {
        TableView<Refund> refunds = table(robot);
        waitUntil(() -> !refunds.getItems().isEmpty() && refunds.getItems().stream().anyMatch(which));
        Refund target = refunds.getItems().stream().filter(which).reduce((a, b) -> b).orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            refunds.scrollTo(target);
            refunds.getSelectionModel().select(target);
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> screen.viewModel().detailProperty().get() != null
                && screen.viewModel().detailProperty().get().refund().id().equals(target.id()));
        return target;
    }

    @Test
    void aRefundAboveTheThresholdIsApprovedEndToEndWithASecondApprover(FxRobot robot) throws Exception {
        RefundsScreen support = screens.get(0);
        waitUntil(() -> robot.lookup("#presetLabel").queryAs(Label.class).getText().startsWith("Pixapi preset in force"));
        WaitForAsyncUtils.asyncFx(() -> support.viewModel().stateProperty().set(RefundState.REQUESTED)).get(5, TimeUnit.SECONDS);
        Refund target = select(robot, support, r -> r.state().equals("requested") && r.verdict().equals("eligible")
                && r.requestedAmount().compareTo(new BigDecimal("500")) > 0);
        waitUntil(() -> robot.lookup("#refundDecidingRule").queryAs(Label.class).getText().contains("pixapi §8"));

        robot.clickOn("#approveRefundButton");
        waitUntil(() -> robot.lookup("#refundDialogRoot").tryQuery().isPresent());
        assertThat(robot.lookup("#refundChangesBox").queryAs(javafx.scene.layout.VBox.class).getChildren().get(0))
                .extracting(n -> ((Label) n).getText()).asString().startsWith("First approval of");
        robot.clickOn("#refundReasonArea").write("Unused pack bought this week (pixapi §8)");
        robot.clickOn("#refundSubmitButton");
        waitUntil(() -> robot.lookup("#refundDialogRoot").tryQuery().isEmpty()
                && "awaiting_second_approval".equals(table(robot).getItems().stream()
                .filter(r -> r.id().equals(target.id())).findFirst().map(Refund::state).orElse("")));
        waitUntil(() -> robot.lookup("#approveRefundButton").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#refundActionNote").queryAs(Label.class).getText()).contains("another operator must confirm");

        // the lead, in their own workspace, gives the second approval
        RefundsScreen lead = WaitForAsyncUtils.asyncFx(() -> show(Role.LEAD)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> lead.viewModel().stateProperty().set(RefundState.AWAITING_SECOND_APPROVAL)).get(5, TimeUnit.SECONDS);
        select(robot, lead, r -> r.id().equals(target.id()));
        waitUntil(() -> robot.lookup("#approveRefundButton").queryAs(Button.class).getText().equals("Give second approval…")
                && !robot.lookup("#approveRefundButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#approveRefundButton");
        waitUntil(() -> robot.lookup("#refundDialogRoot").tryQuery().isPresent());
        robot.clickOn("#refundReasonArea").write("Checked lot and amount: second pair of eyes");
        robot.clickOn("#refundSubmitButton");
        waitUntil(() -> lead.viewModel().detailProperty().get() != null
                && "paid".equals(lead.viewModel().detailProperty().get().refund().state()));
        Refund paid = clients.get(0).refund(target.id()).get(10, TimeUnit.SECONDS).refund();
        assertThat(paid.state()).isEqualTo("paid");
        assertThat(paid.firstApprover()).isEqualTo("op_support");
        assertThat(paid.decidedBy()).isEqualTo("op_lead");
        assertThat(paid.payoutReference()).startsWith("po_");
        waitUntil(() -> robot.lookup("#refundDecision").queryAs(Label.class).getText().contains("Paid out, reference " + paid.payoutReference()));
    }

    @Test
    void anAmountIsCheckedAsItIsTypedAndWhatWasTypedStays(FxRobot robot) throws Exception {
        RefundsScreen support = screens.get(0);
        WaitForAsyncUtils.asyncFx(() -> support.viewModel().verdictProperty().set(dev.gatehouse.policy.RefundEligibility.Verdict.PARTIALLY_ELIGIBLE))
                .get(5, TimeUnit.SECONDS);
        select(robot, support, r -> r.state().equals("requested") && r.verdict().equals("partially_eligible"));
        robot.clickOn("#approveRefundButton");
        waitUntil(() -> robot.lookup("#refundDialogRoot").tryQuery().isPresent());
        var field = robot.lookup("#refundAmountField").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText("12,50")).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#refundAmountError").queryAs(Label.class).getText().startsWith("Type digits with one dot"));
        assertThat(robot.lookup("#refundSubmitButton").queryAs(Button.class).isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> field.setText("99999")).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#refundAmountError").queryAs(Label.class).getText().startsWith("More than the customer asked for"));
        robot.clickOn("#refundCancelButton");
        waitUntil(() -> robot.lookup("#refundDialogRoot").tryQuery().isEmpty());
        assertThat(robot.lookup("#refundReasonArea").tryQuery()).isEmpty();
    }
}
