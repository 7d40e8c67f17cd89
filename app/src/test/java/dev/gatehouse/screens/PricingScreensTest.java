package dev.gatehouse.screens;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.console.app.ConsoleAreas;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.ConnectViewModel;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.policy.Role;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.gatehouse.screens.ScreenShots.find;
import static dev.gatehouse.screens.ScreenShots.fx;
import static dev.gatehouse.screens.ScreenShots.fxRun;
import static dev.gatehouse.screens.ScreenShots.save;
import static dev.gatehouse.screens.AccountScreensTest.table;
import static dev.gatehouse.screens.ScreenShots.visible;
import static dev.gatehouse.screens.ScreenShots.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Pricing screen (a single-model diff with its impact, and a bulk preview with its impact) and the Rate
 * limits screen (a tightening previewed with its notice and who went over), light and dark, to target/screens/.
 */
class PricingScreensTest {
    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        AccountScreensTest.gateway = PlatformFixture.shared();
        AccountScreensTest.dir = java.nio.file.Path.of(System.getProperty("screens.dir", "target/screens"));
        Files.createDirectories(AccountScreensTest.dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    static ConsoleWindow signedIn(Theme theme, Role role) throws Exception {
        PlatformFixture gateway = AccountScreensTest.gateway;
        DemoPlatform demo = () -> new DemoPlatform.Connection(gateway.baseUrl(), Map.of(role.wire(), gateway.token(role)));
        ConsoleWindow w = fx(() -> {
            ConsoleWindow window = new ConsoleWindow(demo, theme, ConsoleAreas.all());
            window.scene().getRoot().applyCss();
            return window;
        });
        PlatformClient client = new PlatformClient(gateway.baseUrl(), gateway.token(role));
        ConnectViewModel.SignedIn session = new ConnectViewModel.SignedIn(client, client.me().get(10, TimeUnit.SECONDS), true);
        fxRun(() -> w.showShell(session));
        return w;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void aModelsDiffAndABulkPreviewWithTheirImpact(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.OPS);
        fxRun(() -> find(w, "nav-pricing", Button.class).orElseThrow().fire());
        TableView<Model> models = table(w, "modelTable");
        waitUntil(() -> !models.getItems().isEmpty());
        // the most used chat model of the demo has usage to show an impact for
        fxRun(() -> {
            find(w, "searchField", TextField.class).orElseThrow().setText("GPT-4.1");
            find(w, "searchField", TextField.class).orElseThrow().fireEvent(new javafx.event.ActionEvent());
        });
        // the search answers asynchronously: pick the row once the table shows the search's rows, not the page before it
        waitUntil(() -> {
            java.util.List<Model> shown = dev.gatehouse.console.FxWait.rows(models);
            return !shown.isEmpty() && shown.stream().allMatch(m -> (m.name() + "|" + m.slug() + "|" + m.family() + "|" + m.provider())
                    .toLowerCase(java.util.Locale.ROOT).contains("gpt-4.1"))
                    && shown.stream().anyMatch(m -> m.slug().equals("openai/gpt-4.1"));
        });
        fxRun(() -> models.getSelectionModel().select(models.getItems().stream().filter(m -> m.slug().equals("openai/gpt-4.1")).findFirst().orElseThrow()));
        waitUntil(() -> find(w, "base-0", TextField.class).isPresent());
        fxRun(() -> {
            TextField in = find(w, "base-0", TextField.class).orElseThrow();
            in.setText("2.20");
            find(w, "earliestButton", Button.class).orElseThrow().fire();
            find(w, "reasonArea", javafx.scene.control.TextArea.class).orElseThrow()
                    .setText("OpenAI raised GPT-4.1 input by 10% (provider notice 2026-11-20); 30 days' notice per ai-visual-studio §18.");
            find(w, "previewButton", Button.class).orElseThrow().fire();
        });
        waitUntil(() -> visible(w, "previewPane") && !table(w, "diffTable").getItems().isEmpty());
        save(w, "pricing-edit", theme);

        fxRun(() -> find(w, "tabs", TabPane.class).orElseThrow().getSelectionModel().select(1));
        fxRun(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> provider = find(w, "bulkProvider", ComboBox.class).orElseThrow();
            provider.setValue("Anthropic");
            find(w, "bulkValueField", TextField.class).orElseThrow().setText("+5");
            find(w, "bulkEarliestButton", Button.class).orElseThrow().fire();
            find(w, "bulkReasonField", TextField.class).orElseThrow().setText("Anthropic list prices up 5% from January; notice per ai-visual-studio §18.");
            find(w, "bulkPreviewButton", Button.class).orElseThrow().fire();
        });
        waitUntil(() -> visible(w, "bulkResult") && !table(w, "bulkTable").getItems().isEmpty());
        assertThat(find(w, "commitButton", Button.class).orElseThrow().isDisabled()).isFalse();
        save(w, "pricing-bulk", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theRateLimitsScreenWithATighteningPreviewed(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-tiers", Button.class).orElseThrow().fire());
        TableView<RateTier> tiers = table(w, "tierTable");
        waitUntil(() -> !tiers.getItems().isEmpty());
        fxRun(() -> tiers.getSelectionModel().select(0));
        waitUntil(() -> visible(w, "editor"));
        fxRun(() -> {
            find(w, "rpmField", TextField.class).orElseThrow().setText("8");
            find(w, "previewButton", Button.class).orElseThrow().fire();
        });
        waitUntil(() -> visible(w, "previewPane"));
        save(w, "rate-limits", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void volumeDiscountsWithARaiseUnderNoticeAndTheCustomerNotices(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.OPS);
        fxRun(() -> find(w, "nav-pricing", Button.class).orElseThrow().fire());
        fxRun(() -> find(w, "tabs", TabPane.class).orElseThrow().getSelectionModel().select(2));
        waitUntil(() -> find(w, "discount-from-0", TextField.class).isPresent());
        // less discount at the top tier: a raise for customers, so the editor asks for 30 days' notice
        fxRun(() -> {
            int last = 0;
            while (find(w, "discount-off-" + (last + 1), TextField.class).isPresent()) {
                last++;
            }
            find(w, "discount-off-" + last, TextField.class).orElseThrow().setText("8");
            find(w, "discountEarliestButton", Button.class).orElseThrow().fire();
            find(w, "discountReasonArea", javafx.scene.control.TextArea.class).orElseThrow()
                    .setText("Top tier from 10 % to 8 % after the margin review; 30 days' notice per ai-visual-studio §18.");
        });
        waitUntil(() -> !find(w, "discountSaveButton", Button.class).orElseThrow().isDisabled());
        save(w, "pricing-discounts", theme);

        fxRun(() -> find(w, "tabs", TabPane.class).orElseThrow().getSelectionModel().select(3));
        waitUntil(() -> !table(w, "noticeTable").getItems().isEmpty());
        fxRun(() -> table(w, "noticeTable").getSelectionModel().select(0));
        waitUntil(() -> find(w, "noticeDetail", javafx.scene.control.Label.class).orElseThrow().getText().startsWith("To "));
        save(w, "pricing-notices", theme);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theCatalogsStatusControlsAndOpenInPricing(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.OPS);
        fxRun(() -> find(w, "nav-catalog", Button.class).orElseThrow().fire());
        TableView<Model> models = table(w, "modelTable");
        // no search here: the catalog pages in every model, and the row stays selected as later pages arrive
        waitUntil(() -> dev.gatehouse.console.FxWait.rows(models).stream().anyMatch(m -> m.slug().equals("openai/gpt-4.1")));
        fxRun(() -> models.getSelectionModel().select(models.getItems().stream().filter(m -> m.slug().equals("openai/gpt-4.1")).findFirst().orElseThrow()));
        waitUntil(() -> visible(w, "statusBox"));
        fxRun(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> status = find(w, "statusChoice", ComboBox.class).orElseThrow();
            status.setValue("disabled");
            find(w, "statusReasonField", TextField.class).orElseThrow().setText("OpenAI retires GPT-4.1 on 31 Jan; customers moved to GPT-5.");
            find(w, "statusEffectiveField", TextField.class).orElseThrow().setText("2027-01-31T00:00:00Z");
        });
        save(w, "catalog-status", theme);

        fxRun(() -> find(w, "openPricingButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "editor") && find(w, "modelTitle", javafx.scene.control.Label.class).orElseThrow().getText().equals("GPT-4.1"));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void enterpriseAccountsAndTheConflictDialog(Theme theme) throws Exception {
        ConsoleWindow w = signedIn(theme, Role.LEAD);
        fxRun(() -> find(w, "nav-tiers", Button.class).orElseThrow().fire());
        TableView<RateTier> tiers = table(w, "tierTable");
        waitUntil(() -> !tiers.getItems().isEmpty());
        fxRun(() -> {
            find(w, "accountField", TextField.class).orElseThrow().setText("co");
            find(w, "openAccountButton", Button.class).orElseThrow().fire();
        });
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.gatehouse.api.Account> matches = find(w, "accountList", javafx.scene.control.ListView.class).orElseThrow();
        waitUntil(() -> matches.getItems().size() > 1);
        fxRun(() -> tiers.getSelectionModel().select(2)); // pro
        waitUntil(() -> visible(w, "editor"));
        fxRun(() -> {
            find(w, "rpmField", TextField.class).orElseThrow().setText("150");
            find(w, "reasonArea", javafx.scene.control.TextArea.class).orElseThrow().setText("Pro customers asked for headroom (ai-visual-studio §4).");
            find(w, "previewButton", Button.class).orElseThrow().fire();
        });
        waitUntil(() -> visible(w, "previewPane") && !find(w, "saveButton", Button.class).orElseThrow().isDisabled());
        // another operator saves the pro tier first
        PlatformClient other = new PlatformClient(AccountScreensTest.gateway.baseUrl(), AccountScreensTest.gateway.token(Role.OPS));
        RateTier pro = other.tiers().get(10, TimeUnit.SECONDS).stream().filter(t -> t.name().equals("pro")).findFirst().orElseThrow();
        other.putTier("pro", pro.version(), new dev.gatehouse.api.LimitsRequest((long) pro.rpm() + 5, (long) pro.rpd() + 1000,
                (long) pro.concurrent(), null, "Capacity added in eu-west", null)).get(10, TimeUnit.SECONDS);
        other.close();
        fxRun(() -> find(w, "saveButton", Button.class).orElseThrow().fire());
        waitUntil(() -> visible(w, "conflictDialog"));
        save(w, "rate-limits-conflict", theme);
        fxRun(() -> find(w, "conflictKeepMine", Button.class).orElseThrow().fire());
        waitUntil(() -> !visible(w, "conflictDialog"));
        assertThat(find(w, "rpmField", TextField.class).orElseThrow().getText()).isEqualTo("150");
        fxRun(() -> matches.getSelectionModel().select(0));
        waitUntil(() -> find(w, "targetTitle", javafx.scene.control.Label.class).orElseThrow().getText().contains(matches.getItems().get(0).name()));
        save(w, "rate-limits-accounts", theme);
    }
}
