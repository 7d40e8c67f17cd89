package dev.gatehouse.console.shell;

import dev.gatehouse.policy.Role;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The console's one window content: the connect view until an operator is signed in, then the shell.
 * Its root is a pane the console owns; the theme's pseudo-class sits there.
 */
public final class ConsoleWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 880;

    private final StackPane root = new StackPane();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DemoPlatform demo;
    private final Executor fx;
    private final Executor background;
    private final Clock clock;
    private final List<ConsoleArea> areas;
    private final NotificationLayer notices;
    private ConnectViewModel connect;
    private String firstArea;
    private RecentPlatforms recentPlatforms = RecentPlatforms.inUserHome();
    private TokenKeychain keychain = TokenKeychain.lazySystem();
    private ShellController shell;
    private Session session;

    /** @param areas the rail's areas in order, with the factories of the built screens */
    public ConsoleWindow(DemoPlatform demo, Theme initial, List<ConsoleArea> areas) {
        this(demo, initial, areas, Clock.systemDefaultZone());
    }

    /** @param clock the console's one clock, in the operator's zone; every relative time on screen reads it */
    public ConsoleWindow(DemoPlatform demo, Theme initial, List<ConsoleArea> areas, Clock clock) {
        this(demo, initial, areas, clock, Platform::runLater, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-background");
            t.setDaemon(true);
            return t;
        }));
    }

    public ConsoleWindow(DemoPlatform demo, Theme initial, List<ConsoleArea> areas, Clock clock, Executor fx,
                         Executor background) {
        this.demo = demo;
        this.areas = List.copyOf(areas);
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        // No Audit area yet (ConsoleAreas lists it as later): "View audit entry" stays disabled and says why.
        this.notices = new NotificationLayer(Optional.empty());
        root.getStyleClass().add("app-root");
        root.setId("appRoot");
        theme.addListener((o, a, t) -> t.apply(root));
        theme.set(initial);
        initial.apply(root);
        showConnect();
    }

    /** Where recent platforms and their tokens are remembered (tests pass a temporary file and no keychain). */
    public void remembering(RecentPlatforms recent, TokenKeychain keychain) {
        this.recentPlatforms = recent;
        this.keychain = keychain;
        if (connect != null) {
            connect.remembering(recent, keychain);
        }
    }

    public Scene scene() {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        return scene;
    }

    /** Follows the command line: demo (no URL), direct sign-in (URL and token), or the form pre-filled (URL only). */
    public void begin(LaunchOptions options) {
        firstArea = options.area();
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
        connect = new ConnectViewModel(demo, background, fx, this::showShell).remembering(recentPlatforms, keychain);
        connect.urlProperty().set(url);
        connect.demoRoleProperty().set(role);
        root.getChildren().setAll(Views.load("connect.fxml", new ConnectController(connect)));
    }

    /** Opens the shell for a signed-in operator, with a fresh event bus for this session's screens. */
    public void showShell(ConnectViewModel.SignedIn signedIn) {
        session = new Session(signedIn.client(), signedIn.me(), signedIn.demo(), clock, new EventBus(fx), notices);
        LOG.info("Signed in to {} as {} ({}){}", session.client().baseUrl(), session.me().id(), session.me().role(),
                session.demo() ? ", the demo platform" : "");
        ShellViewModel vm = new ShellViewModel(session, areas, theme, fx, this::showConnect);
        shell = new ShellController(vm);
        Parent view = Views.load("shell.fxml", shell);
        root.getChildren().setAll(view, notices.view());
        vm.start();
        if (firstArea != null) {
            // "support/tkt_…": the area, and a subject its screen shows (a deep link to one ticket or refund)
            String[] link = firstArea.split("/", 2);
            if (link.length == 2 && !link[1].isBlank()) {
                session.events().publish(new AreaRequested(link[0], link[1]));
            } else {
                areas.stream().filter(a -> a.id().equals(link[0])).findFirst().ifPresent(vm::open);
            }
            firstArea = null; // only the first sign-in: a switched platform starts where the rail does
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The signed-in session, or null while the connect view shows. */
    public Session session() {
        return session;
    }

    public NotificationLayer notices() {
        return notices;
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
