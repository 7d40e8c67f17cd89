package dev.gatehouse.screens;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.gatehouse.screens.ScreenShots.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Trust & Safety workspace light and dark to target/screens/: the coloured queue with a report open, a
 * critical report with its evidence blurred, and the decision form with its statement of reasons.
 */
class AbuseScreensTest {
    static PlatformFixture gateway;
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        gateway = PlatformFixture.shared();
        dir = Path.of(System.getProperty("screens.dir", "target/screens"));
        Files.createDirectories(dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        gateway.close();
    }

    ConsoleWindow signedIn(Theme theme, Role role) throws Exception {
        return ScreenShots.signedIn(gateway, theme, role);
    }

    @SuppressWarnings("unchecked")
    static TableView<AbuseReport> queue(ConsoleWindow w) {
        return find(w, "abuseTable", TableView.class).orElseThrow();
    }

    private ConsoleWindow workspace(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.TRUST_SAFETY);
        fxRun(() -> find(w, "nav-abuse", Button.class).orElseThrow().fire());
        TableView<AbuseReport> q = queue(w);
        waitUntil(() -> q.getItems().size() > 10);
        return w;
    }

    /** Selects the first report that matches (the top one when none does), in one FX call: the live poll may reload between two. */
    private static void selectFirst(TableView<AbuseReport> q, java.util.function.Predicate<AbuseReport> p) throws Exception {
        fxRun(() -> q.getSelectionModel().select(q.getItems().stream().filter(p).findFirst().orElse(q.getItems().get(0))));
    }

    private static void press(ConsoleWindow w, KeyCode code) throws Exception {
        fxRun(() -> find(w, "abuseTable", Node.class).orElseThrow()
                .fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theQueueWithAReportOpen(Theme theme) throws Exception {
        ConsoleWindow w = workspace(theme);
        TableView<AbuseReport> q = queue(w);
        selectFirst(q, r -> r.caseReportCount() > 1 && !"critical".equals(r.severity()));
        waitUntil(() -> visible(w, "reportDetailScroll") && find(w, "evidenceTable", Node.class).isPresent());
        save(w, "abuse-queue", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aCriticalReportWithItsEvidenceBlurred(Theme theme) throws Exception {
        ConsoleWindow w = workspace(theme);
        TableView<AbuseReport> q = queue(w);
        selectFirst(q, r -> "critical".equals(r.severity()) && r.keyId() != null);
        waitUntil(() -> visible(w, "reportDetailScroll") && find(w, "revealEvidenceButton", Node.class).isPresent());
        assertThat(find(w, "evidenceTable", Node.class).orElseThrow().getEffect()).isNotNull();
        save(w, "abuse-critical-blurred", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theDecisionFormWithItsStatementOfReasons(Theme theme) throws Exception {
        ConsoleWindow w = workspace(theme);
        TableView<AbuseReport> q = queue(w);
        selectFirst(q, r -> "fraud_deception".equals(r.category()) || "spam".equals(r.category()));
        waitUntil(() -> visible(w, "reportDetailScroll"));
        press(w, KeyCode.W);
        waitUntil(() -> visible(w, "decisionPane"));
        fxRun(() -> find(w, "decisionFacts", TextArea.class).orElseThrow()
                .setText("On 2026-11-27 the key generated 40 phishing pages branded as a bank; the request log shows the prompts."));
        save(w, "abuse-decision-form", theme);
        press(w, KeyCode.ESCAPE);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theAppealsWaitingWithTheirBadge(Theme theme) throws Exception {
        ConsoleWindow w = workspace(theme);
        press(w, KeyCode.P);
        waitUntil(() -> visible(w, "appealsPane") && find(w, "appealsList", javafx.scene.layout.VBox.class).orElseThrow()
                .getChildren().size() > 1);
        save(w, "abuse-appeals", theme);
        press(w, KeyCode.ESCAPE);
    }

    private static String proposedCsam;

    /** A CSAM report a reviewer proposed to dismiss, about an account of its own (filed once for both themes). */
    private static synchronized String proposedCsam() throws Exception {
        if (proposedCsam == null) {
            try (var lead = gateway.client(Role.LEAD); var reviewer = gateway.client(Role.TRUST_SAFETY)) {
                String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
                String account = lead.openAccount(new dev.gatehouse.api.NewAccount("Studio Nine " + suffix, "studio-" + suffix
                        + "@example.org", "pro", "screens", null), java.util.UUID.randomUUID().toString()).get(10, java.util.concurrent.TimeUnit.SECONDS).id();
                var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(gateway.baseUrl() + "/admin/v1/abuse-reports"))
                        .header("Authorization", "Bearer " + gateway.token(Role.TRUST_SAFETY)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"category\":\"csam\",\"description\":\"Hotline tip: "
                                + "generated images of a performer who looks underage, shared from this account's gallery.\",\"account_id\":\""
                                + account + "\",\"reporter\":{\"kind\":\"external\",\"contact\":\"hotline@inhope.example\"}}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                String id = dev.gatehouse.api.Json.mapper().readTree(r.body()).get("id").asText();
                reviewer.abuseReportAction(id, "claim", null, java.util.UUID.randomUUID().toString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
                reviewer.proposeDismissal(id, new dev.gatehouse.api.AbuseDismissalRequest("The performer is 27: the studio's "
                        + "age records (ID and release) were checked against the gallery; nothing shows a minor.", "ai-visual-studio §7",
                        "NCMEC CyberTipline 2026-118842"), java.util.UUID.randomUUID().toString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
                proposedCsam = id;
            }
        }
        return proposedCsam;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aLeadSeesTheCsamDismissalWaitingForTheSecondPerson(Theme theme) throws Exception {
        String id = proposedCsam();
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-abuse", Button.class).orElseThrow().fire());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.gatehouse.policy.ReportCategory> category =
                find(w, "abuseCategoryFilter", javafx.scene.control.ComboBox.class).orElseThrow();
        fxRun(() -> category.setValue(dev.gatehouse.policy.ReportCategory.CSAM));
        TableView<AbuseReport> q = queue(w);
        waitUntil(() -> q.getItems().stream().anyMatch(r -> r.id().equals(id)));
        fxRun(() -> q.getSelectionModel().select(q.getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()));
        waitUntil(() -> visible(w, "dismissalProposal") && !find(w, "approveDismissalButton", Button.class).orElseThrow().isDisabled());
        save(w, "abuse-csam-dismissal-approval", theme);
        fxRun(() -> find(w, "approveDismissalButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow().setText("Age records checked with the studio; I agree."));
        save(w, "abuse-csam-approve-dialog", theme);
        fxRun(() -> find(w, "cancelButton", Button.class).orElseThrow().fire());
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void raisingASeverityAsksForAReason(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-abuse", Button.class).orElseThrow().fire());
        TableView<AbuseReport> q = queue(w);
        waitUntil(() -> q.getItems().size() > 10);
        selectFirst(q, r -> "medium".equals(r.severity()) && r.caseReportCount() > 1);
        waitUntil(() -> visible(w, "reportDetailScroll") && find(w, "raiseSeverityButton", Button.class).isPresent());
        press(w, KeyCode.CLOSE_BRACKET);
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow().setText("Third report this week about the same storefront."));
        save(w, "abuse-severity-dialog", theme);
        fxRun(() -> find(w, "cancelButton", Button.class).orElseThrow().fire());
    }
}
