package dev.gatehouse.console.shell;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Binds shell.fxml to {@link ShellViewModel}: the rail, the open area's screen, the status bar. */
public final class ShellController {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass REFUSING = PseudoClass.getPseudoClass("refusing");
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final ShellViewModel vm;
    private final Map<ConsoleArea, Button> navButtons = new HashMap<>();
    /** Each area's screen, built the first time it is opened and kept: filters, selection and scroll survive a trip elsewhere. */
    private final Map<ConsoleArea, Screen> screens = new HashMap<>();

    @FXML private BorderPane shellRoot;
    @FXML private ImageView logo;
    @FXML private VBox navItems;
    @FXML private Button themeButton;
    @FXML private Button switchPlatformButton;
    @FXML private StackPane contentPane;
    @FXML private HBox firstRunBox;
    private FirstRunChecklist firstRun;
    @FXML private Label platformLabel;
    @FXML private Label modeLabel;
    @FXML private Label urlLabel;
    @FXML private Label connectionLabel;
    @FXML private FontIcon connectionIcon;
    @FXML private HBox simulatorBox;
    @FXML private Label simulatorLabel;
    @FXML private FontIcon simulatorIcon;
    @FXML private Button simulatorToggle;
    @FXML private FontIcon simulatorToggleIcon;
    @FXML private Label operatorLabel;
    @FXML private Label roleLabel;

    public ShellController(ShellViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        logo.setImage(new Image(Objects.requireNonNull(getClass().getResource("/icons/gatehouse-256.png")).toExternalForm()));
        int position = 0;
        for (ConsoleArea area : vm.areas()) {
            position++;
            navItems.getChildren().add(navItem(area, position));
        }
        vm.areaProperty().addListener((o, before, after) -> show(after));

        themeButton.textProperty().bind(vm.themeProperty().map(t -> t.other().label() + " theme"));
        themeButton.setTooltip(new Tooltip("Switch between the light and dark theme"));
        switchPlatformButton.setTooltip(new Tooltip("Sign out and connect to another platform"));

        platformLabel.setText(vm.platformText());
        modeLabel.setText(vm.modeText());
        urlLabel.setText(vm.session().client().baseUrl());
        operatorLabel.setText(vm.operatorText());
        roleLabel.setText(vm.session().roleLabel());
        roleLabel.getStyleClass().add("badge-accent");
        connectionLabel.textProperty().bind(vm.connectionTextProperty());
        bindSimulator(vm.simulatorBar());
        vm.reachableProperty().addListener((o, a, ok) -> {
            connectionLabel.pseudoClassStateChanged(OFFLINE, !ok);
            connectionIcon.setIconLiteral(ok ? "mdoal-cloud_done" : "mdoal-cloud_off");
        });

        shellRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode().isDigitKey()) {
                int digit = e.getCode().getCode() - (e.getCode().isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
                if (vm.openByShortcut(digit)) {
                    e.consume();
                }
            }
        });
        show(vm.areaProperty().get());
        bindFirstRun();
        // a screen may open another area on a subject (Catalog → Pricing on the selected model)
        areaRequests = vm.session().events().subscribe(AreaRequested.class, r -> vm.areas().stream()
                .filter(a -> a.id().equals(r.areaId()) && a.built()).findFirst().ifPresent(a -> {
                    vm.open(a);
                    Screen s = screens.get(a);
                    if (s != null && r.subject() != null) {
                        s.show(r.subject());
                    }
                }));
    }

    private EventBus.Subscription areaRequests = EventBus.Subscription.NONE;

    /** The first-run checklist over the content, on an empty platform; each item opens its area. */
    private void bindFirstRun() {
        firstRun = new FirstRunChecklist(FirstRunChecklist.Counts.of(vm.session().client(), vm.session().role()),
                vm.session().role(), javafx.application.Platform::runLater);
        firstRunBox.visibleProperty().bind(firstRun.showingProperty());
        firstRunBox.managedProperty().bind(firstRunBox.visibleProperty());
        firstRun.items().addListener((javafx.collections.ListChangeListener<FirstRunChecklist.Item>) c -> {
            Label title = new Label("First day on this platform:");
            title.getStyleClass().add("section-title");
            title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            firstRunBox.getChildren().setAll(title);
            for (FirstRunChecklist.Item item : firstRun.items()) {
                FontIcon icon = new FontIcon(item.done() ? "mdoal-check_circle" : "mdomz-radio_button_unchecked");
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(item.text(), icon);
                link.setId("firstRun-" + item.id());
                link.setDisable(item.done() || !item.allowed());
                if (!item.allowed() && !item.done()) {
                    link.setText(item.text() + " (not your role)");
                }
                link.setOnAction(e -> vm.areas().stream().filter(a -> a.id().equals(item.areaId())).findFirst().ifPresent(vm::open));
                firstRunBox.getChildren().add(link);
            }
        });
        vm.areaProperty().addListener((o, a, area) -> firstRun.check());
        firstRun.check();
    }

    /** A built area is a button; an area not built yet is the same button, disabled, with a tooltip on its wrapper. */
    private HBox navItem(ConsoleArea area, int position) {
        Button b = new Button(area.title(), new FontIcon(area.icon()));
        b.setId("nav-" + area.id());
        b.getStyleClass().add("nav-item");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMnemonicParsing(false);
        HBox wrapper = new HBox(b);
        HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
        String shortcut = position <= 10 ? "Ctrl+" + (position % 10) : null;
        if (area.built()) {
            b.setOnAction(e -> vm.open(area));
            b.setTooltip(new Tooltip(area.title() + (shortcut == null ? "" : "  (" + shortcut + ")")));
        } else {
            b.setDisable(true);
            // A disabled control gets no mouse events, so the tooltip lives on the wrapper.
            Tooltip later = new Tooltip(area.title() + ": arrives in a later release");
            later.setShowDelay(Duration.millis(300));
            Tooltip.install(wrapper, later);
        }
        navButtons.put(area, b);
        return wrapper;
    }

    private void show(ConsoleArea area) {
        navButtons.forEach((a, b) -> b.pseudoClassStateChanged(SELECTED, a.equals(area)));
        contentPane.getChildren().clear();
        if (area == null || area.screen().isEmpty()) {
            return;
        }
        Screen screen = screens.computeIfAbsent(area, a -> a.screen().get().apply(vm.session()));
        contentPane.getChildren().setAll(screen.view());
        screen.focus();
    }

    /** Stops every built screen's background work; the shell is being left. */
    public void close() {
        areaRequests.close();
        screens.values().forEach(Screen::close);
        screens.clear();
        vm.close();
    }

    private void bindSimulator(SimulatorBarViewModel sim) {
        simulatorBox.visibleProperty().bind(sim.presentProperty());
        simulatorBox.managedProperty().bind(simulatorBox.visibleProperty());
        simulatorLabel.textProperty().bind(sim.textProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(sim.detailsProperty());
        details.setShowDuration(Duration.seconds(30));
        details.setWrapText(true);
        details.setMaxWidth(520);
        simulatorLabel.setTooltip(details);
        sim.refusingProperty().addListener((o, a, r) -> simulatorLabel.pseudoClassStateChanged(REFUSING, r));
        simulatorToggle.textProperty().bind(sim.toggleTextProperty());
        sim.toggleTextProperty().addListener((o, a, t) -> simulatorToggleIcon.setIconLiteral("Pause".equals(t) ? "mdomz-pause" : "mdomz-play_arrow"));
        sim.statusProperty().addListener((o, a, s) -> simulatorLabel.pseudoClassStateChanged(PAUSED, s != null && "paused".equals(s.state())));
        simulatorToggle.disableProperty().bind(sim.busyProperty().or(new javafx.beans.property.SimpleBooleanProperty(!sim.mayControl())));
        simulatorToggle.setTooltip(new Tooltip(sim.mayControl() ? "Pause or resume the demo's traffic (audited)"
                : "A viewer watches; the other roles may pause the demo's traffic"));
    }

    @FXML private void toggleSimulator() { vm.simulatorBar().toggle(); }
    @FXML private void toggleTheme() { vm.toggleTheme(); }
    @FXML private void switchPlatform() { vm.switchPlatform(); }
}
