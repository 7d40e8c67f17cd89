package dev.gatehouse.console.shell;

import javafx.scene.Node;

/**
 * A built area's view, shown in the shell's content pane. The shell builds it the first time its area is opened and
 * keeps it while the operator works elsewhere, so coming back finds it as it was left; it is closed with the shell.
 */
public interface Screen {
    Node view();

    /** Stops background work the screen started (the operator signed out or switched platform). */
    default void close() {}

    /** Where keyboard focus goes when the screen is shown. */
    default void focus() {}

    /** Shows {@code subject} (what another screen asked for, see {@link AreaRequested}); a screen that has none ignores it. */
    default void show(String subject) {}
}
