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
 * A list loaded whole (the catalog) has no footer: pass null for its three parts.
 */
public record PagedListView(VBox placeholder, ProgressIndicator progress, FontIcon icon, Label title, Label message,
                            Button action, HBox footer, Label footerMessage, Button loadMore) {

    /** The placeholder's titles for each state. */
    public record Titles(String loading, String failed, String none, String noneMatching) {
        /** "Loading keys…", "Couldn't load keys", "No keys", "No matching keys". */
        public static Titles of(String many) {
            return new Titles("Loading " + many + "…", "Couldn't load " + many, "No " + many, "No matching " + many);
        }
    }

    /** {@code many} names the rows in the placeholder titles; the placeholder's button retries or clears the filters. */
    public void bind(PagedList<?, ?> list, String many, Runnable retry, Runnable clearFilters) {
        bind(list, Titles.of(many), retry, clearFilters);
    }

    public void bind(PagedList<?, ?> list, Titles titles, Runnable retry, Runnable clearFilters) {
        if (footer != null) {
            loadMore.visibleProperty().bind(list.moreProperty());
            loadMore.managedProperty().bind(list.moreProperty());
            loadMore.disableProperty().bind(list.loadingProperty());
            loadMore.setOnAction(e -> list.loadMore());
            footerMessage.textProperty().bind(Bindings.when(list.stateProperty().isEqualTo(State.READY))
                    .then(Bindings.when(list.messageProperty().isEmpty()).then(list.countTextProperty()).otherwise(list.messageProperty()))
                    .otherwise(""));
            footer.visibleProperty().bind(list.stateProperty().isEqualTo(State.READY));
            footer.managedProperty().bind(footer.visibleProperty());
        }

        progress.visibleProperty().bind(list.stateProperty().isEqualTo(State.LOADING));
        progress.managedProperty().bind(progress.visibleProperty());
        icon.visibleProperty().bind(list.stateProperty().isNotEqualTo(State.LOADING));
        icon.managedProperty().bind(icon.visibleProperty());
        message.textProperty().bind(list.messageProperty());
        message.visibleProperty().bind(list.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        action.setOnAction(e -> {
            if (list.stateProperty().get() == State.ERROR) {
                retry.run();
            } else {
                clearFilters.run();
            }
        });
        list.stateProperty().addListener((o, a, s) -> show(s, list.filteredProperty().get(), titles));
        show(list.stateProperty().get(), list.filteredProperty().get(), titles);
    }

    private void show(State s, boolean filtered, Titles titles) {
        placeholder.getStyleClass().removeAll("placeholder-error");
        switch (s) {
            case LOADING -> {
                title.setText(titles.loading());
                action.setVisible(false);
            }
            case ERROR -> {
                placeholder.getStyleClass().add("placeholder-error");
                icon.setIconLiteral("mdoal-error_outline");
                title.setText(titles.failed());
                action.setText("Retry");
                action.setGraphic(new FontIcon("mdomz-refresh"));
                action.setVisible(true);
            }
            case EMPTY -> {
                icon.setIconLiteral("mdoal-filter_alt");
                title.setText(filtered ? titles.noneMatching() : titles.none());
                action.setText("Clear filters");
                action.setGraphic(new FontIcon("mdoal-clear"));
                action.setVisible(filtered);
            }
            case READY -> action.setVisible(false);
        }
        action.setManaged(action.isVisible());
    }
}
