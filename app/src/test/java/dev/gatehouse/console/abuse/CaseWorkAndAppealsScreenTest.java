package dev.gatehouse.console.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.AbuseDismissalRequest;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.NewAccount;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead in the Trust & Safety workspace: approves a CSAM dismissal a reviewer proposed (the second person), raises a
 * report's severity with ] and a reason, and overturns an appeal from the appeals overlay (P). Reports of its own,
 * about a new account, so the demo queue other tests read is left alone.
 */
@ExtendWith(ApplicationExtension.class)
class CaseWorkAndAppealsScreenTest {
    static PlatformFixture gateway;
    PlatformClient lead;
    PlatformClient reviewer;
    AbuseScreen abuse;
    String me;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) throws Exception {
        lead = gateway.client(Role.LEAD);
        reviewer = gateway.client(Role.TRUST_SAFETY);
        me = lead.me().get(10, TimeUnit.SECONDS).id();
        abuse = AbuseScreen.open(AbuseApi.of(lead), Platform::runLater, Role.LEAD, me, OperatorTime.of(Clock.systemDefaultZone()), false);
        StackPane root = new StackPane(abuse.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(abuse::close).get(5, TimeUnit.SECONDS);
        lead.close();
        reviewer.close();
    }

    /** A POST the console has no call for (intake and appeals are filed by other systems), as {@code role}. */
    private static JsonNode post(Role role, String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + gateway.token(role)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 201);
        return Json.mapper().readTree(r.body());
    }

    private String file(String category, String accountId) throws Exception {
        return post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports", "{\"category\":\"" + category + "\",\"description\":\"Screen test "
                + category + "\",\"account_id\":\"" + accountId + "\",\"reporter\":{\"kind\":\"external\",\"contact\":\"tips@example.org\"}}")
                .get("id").asText();
    }

    private void show(ReportCategory category, String state, String reportId, FxRobot robot) throws Exception {
        AbuseViewModel vm = abuse.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.model().changeFilters(() -> {
            vm.categoryProperty().set(category);
            vm.stateProperty().set(state);
        })).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        TableView<AbuseReport> queue = robot.lookup("#abuseTable").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().stream().anyMatch(r -> r.id().equals(reportId)));
        WaitForAsyncUtils.asyncFx(() -> {
            vm.selectedProperty().set(queue.getItems().stream().filter(r -> r.id().equals(reportId)).findFirst().orElseThrow());
            abuse.focus();
        }).get(5, TimeUnit.SECONDS);
        waitUntil(() -> vm.detail().value() != null && vm.detail().value().report().id().equals(reportId));
    }

    /** Writes the reason into the open reason dialog and confirms it. */
    private static void confirm(FxRobot robot, String reason) throws TimeoutException {
        waitUntil(() -> robot.lookup("#reasonArea").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#reasonArea").write(reason);
        waitUntil(() -> !robot.lookup("#submitButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#submitButton");
    }

    private String state(String id) {
        try {
            return lead.abuseReport(id).get(10, TimeUnit.SECONDS).report().state();
        } catch (Exception e) {
            return "unknown";
        }
    }

    @Test
    void aLeadApprovesACsamDismissalRaisesASeverityAndOverturnsAnAppeal(FxRobot robot) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String account = lead.openAccount(new NewAccount("Screen Case Co " + suffix, "case-" + suffix + "@example.org", "free",
                "screen test", null), UUID.randomUUID().toString()).get(10, TimeUnit.SECONDS).id();

        // a reviewer proposes dismissing a CSAM report; the lead, a second person, approves it on the screen
        String csam = file("csam", account);
        reviewer.abuseReportAction(csam, "claim", null, UUID.randomUUID().toString()).get(10, TimeUnit.SECONDS);
        reviewer.proposeDismissal(csam, new AbuseDismissalRequest("Adult performers; the studio holds age records for each.",
                "ai-visual-studio §7", "NCMEC-SCREEN-" + suffix), UUID.randomUUID().toString()).get(10, TimeUnit.SECONDS);
        show(ReportCategory.CSAM, "escalated", csam, robot);
        waitUntil(() -> robot.lookup("#approveDismissalButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#approveDismissalButton");
        confirm(robot, "Age records checked with the studio.");
        waitUntil(() -> "resolved".equals(state(csam)));
        var decision = lead.abuseReport(csam).get(10, TimeUnit.SECONDS).decision();
        assertThat(decision.decision()).isEqualTo("dismiss");
        assertThat(decision.decidedBy()).isEqualTo(me);
        assertThat(decision.proposedBy()).isNotEqualTo(me);

        // ] raises the severity of another report, through the reason dialog
        String ip = file("ip_infringement", account);
        String before = lead.abuseReport(ip).get(10, TimeUnit.SECONDS).report().severity();
        show(ReportCategory.IP_INFRINGEMENT, null, ip, robot);
        robot.type(KeyCode.CLOSE_BRACKET);
        confirm(robot, "Counterfeit storefront, repeat of last week's case.");
        waitUntil(() -> {
            try {
                return !lead.abuseReport(ip).get(10, TimeUnit.SECONDS).report().severity().equals(before);
            } catch (Exception e) {
                return false;
            }
        });

        // the reviewer warns; the customer appeals; the lead (not the original decider) overturns it from P
        reviewer.resolveAbuseReport(ip, new AbuseResolution("warn", "Storefront sold generated fakes of a registered brand.",
                "ai-visual-studio §7", null, null, null), UUID.randomUUID().toString()).get(10, TimeUnit.SECONDS);
        String enforcement = lead.abuseReport(ip).get(10, TimeUnit.SECONDS).decision().enforcementId();
        String appeal = post(Role.SUPPORT, "/admin/v1/appeals", "{\"enforcement_id\":\"" + enforcement
                + "\",\"statement\":\"We hold a licence from the brand.\"}").get("id").asText();
        WaitForAsyncUtils.asyncFx(abuse::focus).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.P);
        waitUntil(() -> robot.lookup("#overturnAppeal_" + appeal).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        // the newest appeal is last in the overlay's scroll pane, maybe below its fold: the button is pressed, not clicked
        Button overturn = robot.lookup("#overturnAppeal_" + appeal).queryAs(Button.class);
        robot.interact(overturn::fire);
        confirm(robot, "The licence checks out.");
        waitUntil(() -> abuse.viewModel().appeals().stream().noneMatch(a -> a.id().equals(appeal)));
        var decided = lead.appeals("decided", null, 200).get(10, TimeUnit.SECONDS).data().stream()
                .filter(a -> a.id().equals(appeal)).findFirst().orElseThrow();
        assertThat(decided.outcome()).isEqualTo("overturned");
        assertThat(decided.decidedBy()).isEqualTo(me);
        assertThat(lead.account(account).get(10, TimeUnit.SECONDS).account().status()).isEqualTo("active");
    }
}
