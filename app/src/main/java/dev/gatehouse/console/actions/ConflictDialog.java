package dev.gatehouse.console.actions;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The 412 dialog of the editors (prices, volume discounts, limits): another operator saved first, so nothing was saved.
 * It lists what they changed (the view model's {@code conflicts}) and offers to keep what this operator typed over their
 * version (to check and save again) or to drop it and take theirs. Escape keeps what was typed: nothing is lost by a
 * key press. It opens whenever the list fills and closes when the view model clears it.
 */
public final class ConflictDialog {
    private ConflictDialog() {}

    /** Opens the dialog over {@code layer} whenever {@code conflicts} fills; {@code subject} names what was edited. */
    public static void bind(ModalLayer layer, ObservableList<String> conflicts, String subject, Runnable keepMine, Runnable takeTheirs) {
        boolean[] open = {false};
        conflicts.addListener((ListChangeListener<String>) c -> {
            if (!conflicts.isEmpty() && !open[0]) {
                open[0] = true;
                layer.show(view(conflicts, subject, keepMine, takeTheirs), Pos.CENTER, () -> {
                    open[0] = false;
                    if (!conflicts.isEmpty()) {
                        keepMine.run(); // closed with Escape
                    }
                });
            } else if (conflicts.isEmpty() && open[0]) {
                layer.close();
            }
        });
    }

    private static Region view(ObservableList<String> conflicts, String subject, Runnable keepMine, Runnable takeTheirs) {
        FontIcon icon = new FontIcon("mdoal-group");
        icon.getStyleClass().add("conflict-icon");
        Label title = new Label("Another operator changed " + subject + " while you were editing");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label nothing = new Label("Nothing of yours was saved. What they changed:");
        nothing.getStyleClass().add("text-muted");
        VBox lines = new VBox(4);
        lines.getStyleClass().add("conflict-lines");
        for (String line : conflicts) {
            Label l = new Label("• " + line);
            l.setWrapText(true);
            lines.getChildren().add(l);
        }
        Button theirs = new Button("Discard mine, use theirs");
        theirs.setId("conflictTakeTheirs");
        theirs.setOnAction(e -> takeTheirs.run());
        Button mine = new Button("Keep my values and check again");
        mine.setId("conflictKeepMine");
        mine.getStyleClass().add("accent");
        mine.setDefaultButton(true);
        mine.setOnAction(e -> keepMine.run());
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, theirs, mine);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label hint = new Label("Keeping yours puts your values over their version: preview and save again. Esc keeps yours too.");
        hint.getStyleClass().addAll("text-muted", "text-small");
        hint.setWrapText(true);
        VBox box = new VBox(12, new HBox(10, icon, title), nothing, lines, hint, buttons);
        box.setId("conflictDialog");
        box.getStyleClass().addAll("action-dialog", "conflict-dialog");
        box.setPrefWidth(560);
        return box;
    }
}
