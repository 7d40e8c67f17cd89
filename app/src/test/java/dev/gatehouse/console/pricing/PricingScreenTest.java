package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static dev.gatehouse.console.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Pricing screen against the demo gateway: edit a price, see its diff and impact, save it under notice. */
@ExtendWith(ApplicationExtension.class)
class PricingScreenTest {
    static PlatformFixture gateway;
    PlatformClient client;
    PricingScreen screen;

    @BeforeAll
    static void startGateway() {
        gateway = PlatformFixture.shared();
    }

    @Start
    void start(Stage stage) {
        client = new PlatformClient(gateway.baseUrl(), gateway.token(Role.OPS));
        screen = PricingScreen.open(client, Platform::runLater, Role.OPS, Clock.systemUTC());
        dev.gatehouse.console.ScreenStage.show(stage, screen.view());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void editingAPriceShowsItsDiffAndImpactAndSavesItUnderNotice(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Model> models = robot.lookup("#modelTable").queryAs(TableView.class);
        robot.clickOn("#searchField").write("Claude Sonnet 4").type(javafx.scene.input.KeyCode.ENTER);
        // the search answers asynchronously: pick the row once the table shows the search's rows, not the page before it
        waitUntil(() -> {
            java.util.List<Model> shown = dev.gatehouse.console.FxWait.rows(models);
            return !shown.isEmpty() && shown.stream().allMatch(m -> (m.name() + "|" + m.slug() + "|" + m.family() + "|" + m.provider())
                    .toLowerCase(java.util.Locale.ROOT).contains("claude sonnet 4"))
                    && shown.stream().anyMatch(m -> m.slug().equals("anthropic/claude-sonnet-4"));
        });
        robot.interact(() -> models.getSelectionModel().select(
                models.getItems().stream().filter(m -> m.slug().equals("anthropic/claude-sonnet-4")).findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup("#base-0").tryQuery().isPresent());
        TextField base = robot.lookup("#base-0").queryAs(TextField.class);
        robot.interact(base::clear);
        robot.clickOn(base).write("3.1234567");
        waitUntil(() -> robot.lookup("#previewButton").queryButton().isDisabled());
        assertThat(base.getText()).isEqualTo("3.1234567");
        robot.interact(base::clear);
        robot.clickOn(base).write("3.30");
        waitUntil(() -> !robot.lookup("#previewButton").queryButton().isDisabled());
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#previewPane").query().isVisible());
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).startsWith("Not enough notice");
        assertThat(robot.lookup("#impactLabel").queryAs(Label.class).getText()).contains("Over the last 30 days", "accounts paid by +$");
        @SuppressWarnings("unchecked")
        TableView<PricingViewModel.DiffRow> diff = robot.lookup("#diffTable").queryAs(TableView.class);
        assertThat(diff.getItems()).extracting(PricingViewModel.DiffRow::percent).containsExactly("+10.00 %", "0.00 %");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).as("a raise without notice cannot be saved").isTrue();

        robot.clickOn("#earliestButton");
        robot.clickOn("#reasonArea").write("Anthropic raised Sonnet 4 input by 10%; 30 days' notice (ai-visual-studio §18).");
        robot.clickOn("#previewButton");
        waitUntil(() -> robot.lookup("#noticeLabel").queryAs(Label.class).getText().startsWith("Notice satisfied"));
        Button save = robot.lookup("#saveButton").queryButton();
        waitUntil(() -> !save.isDisabled());
        robot.clickOn(save);
        waitUntil(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText().startsWith("Scheduled for"));
        @SuppressWarnings("unchecked")
        ListView<PricingViewModel.TimelineEntry> timeline = robot.lookup("#timelineList").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().stream().anyMatch(e -> e.scheduled() != null && e.detail().contains("Sonnet 4 input by 10%")));
    }

    @Test
    void aVolumeDiscountTierIsAddedAtOnceAndNoticesAreListed(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        VolumeDiscountsViewModel vm = screen.discounts();
        waitUntil(() -> !vm.rows().isEmpty() || vm.inForceProperty().get().startsWith("No volume"));
        int before = vm.rows().size();
        robot.clickOn("#addDiscountButton");
        waitUntil(() -> robot.lookup("#discount-from-" + before).tryQuery().isPresent());
        robot.clickOn("#discount-from-" + before).write("900000");
        robot.clickOn("#discount-off-" + before).write("99.999");
        waitUntil(() -> vm.rows().get(before).errorProperty().get().contains("2 decimals"));
        assertThat(robot.lookup("#discountSaveButton").queryButton().isDisabled()).isTrue();
        TextField off = robot.lookup("#discount-off-" + before).queryAs(TextField.class);
        robot.interact(off::clear);
        robot.clickOn(off).write("15");
        waitUntil(() -> robot.lookup("#discountKind").queryAs(Label.class).getText().contains("price decrease"));
        robot.clickOn("#discountReasonArea").write("A top tier for the largest accounts (apimart §6).");
        waitUntil(() -> !robot.lookup("#discountSaveButton").queryButton().isDisabled());
        robot.clickOn("#discountSaveButton");
        waitUntil(() -> robot.lookup("#discountMessage").queryAs(Label.class).getText().startsWith("Saved"));
        assertThat(vm.inForceProperty().get()).contains("from $900,000.00 a month 15 % off");
        @SuppressWarnings("unchecked")
        ListView<VolumeDiscountsViewModel.HistoryRow> history = robot.lookup("#discountHistory").queryAs(ListView.class);
        assertThat(history.getItems().get(0).who()).contains("A top tier for the largest accounts");

        robot.interact(() -> robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(3));
        @SuppressWarnings("unchecked")
        TableView<PriceNoticesViewModel.Row> notices = robot.lookup("#noticeTable").queryAs(TableView.class);
        waitUntil(() -> !notices.getItems().isEmpty());
        String account = notices.getItems().get(0).account();
        String accountId = account.substring(account.lastIndexOf(' ') + 1);
        robot.clickOn("#noticeAccountField").write(accountId).type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> !notices.getItems().isEmpty() && notices.getItems().stream().allMatch(r -> r.account().endsWith(accountId)));
    }
}
