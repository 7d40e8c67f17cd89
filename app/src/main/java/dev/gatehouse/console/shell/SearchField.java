package dev.gatehouse.console.shell;

import atlantafx.base.controls.CustomTextField;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/** A list screen's search box: a search icon, a clear button while there is text, and Ctrl/Cmd+F to reach it. */
public final class SearchField {
    private SearchField() {}

    /** Adds the icon and the clear button (fx:id {@code clearId}); {@code afterClear} runs once the text is gone. */
    public static void decorate(CustomTextField field, String clearId, Runnable afterClear) {
        field.setLeft(new FontIcon("mdomz-search"));
        Button clear = new Button(null, new FontIcon("mdoal-clear"));
        clear.setId(clearId);
        clear.getStyleClass().addAll("button-icon", "flat", "search-clear");
        clear.setCursor(Cursor.DEFAULT);
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnAction(e -> {
            field.clear();
            afterClear.run();
        });
        field.setRight(clear);
    }

    /** Ctrl/Cmd+F anywhere in {@code root} focuses the field with its text selected. */
    public static void focusOnFind(Node root, CustomTextField field) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                field.requestFocus();
                field.selectAll();
                e.consume();
            }
        });
    }
}
