package dev.gatehouse.screens;

import dev.gatehouse.api.Ticket;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
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
 * Renders the Support workspace, light and dark, to target/screens/: a redacted ticket with its exposed live key as
 * support sees it (suspend and escalate), and as trust and safety sees it, with the revoke dialog and its reason filled in.
 */
class SupportScreensTest {
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

    /** Opens Support and selects the first unsolved ticket carrying an exposed live key. */
    ConsoleWindow withExposedKeyTicket(Theme theme, Role role) throws Exception {
        ConsoleWindow w = signedIn(theme, role);
        fxRun(() -> find(w, "nav-support", Button.class).orElseThrow().fire());
        @SuppressWarnings("unchecked")
        TableView<Ticket> tickets = find(w, "ticketsTable", TableView.class).orElseThrow();
        waitUntil(() -> !tickets.getItems().isEmpty());
        // the youngest: its owner-notification deadline is still running
        Ticket target = fx(() -> tickets.getItems().stream().filter(t -> t.exposedKeys() > 0)
                .max(java.util.Comparator.comparing(Ticket::createdAt)).orElseThrow());
        fxRun(() -> {
            tickets.getSelectionModel().select(target);
            tickets.scrollTo(Math.max(0, tickets.getItems().indexOf(target) - 3));
        });
        waitUntil(() -> visible(w, "ticketDetailPane") && visible(w, "exposedKeyButton")
                && find(w, "ticketSubject", Label.class).orElseThrow().getText().equals(target.subject()));
        // once laid out, the selected row a few rows down from the top of the table
        fxRun(() -> tickets.scrollTo(Math.max(0, tickets.getItems().indexOf(target) - 3)));
        return w;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aRedactedTicketWithItsExposedKeyAsSupportSeesIt(Theme theme) throws Exception {
        ConsoleWindow w = withExposedKeyTicket(theme, Role.SUPPORT);
        Button act = find(w, "exposedKeyButton", Button.class).orElseThrow();
        assertThat(act.getText()).isEqualTo("Suspend key and escalate…");
        assertThat(visible(w, "ticketRedactedBadge")).isTrue();
        assertThat(fx(() -> find(w, "conversationBox", VBox.class).orElseThrow().lookupAll(".redaction-marker").size())).isPositive();
        save(w, "support", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void trustAndSafetyIsOfferedTheRevocationWithTheReasonFilledIn(Theme theme) throws Exception {
        ConsoleWindow w = withExposedKeyTicket(theme, Role.TRUST_SAFETY);
        Button act = find(w, "exposedKeyButton", Button.class).orElseThrow();
        assertThat(act.getText()).isEqualTo("Revoke exposed key…");
        save(w, "support-trust-safety", theme);
        fxRun(act::fire);
        waitUntil(() -> visible(w, "dialogRoot"));
        assertThat(find(w, "reasonArea", TextArea.class).orElseThrow().getText()).startsWith("Key compromise");
        waitUntil(() -> !find(w, "auditAction", Label.class).orElseThrow().getText().equals("—"));
        save(w, "support-revoke-dialog", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theLeadsMacroEditorWithARefusedBody(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-support", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "editMacrosButton"));
        fxRun(() -> find(w, "editMacrosButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "macroEditorRoot") && RefundScreensTest.fxBool(() -> !find(w, "macroList", javafx.scene.control.ListView.class)
                .orElseThrow().getItems().isEmpty()));
        fxRun(() -> find(w, "addMacroButton", Button.class).orElseThrow().fire());
        fxRun(() -> {
            find(w, "macroName", javafx.scene.control.TextField.class).orElseThrow().setText("Key leaked in a ticket");
            find(w, "macroBody", TextArea.class).orElseThrow().setText("Hi {{customer.nickname}},\n\nthe key you pasted "
                    + "({{key.prefix}}) was revoked to keep your account safe. Create a new one on the Keys page.\n\n{{agent.name}}");
            find(w, "macroTags", javafx.scene.control.TextField.class).orElseThrow().setText("security, key-leak");
            find(w, "macroReasonArea", TextArea.class).orElseThrow().setText("A reply for leaked keys");
        });
        fxRun(() -> find(w, "saveMacrosButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "macroBodyError") && visible(w, "macroErrorBanner"));
        save(w, "support-macro-editor", theme);
        fxRun(() -> find(w, "closeMacrosButton", Button.class).orElseThrow().fire());
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void mergingADuplicateAsksWhereAndWhy(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-support", Button.class).orElseThrow().fire());
        @SuppressWarnings("unchecked")
        TableView<Ticket> tickets = find(w, "ticketsTable", TableView.class).orElseThrow();
        waitUntil(() -> !tickets.getItems().isEmpty());
        // a ticket whose customer has another unsolved one
        Ticket dup = fx(() -> tickets.getItems().stream().filter(t -> tickets.getItems().stream()
                .anyMatch(o -> o != t && o.accountId().equals(t.accountId()))).findFirst().orElseThrow());
        fxRun(() -> tickets.getSelectionModel().select(dup));
        javafx.scene.control.MenuButton merge = find(w, "mergeMenu", javafx.scene.control.MenuButton.class).orElseThrow();
        waitUntil(() -> visible(w, "ticketDetailPane") && RefundScreensTest.fxBool(() -> !merge.isDisabled() && !merge.getItems().isEmpty()));
        fxRun(() -> merge.getItems().get(0).fire());
        waitUntil(() -> visible(w, "dialogRoot"));
        fxRun(() -> find(w, "reasonArea", TextArea.class).orElseThrow().setText("The customer wrote twice about the same charge."));
        save(w, "support-merge-dialog", theme);
        fxRun(() -> find(w, "cancelButton", Button.class).orElseThrow().fire());
    }
}
