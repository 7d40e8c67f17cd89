package dev.gatehouse.console.shell;

import javafx.scene.Node;

/** A built area's view, shown in the shell's content pane; closed when the operator leaves it. */
public interface Screen {
    Node view();

    /** Stops background work the screen started. */
    default void close() {}

    /** Where keyboard focus goes when the screen is shown. */
    default void focus() {}
}
