package dev.gatehouse.console.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shows {@link Notice}s over the window's top-right corner as AtlantaFX notifications, which follow the theme's
 * -color-* tokens in light and dark. Newest on top, at most {@link #MOST} at once; each leaves after
 * {@link #SHOWN_FOR} unless the pointer rests on it, or when its close button is pressed. Clicks outside pass through.
 */
public final class NotificationLayer implements Notifier {
    public static final Duration SHOWN_FOR = Duration.seconds(8);
    public static final int MOST = 3;
    static final double WIDTH = 420;

    private final VBox stack = new VBox(8);
    private final Optional<Consumer<String>> openAudit;

    /** @param openAudit opens the Audit area at an entry; empty while the console has no Audit area (the link says so) */
    public NotificationLayer(Optional<Consumer<String>> openAudit) {
        this.openAudit = openAudit;
        stack.setId("notifications");
        stack.getStyleClass().add("notification-layer");
        stack.setPickOnBounds(false);
        stack.setAlignment(Pos.TOP_RIGHT);
        stack.setPadding(new Insets(12, 16, 0, 0));
    }

    public Node view() {
        return stack;
    }

    @Override
    public void show(Notice notice) {
        Notification n = new Notification(notice.detail() == null ? notice.text() : notice.text() + "\n" + notice.detail(),
                new FontIcon(icon(notice.kind())));
        n.getStyleClass().addAll(Styles.ELEVATED_1, style(notice.kind()));
        n.setPrefWidth(WIDTH);
        n.setMaxWidth(WIDTH);
        n.setMaxHeight(Region.USE_PREF_SIZE);
        n.setUserData(notice);
        if (notice.auditId() != null) {
            n.setPrimaryActions(auditLink(n, notice.auditId()));
        }
        PauseTransition stay = new PauseTransition(SHOWN_FOR);
        stay.setOnFinished(e -> stack.getChildren().remove(n));
        n.hoverProperty().addListener((o, was, hovered) -> {
            if (hovered) {
                stay.stop();
            } else {
                stay.playFromStart();
            }
        });
        n.setOnClose(e -> {
            stay.stop();
            stack.getChildren().remove(n);
        });
        stack.getChildren().add(0, n);
        while (stack.getChildren().size() > MOST) {
            stack.getChildren().remove(stack.getChildren().size() - 1);
        }
        stay.play();
    }

    /** The notices on screen, newest first. */
    public List<Notice> showing() {
        return stack.getChildren().stream().map(n -> (Notice) n.getUserData()).toList();
    }

    private Button auditLink(Notification n, String auditId) {
        Button b = new Button("View audit entry");
        b.setId("viewAuditEntry");
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setMnemonicParsing(false);
        if (openAudit.isPresent()) {
            b.setOnAction(e -> openAudit.get().accept(auditId));
        } else {
            // A disabled button gets no mouse events, so the reason sits on the whole notification.
            b.setDisable(true);
            Tooltip why = new Tooltip("The Audit area arrives in a later release. This change is audit entry " + auditId + ".");
            why.setShowDelay(Duration.millis(300));
            Tooltip.install(n, why);
        }
        return b;
    }

    private static Ikon icon(Notice.Kind kind) {
        return switch (kind) {
            case SUCCESS -> Material2OutlinedAL.CHECK_CIRCLE;
            case INFO -> Material2OutlinedAL.INFO;
            case WARNING -> Material2OutlinedMZ.WARNING;
            case ERROR -> Material2OutlinedAL.ERROR_OUTLINE;
        };
    }

    private static String style(Notice.Kind kind) {
        return switch (kind) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        };
    }
}
