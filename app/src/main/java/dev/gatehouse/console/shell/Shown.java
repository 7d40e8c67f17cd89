package dev.gatehouse.console.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** A part of a screen that is shown, and takes room in its layout, only while it applies. */
public final class Shown {
    private Shown() {}

    /** {@code node} is shown, and takes room, only while {@code condition} holds. */
    public static void when(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows or hides {@code node} now, with its room; for a node no property drives. */
    public static void set(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
