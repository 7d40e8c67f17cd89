package dev.gatehouse.console.shell;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TableView;

/**
 * Keeps a table's selection and a view model's selected item in step both ways. A row that drops out of the
 * table (a reload) leaves the view model's selection alone, so an open detail pane stays open.
 */
public final class TableSelection {
    private TableSelection() {}

    public static <T> void bind(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                selected.set(item);
            }
        });
        selected.addListener((o, a, item) -> {
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        });
    }
}
