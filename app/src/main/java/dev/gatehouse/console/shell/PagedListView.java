package dev.gatehouse.console.shell;

import dev.gatehouse.console.shell.PagedList.State;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The parts around a paged table, bound to its {@link PagedList}: the placeholder (loading; an error with Retry; no
 * results with Clear filters when filtered) and the footer (the count or a load-more error, and Load more).
 * The placeholder button's action stays with the screen's controller.
 */
public record PagedListView(VBox placeholder, ProgressIndicator progress, FontIcon icon, Label title, Label message,
                            Button action, HBox footer, Label footerMessage, Button loadMore) {

    /** {@code many} names the rows in the placeholder titles ("Loading keys…", "No matching keys"). */
    public void bind(PagedList<?, ?> list, String many) {
        loadMore.visibleProperty().bind(list.moreProperty());
        loadMore.managedProperty().bind(list.moreProperty());
        loadMore.disableProperty().bind(list.loadingProperty());
        footerMessage.textProperty().bind(Bindings.when(list.stateProperty().isEqualTo(State.READY))
                .then(Bindings.when(list.messageProperty().isEmpty()).then(list.countTextProperty()).otherwise(list.messageProperty()))
                .otherwise(""));
        footer.visibleProperty().bind(list.stateProperty().isEqualTo(State.READY));
        footer.managedProperty().bind(footer.visibleProperty());

        progress.visibleProperty().bind(list.stateProperty().isEqualTo(State.LOADING));
        progress.managedProperty().bind(progress.visibleProperty());
        icon.visibleProperty().bind(list.stateProperty().isNotEqualTo(State.LOADING));
        icon.managedProperty().bind(icon.visibleProperty());
        message.textProperty().bind(list.messageProperty());
        list.stateProperty().addListener((o, a, s) -> show(s, list.filteredProperty().get(), many));
        show(list.stateProperty().get(), list.filteredProperty().get(), many);
    }

    private void show(State s, boolean filtered, String many) {
        placeholder.getStyleClass().removeAll("placeholder-error");
        switch (s) {
            case LOADING -> {
                title.setText("Loading " + many + "…");
                action.setVisible(false);
            }
            case ERROR -> {
                placeholder.getStyleClass().add("placeholder-error");
                icon.setIconLiteral("mdoal-error_outline");
                title.setText("Couldn't load " + many);
                action.setText("Retry");
                action.setGraphic(new FontIcon("mdomz-refresh"));
                action.setVisible(true);
            }
            case EMPTY -> {
                icon.setIconLiteral("mdoal-filter_alt");
                title.setText(filtered ? "No matching " + many : "No " + many);
                action.setText("Clear filters");
                action.setGraphic(new FontIcon("mdoal-clear"));
                action.setVisible(filtered);
            }
            case READY -> action.setVisible(false);
        }
        action.setManaged(action.isVisible());
    }
}
