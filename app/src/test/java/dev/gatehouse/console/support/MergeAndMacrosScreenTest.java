package dev.gatehouse.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.Macro;
import dev.gatehouse.api.Me;
import dev.gatehouse.api.NewAccount;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * A lead in the Support workspace merges a duplicate ticket into the customer's other one, picked from the merge menu,
 * and adds a macro in the editor, whose refused body is marked on its field with the text kept. Tickets of a new
 * account, and a macro of its own, so the demo data other tests read is left alone.
 */
@ExtendWith(ApplicationExtension.class)
class MergeAndMacrosScreenTest {
    static PlatformFixture gateway;
    PlatformClient lead;
    SupportScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) throws Exception {
        lead = gateway.client(Role.LEAD);
        Me me = lead.me().get(10, TimeUnit.SECONDS);
        screen = SupportScreen.open(SupportApi.of(lead), Platform::runLater, Role.LEAD, OperatorTime.of(Clock.systemDefaultZone()),
                me.id(), me.name());
        StackPane root = new StackPane(screen.view());
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::close).get(5, TimeUnit.SECONDS);
        lead.close();
    }

    /** Ticket intake comes from the customer's side; the console has no call for it. */
    private static String ticket(String accountId, String subject) throws Exception {
        String body = "{\"account_id\":\"" + accountId + "\",\"category\":\"billing\",\"subject\":\"" + subject
                + "\",\"body\":\"I was charged twice for the same top-up.\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/admin/v1/tickets"))
                .header("Authorization", "Bearer " + gateway.token(Role.SUPPORT)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode json = Json.mapper().readTree(r.body());
        return (json.has("ticket") ? json.get("ticket") : json).get("id").asText();
    }

    private static Node labelled(FxRobot robot, String startsWith) {
        return robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(startsWith)).query();
    }

    private static void retype(FxRobot robot, javafx.scene.control.TextInputControl field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    @Test
    void aDuplicateIsMergedFromThePickerAndALeadAddsAMacro(FxRobot robot) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String account = lead.openAccount(new NewAccount("Merge Co " + suffix, "merge-" + suffix + "@example.org", "free",
                "screen test", null), UUID.randomUUID().toString()).get(10, TimeUnit.SECONDS).id();
        String original = ticket(account, "Charged twice " + suffix);
        String duplicate = ticket(account, "Charged twice again " + suffix);

        SupportViewModel vm = screen.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.searchProperty().set(duplicate)).get(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        TableView<Ticket> tickets = robot.lookup("#ticketsTable").queryAs(TableView.class);
        waitUntil(() -> tickets.getItems().stream().anyMatch(t -> t.id().equals(duplicate)));
        WaitForAsyncUtils.asyncFx(() -> tickets.getSelectionModel().select(
                tickets.getItems().stream().filter(t -> t.id().equals(duplicate)).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
        MenuButton merge = robot.lookup("#mergeMenu").queryAs(MenuButton.class);
        waitUntil(() -> !merge.isDisabled() && merge.getItems().stream().anyMatch(i -> i.getText().startsWith(original)));
        robot.clickOn(merge);
        waitUntil(() -> robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(original)
                && n.getScene() != merge.getScene()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(original)
                && n.getScene() != merge.getScene()).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#reasonArea").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#reasonArea").write("The customer wrote twice about one double charge.");
        Button confirm = robot.lookup("#submitButton").queryAs(Button.class);
        waitUntil(() -> !confirm.isDisabled());
        robot.clickOn(confirm);
        waitUntil(() -> {
            try {
                Ticket t = lead.ticket(duplicate).get(10, TimeUnit.SECONDS).ticket();
                return "closed".equals(t.state()) && original.equals(t.mergedInto());
            } catch (Exception e) {
                return false;
            }
        });

        // the macro editor: an unknown placeholder is marked as typed, the platform's refusal on the field, text kept
        robot.clickOn("#editMacrosButton");
        waitUntil(() -> robot.lookup("#addMacroButton").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#addMacroButton");
        String name = "Duplicate merged " + suffix;
        retype(robot, robot.lookup("#macroName").queryAs(TextField.class), name);
        TextArea body = robot.lookup("#macroBody").queryAs(TextArea.class);
        retype(robot, body, "Hi {{customer.nick}}, we merged your two tickets.");
        Label warning = robot.lookup("#macroPlaceholderWarning").queryAs(Label.class);
        waitUntil(() -> warning.isVisible() && warning.getText().contains("{{customer.nick}}"));
        robot.clickOn("#macroReasonArea").write("A reply for merged duplicates");
        robot.clickOn("#saveMacrosButton");
        Label bodyError = robot.lookup("#macroBodyError").queryAs(Label.class);
        waitUntil(() -> bodyError.isVisible() && bodyError.getText().contains("unknown placeholder"));
        assertThat(body.getText()).isEqualTo("Hi {{customer.nick}}, we merged your two tickets.");
        retype(robot, body, "Hi {{customer.name}}, we merged your two tickets.");
        waitUntil(() -> !bodyError.isVisible() && !warning.isVisible());
        robot.clickOn("#saveMacrosButton");
        waitUntil(() -> vm.macros().stream().anyMatch(m -> m.name().equals(name)));
        assertThat(lead.macros().get(10, TimeUnit.SECONDS).macros()).extracting(Macro::name).contains(name);
    }
}
