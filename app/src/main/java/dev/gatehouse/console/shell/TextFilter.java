package dev.gatehouse.console.shell;

import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * A text filter: what is typed reaches the view model once typing settles (so each keystroke does not ask the
 * platform), at once on Enter, and Esc clears it. A value the view model sets (Clear filters) shows in the field.
 */
public final class TextFilter {
    private final TextField field;
    private final StringProperty target;
    private final PauseTransition settle;

    private TextFilter(TextField field, StringProperty target, Duration delay) {
        this.field = field;
        this.target = target;
        this.settle = new PauseTransition(delay);
    }

    public static TextFilter bind(TextField field, StringProperty target, Duration delay) {
        TextFilter f = new TextFilter(field, target, delay);
        f.settle.setOnFinished(e -> f.applyNow());
        field.setText(target.get() == null ? "" : target.get());
        field.textProperty().addListener((o, a, b) -> f.settle.playFromStart());
        field.setOnAction(e -> f.applyNow());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                f.applyNow();
                e.consume();
            }
        });
        target.addListener((o, a, b) -> {
            String text = b == null ? "" : b;
            if (!field.getText().equals(text)) {
                field.setText(text);
                f.settle.stop();
            }
        });
        return f;
    }

    /** Hands the typed text on now. */
    public void applyNow() {
        settle.stop();
        target.set(field.getText());
    }

    /** Forgets typing not yet handed on (the filters are being cleared). */
    public void cancel() {
        settle.stop();
    }
}
