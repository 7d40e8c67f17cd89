package dev.gatehouse.console.shell;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The table of a list-with-detail screen, bound to its {@link ListDetailModel}: the rows, the selection both ways,
 * and Alt+↓ / Alt+↑ anywhere on the screen for the next or previous row (from the search box or the detail pane,
 * without reaching for the mouse), scrolling just enough to show it. The placeholder and footer around it are
 * {@link PagedListView}'s.
 */
public final class ListDetailTable {
    private ListDetailTable() {}

    public static <R> void bind(TableView<R> table, ListDetailModel<?, R, ?> model, Node screen) {
        bind(table, model.rows(), model, screen);
    }

    /** {@code shown} is the rows as the table shows them, e.g. a SortedList over {@link ListDetailModel#rows()}. */
    public static <R> void bind(TableView<R> table, ObservableList<R> shown, ListDetailModel<?, R, ?> model, Node screen) {
        table.setItems(shown);
        model.navigateIn(shown);
        TableSelection.bind(table, model.selectedProperty());
        screen.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Alt+↓ on a drop-down opens it: leave that to the drop-down.
            if (e.isAltDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) && !(e.getTarget() instanceof ComboBoxBase)) {
                boolean moved = e.getCode() == KeyCode.DOWN ? model.selectNext() : model.selectPrevious();
                if (moved) {
                    reveal(table, table.getSelectionModel().getSelectedIndex());
                }
                e.consume();
            }
        });
    }

    /** Scrolls the least that shows row {@code index} whole. */
    private static void reveal(TableView<?> table, int index) {
        if (index < 0) {
            return;
        }
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
    }
}
