package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.keys.KeysApi;
import dev.gatehouse.console.keys.KeysScreen;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator works three reports from the queue to resolution with the keyboard alone (J to move, S and D to decide,
 * typing the facts, Ctrl+Enter to submit and move on), and the suspended key's status changes on the Keys screen.
 */
@ExtendWith(ApplicationExtension.class)
class WorkingTheQueueByKeyboardTest {
    static PlatformFixture gateway;
    PlatformClient client;
    AbuseScreen abuse;
    KeysScreen keys;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) throws Exception {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.TRUST_SAFETY));
        String me = client.me().get(10, TimeUnit.SECONDS).id();
        EventBus bus = new EventBus(Platform::runLater);
        OperatorTime time = OperatorTime.of(Clock.systemDefaultZone());
        abuse = AbuseScreen.open(AbuseApi.of(client), Platform::runLater, Role.TRUST_SAFETY, me, time, false);
        abuse.viewModel().follow(bus, n -> {});
        keys = KeysScreen.open(KeysApi.of(client), Platform::runLater, Role.TRUST_SAFETY, time);
        keys.viewModel().follow(bus, n -> {});
        SplitPane both = new SplitPane(abuse.view(), keys.view());
        both.setDividerPositions(0.62);
        StackPane root = new StackPane(both);
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            abuse.close();
            keys.close();
        }).get(5, TimeUnit.SECONDS);
        client.close();
    }

    private AbuseReport selected() {
        return abuse.viewModel().selectedProperty().get();
    }

    private boolean activeKey(AbuseReport r) {
        try {
            return r != null && r.keyId() != null && client.key(r.keyId()).get(10, TimeUnit.SECONDS).key().status().equals("active")
                    && !"suspended".equals(client.account(r.accountId()).get(10, TimeUnit.SECONDS).account().status());
        } catch (Exception e) {
            return false;
        }
    }

    private String resolvedState(String id) {
        try {
            return client.abuseReport(id).get(10, TimeUnit.SECONDS).report().state();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Types the facts into the open form and submits with Ctrl+Enter. */
    private void decide(FxRobot robot, KeyCode decisionKey, String facts) throws TimeoutException {
        robot.type(decisionKey);
        waitUntil(() -> robot.lookup("#decisionFacts").queryAs(TextArea.class).isFocused());
        robot.write(facts);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    }

    @Test
    void threeReportsWorkedToResolutionWithTheKeyboardAndTheKeyChangesOnTheKeysScreen(FxRobot robot) throws Exception {
        AbuseViewModel vm = abuse.viewModel();
        // the operator's view: unassigned spam, due first (filters picked before the keyboard run starts)
        WaitForAsyncUtils.asyncFx(() -> vm.model().changeFilters(() -> {
            vm.categoryProperty().set(ReportCategory.SPAM);
            vm.unassignedProperty().set(true);
        })).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        TableView<AbuseReport> queue = robot.lookup("#abuseTable").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() >= 4);
        WaitForAsyncUtils.asyncFx(abuse::focus).get(5, TimeUnit.SECONDS);

        // J down the queue to the first report whose key is still active
        robot.type(KeyCode.J);
        waitUntil(() -> selected() != null);
        for (int i = 0; i < queue.getItems().size() && !activeKey(selected()); i++) {
            String before = selected().id();
            robot.type(KeyCode.J);
            waitUntil(() -> !selected().id().equals(before));
        }
        AbuseReport first = selected();
        assertThat(activeKey(first)).as("the demo queue has unassigned spam about an active key").isTrue();
        // the Keys screen beside it shows that account's keys
        WaitForAsyncUtils.asyncFx(() -> keys.viewModel().accountIdProperty().set(first.accountId())).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        TableView<ApiKey> keyRows = robot.lookup("#keysTable").queryAs(TableView.class);
        waitUntil(() -> keyRows.getItems().stream().anyMatch(k -> k.id().equals(first.keyId()) && k.status().equals("active")));

        List<String> worked = new ArrayList<>();
        worked.add(first.id());
        decide(robot, KeyCode.S, "The key sent 300 spam messages generated on the platform to forum users on 2026-11-27.");
        waitUntil(() -> "resolved".equals(resolvedState(first.id())));
        waitUntil(() -> keyRows.getItems().stream().anyMatch(k -> k.id().equals(first.keyId()) && k.status().equals("suspended")));
        waitUntil(() -> selected() != null && !selected().id().equals(first.id()) && !selected().caseId().equals(first.caseId()));

        for (int n = 0; n < 2; n++) {
            AbuseReport next = selected();
            worked.add(next.id());
            decide(robot, KeyCode.D, "Reviewed the forwarded samples and the request log: newsletter the reporter subscribed to; no breach.");
            waitUntil(() -> "resolved".equals(resolvedState(next.id())));
            waitUntil(() -> queue.getItems().stream().noneMatch(r -> r.id().equals(next.id())));
            if (n == 0) {
                waitUntil(() -> selected() != null && !selected().caseId().equals(next.caseId()));
            }
        }
        assertThat(worked).doesNotHaveDuplicates().hasSize(3);
        assertThat(queue.getItems()).extracting(AbuseReport::id).doesNotContainAnyElementsOf(worked);
        assertThat(client.key(first.keyId()).get(10, TimeUnit.SECONDS).key().status()).isEqualTo("suspended");
    }
}
