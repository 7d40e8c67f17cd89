package dev.gatehouse.console.actions;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A dimmed layer over a screen that holds one dialog or drawer at a time. It lives inside the main window
 * (no second stage), so it follows the theme and shows up in the rendered screens. Escape closes it.
 */
public final class ModalLayer extends StackPane {
    private Runnable onClose = () -> {};

    public ModalLayer() {
        getStyleClass().add("modal-layer");
        setVisible(false);
        setManaged(false);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && isVisible()) {
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

    /** Shows {@code content} centred ({@link Pos#CENTER}) or docked ({@link Pos#CENTER_RIGHT} for a drawer). */
    public void show(Region content, Pos position, Runnable onClose) {
        this.onClose = onClose == null ? () -> {} : onClose;
        StackPane.setAlignment(content, position);
        content.setMaxSize(Region.USE_PREF_SIZE, position == Pos.CENTER ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        getChildren().setAll(content);
        setManaged(true);
        setVisible(true);
        toFront();
    }

    /** Closes whatever is shown and tells its owner. */
    public void close() {
        Runnable closed = onClose;
        onClose = () -> {};
        getChildren().clear();
        setVisible(false);
        setManaged(false);
        closed.run();
    }

    public boolean showing() {
        return isVisible();
    }
}
