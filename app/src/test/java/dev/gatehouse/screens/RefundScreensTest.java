package dev.gatehouse.screens;

import dev.gatehouse.api.Refund;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static dev.gatehouse.screens.ScreenShots.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Refunds workspace with a refund's eligibility breakdown, the approve dialog and the lead's Policy panel
 * with a preset switch previewed, light and dark, to target/screens/&lt;name&gt;-&lt;theme&gt;.png, on the seeded demo gateway.
 */
class RefundScreensTest {
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
    static <T> TableView<T> table(ConsoleWindow w, String id) {
        return find(w, id, TableView.class).orElseThrow();
    }

    static final java.math.BigDecimal THRESHOLD = new java.math.BigDecimal("500");

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aRefundWithItsEligibilityBreakdownAndTheApproveDialog(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.SUPPORT);
        fxRun(() -> find(w, "nav-refunds", Button.class).orElseThrow().fire());
        TableView<Refund> refunds = table(w, "refundsTable");
        waitUntil(() -> !refunds.getItems().isEmpty());
        // a partly used purchase asked for in full: the breakdown shows the cap, the usage and the deciding rule
        Refund target = fx(() -> refunds.getItems().stream()
                .filter(r -> r.state().equals("requested") && r.verdict().equals("partially_eligible")).findFirst()
                .orElse(refunds.getItems().get(0)));
        fxRun(() -> {
            refunds.scrollTo(target);
            refunds.getSelectionModel().select(target);
        });
        waitUntil(() -> visible(w, "refundDetailScroll") && !find(w, "refundDecidingRule", Label.class).orElseThrow().getText().isEmpty()
                && !table(w, "lotHistoryTable").getItems().isEmpty()
                && find(w, "presetLabel", Label.class).orElseThrow().getText().contains("preset in force"));
        assertThat(find(w, "refundRefundable", Label.class).orElseThrow().getText()).startsWith("Refundable $");
        save(w, "refunds", theme);

        fxRun(() -> find(w, "approveRefundButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "refundDialogRoot"));
        fxRun(() -> find(w, "refundReasonArea", TextArea.class).orElseThrow()
                .setText("Unused credits of a pack bought this week; consumed credits stay (pixapi §8)."));
        save(w, "refund-approve-dialog", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theLeadsPolicyPanelPreviewingASwitch(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-refunds", Button.class).orElseThrow().fire());
        waitUntil(() -> find(w, "presetLabel", Label.class).orElseThrow().getText().contains("preset in force"));
        fxRun(() -> find(w, "policyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "policyRoot") && fxBool(() -> find(w, "policyRules", javafx.scene.layout.VBox.class).orElseThrow()
                .getChildren().size() == 10));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<PolicyView.Preset> presets = find(w, "policyPresetChoice", javafx.scene.control.ComboBox.class).orElseThrow();
        fxRun(() -> presets.getSelectionModel().select(presets.getItems().stream().filter(p -> p.key().equals("decart")).findFirst().orElseThrow()));
        waitUntil(() -> fxBool(() -> !find(w, "policyChangesBox", javafx.scene.layout.VBox.class).orElseThrow().getChildren().isEmpty()));
        fxRun(() -> find(w, "policyReasonArea", TextArea.class).orElseThrow().setText("We now resell Decart's API under its terms (decart §5.2)."));
        save(w, "policy-panel", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theLeadsPolicyPanelEditingSingleValues(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-refunds", Button.class).orElseThrow().fire());
        waitUntil(() -> find(w, "presetLabel", Label.class).orElseThrow().getText().contains("preset in force"));
        fxRun(() -> find(w, "policyButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "policyRoot") && find(w, "policyValue_refund_window_days", javafx.scene.control.TextField.class).isPresent());
        // one value the platform takes, one it refuses: the preview waits until the refused one is fixed
        fxRun(() -> find(w, "policyValue_refund_window_days", javafx.scene.control.TextField.class).orElseThrow().setText("14"));
        fxRun(() -> find(w, "policyValue_four_eyes_threshold", javafx.scene.control.TextField.class).orElseThrow().setText("2.5.0"));
        waitUntil(() -> visible(w, "policyValueError_four_eyes_threshold"));
        save(w, "policy-panel-value-refused", theme);
        fxRun(() -> find(w, "policyValue_four_eyes_threshold", javafx.scene.control.TextField.class).orElseThrow().setText("250.00"));
        waitUntil(() -> fxBool(() -> find(w, "policyChangesBox", javafx.scene.layout.VBox.class).orElseThrow().getChildren().size() == 2));
        fxRun(() -> find(w, "policyReasonArea", TextArea.class).orElseThrow().setText("Launch month: longer window, lower four-eyes bar."));
        save(w, "policy-panel-values", theme);
    }
    static boolean fxBool(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            return false;
        }
    }
}
