package dev.gatehouse.console.shell;

/** Where view models send transient messages for the operator; the shell shows them (see {@link NotificationLayer}). */
@FunctionalInterface
public interface Notifier {
    /** Called on the FX thread. */
    void show(Notice notice);
}
