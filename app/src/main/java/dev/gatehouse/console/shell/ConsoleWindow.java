package dev.gatehouse.console.shell;

import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The console's one window content: the connect view until an operator is signed in, then the shell.
 * Its root is a pane the console owns; the theme's pseudo-class sits there.
 */
public final class ConsoleWindow {
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 880;

    private final StackPane root = new StackPane();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DemoPlatform demo;
    private final Executor fx;
    private final Executor background;
    private ConnectViewModel connect;
    private ShellController shell;
    private Session session;

    public ConsoleWindow(DemoPlatform demo, Theme initial) {
        this(demo, initial, Platform::runLater, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-background");
            t.setDaemon(true);
            return t;
        }));
    }

    public ConsoleWindow(DemoPlatform demo, Theme initial, Executor fx, Executor background) {
        this.demo = demo;
        this.fx = fx;
        this.background = background;
        root.getStyleClass().add("app-root");
        root.setId("appRoot");
        theme.addListener((o, a, t) -> t.apply(root));
        theme.set(initial);
        initial.apply(root);
        showConnect();
    }

    public Scene scene() {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        return scene;
    }

    /** Follows the command line: demo (no URL), direct sign-in (URL and token), or the form pre-filled (URL only). */
    public void begin(LaunchOptions options) {
        if (options.url() == null || options.url().isBlank()) {
            connect.demoRoleProperty().set(Role.fromWire(options.demoRole()).orElse(Role.LEAD));
            connect.openDemo();
            return;
        }
        connect.urlProperty().set(options.url());
        if (options.token() != null && !options.token().isBlank()) {
            connect.tokenProperty().set(options.token());
            connect.connect();
        }
    }

    public ConnectViewModel connectViewModel() {
        return connect;
    }

    public void showConnect() {
        String url = "";
        Role role = Role.LEAD;
        if (connect != null) {
            url = connect.urlProperty().get();
            role = connect.demoRoleProperty().get();
        }
        if (shell != null) {
            shell.close();
            shell = null;
        }
        if (session != null) {
            session.client().close();
            session = null;
        }
        connect = new ConnectViewModel(demo, background, fx, this::showShell);
        connect.urlProperty().set(url);
        connect.demoRoleProperty().set(role);
        root.getChildren().setAll(Views.load("connect.fxml", new ConnectController(connect)));
    }

    public void showShell(Session signedIn) {
        session = signedIn;
        ShellViewModel vm = new ShellViewModel(signedIn, ConsoleAreas.all(), theme, fx, this::showConnect);
        shell = new ShellController(vm);
        Parent view = Views.load("shell.fxml", shell);
        root.getChildren().setAll(view);
        vm.start();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StackPane root() {
        return root;
    }

    /** Closes the session's client and the open screen. */
    public void close() {
        if (shell != null) {
            shell.close();
        }
        if (session != null) {
            session.client().close();
        }
    }
}
