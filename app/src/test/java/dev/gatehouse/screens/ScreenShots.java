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

/** What every screens test does: run on the FX thread, wait, look nodes up, sign in to the demo gateway, save a PNG. */
final class ScreenShots {
    static final Path DIR = Path.of(System.getProperty("screens.dir", "target/screens"));

    private ScreenShots() {}

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    static void fxRun(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        dev.gatehouse.console.FxWait.waitUntil(condition);
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

    static ConsoleWindow signedIn(PlatformFixture gateway, Theme theme, Role role) throws Exception {
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
        Path file = DIR.resolve(name + "-" + theme.name().toLowerCase() + ".png");
        ImageIO.write(png, "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(10_000);
        return file;
    }
}
