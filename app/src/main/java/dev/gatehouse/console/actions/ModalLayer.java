package dev.gatehouse.console.actions;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A dimmed layer over a screen holding dialogs and drawers, newest on top (a reason dialog may open over the
 * account drawer). It lives inside the main window (no second stage), so it follows the theme and shows up in
 * the rendered screens. Escape closes the top one.
 */
public final class ModalLayer extends StackPane {
    private final Deque<Runnable> onClose = new ArrayDeque<>();

    public ModalLayer() {
        getStyleClass().add("modal-layer");
        setVisible(false);
        setManaged(false);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && showing()) {
                close();
                e.consume();
            }
        });
    }

    /** Wraps a screen's view so dialogs can open over it. */
    public static StackPane over(Node view, ModalLayer layer) {
        StackPane host = new StackPane(view, layer);
        layer.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return host;
    }

    /** Shows {@code content} centred ({@link Pos#CENTER}) or docked ({@link Pos#CENTER_RIGHT} for a drawer), above what is shown. */
    public void show(Region content, Pos position, Runnable closed) {
        StackPane.setAlignment(content, position);
        content.setMaxSize(Region.USE_PREF_SIZE, position == Pos.CENTER ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        if (!getChildren().isEmpty()) {
            // What is under the new top stays visible but dimmed, and takes no clicks.
            Region scrim = new Region();
            scrim.getStyleClass().add("modal-scrim");
            scrim.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            getChildren().add(scrim);
        }
        getChildren().add(content);
        onClose.push(closed == null ? () -> {} : closed);
        setManaged(true);
        setVisible(true);
        toFront();
    }

    /** Closes the top dialog or drawer and tells its owner. */
    public void close() {
        if (getChildren().isEmpty()) {
            return;
        }
        getChildren().remove(getChildren().size() - 1);
        if (!getChildren().isEmpty() && getChildren().get(getChildren().size() - 1).getStyleClass().contains("modal-scrim")) {
            getChildren().remove(getChildren().size() - 1);
        }
        Runnable closed = onClose.isEmpty() ? () -> {} : onClose.pop();
        if (getChildren().isEmpty()) {
            setVisible(false);
            setManaged(false);
        }
        closed.run();
    }

    public boolean showing() {
        return !getChildren().isEmpty();
    }
}
