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
}
