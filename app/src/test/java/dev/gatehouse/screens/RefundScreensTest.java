package dev.gatehouse.screens;

import dev.gatehouse.api.Refund;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.console.app.ConsoleAreas;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.shell.ConnectViewModel;
import dev.gatehouse.console.shell.ConsoleWindow;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.Theme;
import dev.gatehouse.console.PlatformFixture;
import dev.gatehouse.policy.Role;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

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

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    static void fxRun(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    static <T extends Node> Optional<T> find(ConsoleWindow w, String id, Class<T> type) {
        try {
            return fx(() -> {
                w.root().applyCss();
                w.root().layout();
                return Optional.ofNullable(w.root().getScene().lookup("#" + id)).map(type::cast);
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean visible(ConsoleWindow w, String id) {
        return find(w, id, Node.class).map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    ConsoleWindow signedIn(Theme theme, Role role) throws Exception {
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

    static Path save(ConsoleWindow w, String name, Theme theme) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage image = fx(() -> {
            w.root().applyCss();
            w.root().layout();
            return w.root().getScene().snapshot(null);
        });
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Path file = dir.resolve(name + "-" + theme.name().toLowerCase() + ".png");
        ImageIO.write(png, "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(10_000);
        return file;
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
    static boolean fxBool(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            return false;
        }
    }
}
