package dev.gatehouse.console.accounts;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** Table cells the account and key views share: text from a row, status pills, and tables sized to their rows. */
public final class AccountCells {
    private AccountCells() {}

    /** The column shows {@code text} of the whole row (so one column can combine fields). */
    public static <S> void text(TableColumn<S, S> column, Function<S, String> text) {
        text(column, text, s -> null);
    }

    /** As {@link #text(TableColumn, Function)}, with a tooltip carrying what the cell has no room for. */
    public static <S> void text(TableColumn<S, S> column, Function<S, String> text, Function<S, String> tooltip) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                String s = empty || row == null ? null : text.apply(row);
                setText(s);
                String tip = empty || row == null ? null : tooltip.apply(row);
                setTooltip(tip != null ? new Tooltip(tip) : s != null && s.length() > 24 ? new Tooltip(s) : null);
            }
        });
    }

    /** The column shows a status as a coloured pill ("pill-suspended"). */
    public static <S> void pill(TableColumn<S, S> column, Function<S, String> status) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            private final Label pill = new Label();

            {
                pill.getStyleClass().add("pill");
            }

            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    style(pill, status.apply(row));
                    setGraphic(pill);
                }
            }
        });
    }

    public static void style(Label pill, String status) {
        pill.getStyleClass().removeIf(c -> c.startsWith("pill-"));
        pill.getStyleClass().add("pill-" + status);
        pill.setText(AccountLabels.status(status));
    }

    /** Tall enough for its rows up to {@code maxRows}, then it scrolls; never an empty gap below the last row. */
    public static void fitRows(TableView<?> table, ObservableList<?> rows, int maxRows) {
        double cell = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 28;
        var height = Bindings.createDoubleBinding(() -> Math.max(2, Math.min(rows.size(), maxRows)) * cell + 40, rows);
        table.prefHeightProperty().bind(height);
        table.minHeightProperty().bind(height);
        table.maxHeightProperty().bind(height);
    }
}
