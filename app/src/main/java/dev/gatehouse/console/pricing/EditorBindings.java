package dev.gatehouse.console.pricing;

import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.Shown;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/**
 * The bindings the notice-rule editors share (prices, volume discounts, rate limits): a part shown only when it applies,
 * a busy indicator, one message line (the loader's failure first), the notice verdict coloured ok or short, and error
 * labels that take no room while empty.
 */
public final class EditorBindings {
    private EditorBindings() {}

    /** {@code node} is shown, and takes room, only while {@code when} holds. */
    public static void shownWhen(Node node, ObservableBooleanValue when) {
        Shown.when(node, when);
    }

    public static void busy(ProgressIndicator progress, Loader<?> loader, ObservableBooleanValue saving) {
        shownWhen(progress, loader.loadingBinding().or(saving));
    }

    /** The loader's failure when there is one, else the editor's own message. */
    public static void message(Label label, Loader<?> loader, ObservableStringValue message) {
        label.textProperty().bind(Bindings.when(loader.messageProperty().isEmpty()).then(message).otherwise(loader.messageProperty()));
    }

    /** The notice verdict: green when the notice is kept (or nothing needs it), amber when it falls short. */
    public static void notice(Label label, ObservableStringValue text, ObservableBooleanValue ok) {
        label.textProperty().bind(text);
        Runnable tone = () -> {
            label.getStyleClass().removeAll("notice-ok", "notice-short");
            label.getStyleClass().add(ok.get() ? "notice-ok" : "notice-short");
        };
        text.addListener((o, a, t) -> tone.run());
        ok.addListener((o, a, b) -> tone.run());
        tone.run();
    }

    /** An error label takes no room while it says nothing. */
    public static void collapseWhenEmpty(Label label) {
        shownWhen(label, label.textProperty().isNotEmpty());
    }
}
