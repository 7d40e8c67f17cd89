package dev.gatehouse.console.support;

import dev.gatehouse.api.Me;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Support workspace against the real demo gateway: a ticket answered with a macro, which also solves it. */
@ExtendWith(ApplicationExtension.class)
class SupportScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    SupportScreen screen;
    Me me;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) throws Exception {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.SUPPORT));
        me = client.me().get(10, TimeUnit.SECONDS);
        screen = SupportScreen.open(SupportApi.of(client), Platform::runLater, Role.SUPPORT, OperatorTime.of(Clock.systemDefaultZone()),
                me.id(), me.name());
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        client.close();
    }

    @Test
    void aTicketAnsweredWithAMacroIsSolved(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Ticket> tickets = robot.lookup("#ticketsTable").queryAs(TableView.class);
        waitUntil(() -> !tickets.getItems().isEmpty());
        waitUntil(() -> !screen.viewModel().macros().isEmpty());
        // a new ticket without an exposed key, the last on the page: the screenshots show the first ones
        Ticket target = tickets.getItems().stream().filter(t -> t.state().equals("new") && t.exposedKeys() == 0)
                .max(Comparator.comparing(Ticket::firstReplyDueAt)).orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> tickets.getSelectionModel().select(target)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> tickets.scrollTo(target)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#ticketSubject").queryAs(Label.class).getText().equals(target.subject())
                && screen.viewModel().detailProperty().get() != null
                && screen.viewModel().detailProperty().get().ticket().id().equals(target.id()));
        TicketDetail before = screen.viewModel().detailProperty().get();

        // Ctrl+M opens the macros; the balance macro fills the reply from the account and will solve the ticket
        WaitForAsyncUtils.asyncFx(tickets::requestFocus).get(5, TimeUnit.SECONDS);
        robot.push(KeyCode.CONTROL, KeyCode.M);
        MenuButton macros = robot.lookup("#macroMenu").queryAs(MenuButton.class);
        waitUntil(macros::isShowing);
        waitUntil(() -> robot.lookup("Balance and top-up").tryQuery().isPresent());
        robot.clickOn("Balance and top-up");
        TextArea draft = robot.lookup("#draftArea").queryAs(TextArea.class);
        waitUntil(() -> draft.getText().contains(before.account().name()));
        assertThat(draft.getText()).contains(before.account().id()).contains(me.name()).doesNotContain("{{");
        assertThat(robot.lookup("#macroAppliedLabel").queryAs(Label.class).getText()).contains("sets solved");
        String sent = draft.getText();

        // Ctrl+Enter sends; the macro's state follows
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#ticketStatePill").queryAs(Label.class).getText().equals("Solved"));
        waitUntil(() -> draft.getText().isEmpty());
        waitUntil(() -> tickets.getItems().stream().anyMatch(t -> t.id().equals(target.id()) && t.state().equals("solved")));

        TicketDetail after = client.ticket(target.id()).get(10, TimeUnit.SECONDS);
        assertThat(after.ticket().state()).isEqualTo("solved");
        assertThat(after.ticket().tags()).contains("how-to");
        assertThat(after.ticket().firstReplyAt()).isNotNull();
        assertThat(after.messages().get(after.messages().size() - 1)).satisfies(m -> {
            assertThat(m.author()).isEqualTo("agent");
            assertThat(m.operatorId()).isEqualTo(me.id());
            assertThat(m.body()).isEqualTo(sent.strip());
        });
    }
}
