package dev.gatehouse.console.shell;

import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list the gateway serves a page at a time (keyset cursors): what is loaded so far, whether there is more, and
 * the state a screen shows (loading, ready, empty, error). Answers to an older query are dropped, so a slow page
 * never lands in the list of a newer search. Answers are applied on {@code fx}.
 */
public final class PagedList<Q, T> {
    public enum State { LOADING, READY, EMPTY, ERROR }

    /** One page of the query's results after {@code cursor} (null: the first page). */
    @FunctionalInterface
    public interface Fetch<Q, T> {
        CompletableFuture<Page<T>> page(Q query, String cursor, int limit);
    }

    /** What the list is called in its count ("1 key", "3 keys") and what an empty result says for a query. */
    public record Wording<Q>(String one, String many, Function<Q, String> emptyMessage) {}

    private final Fetch<Q, T> fetch;
    private final int pageSize;
    private final Executor fx;
    private final Predicate<Q> filtered;
    private final Wording<Q> wording;

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper isFiltered = new ReadOnlyBooleanWrapper(this, "filtered");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private Q query;
    private String cursor;
    private long generation;

    /** {@code filtered} says whether a query narrows the list (the count then says "match"). */
    public PagedList(Fetch<Q, T> fetch, int pageSize, Executor fx, Predicate<Q> filtered, Wording<Q> wording) {
        this.fetch = fetch;
        this.pageSize = pageSize;
        this.fx = fx;
        this.filtered = filtered;
        this.wording = wording;
    }

    /** Starts over with the first page of {@code query}; whatever was loading is dropped. */
    public void reload(Q query) {
        long gen = ++generation;
        this.query = query;
        isFiltered.set(filtered.test(query));
        items.clear();
        cursor = null;
        more.set(false);
        message.set("");
        state.set(State.LOADING);
        countText.set("Loading " + wording.many() + "…");
        fetchPage(gen);
    }

    /** The next page of the same query. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            fetchPage(generation);
        }
    }

    /** Drops the answers still on their way (the screen is closing). */
    public void close() {
        generation++;
    }

    private void fetchPage(long gen) {
        Q q = query;
        loading.set(true);
        fetch.page(q, cursor, pageSize).whenComplete((page, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                PlatformException e = PlatformException.of(failure);
                if (items.isEmpty()) {
                    countText.set("");
                    message.set(e.getMessage());
                    state.set(State.ERROR);
                } else {
                    message.set("Couldn't load more: " + e.getMessage());
                }
                return;
            }
            items.addAll(page.data());
            cursor = page.nextCursor();
            more.set(cursor != null && !page.data().isEmpty());
            countText.set(count());
            if (items.isEmpty()) {
                message.set(wording.emptyMessage().apply(q));
                state.set(State.EMPTY);
            } else {
                state.set(State.READY);
            }
        }));
    }

    private String count() {
        String n = NumberFormat.getIntegerInstance(Locale.US).format(items.size());
        String noun = " " + (items.size() == 1 ? wording.one() : wording.many());
        return more.get() ? "First " + n + noun + (isFiltered.get() ? " matching" : "") + " · more available"
                : n + noun + (isFiltered.get() ? " match" : "");
    }

    public ObservableList<T> items() { return items; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty filteredProperty() { return isFiltered.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
