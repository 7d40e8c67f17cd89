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
 * the state a screen shows (loading, ready, empty, error). Pages come through a {@link Loader}, so an answer to an
 * older query is dropped and a slow page never lands in the list of a newer search. Answers are applied on {@code fx}.
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
    private final Predicate<Q> filtered;
    private final Wording<Q> wording;
    private final boolean everyPage;
    private final Loader<Page<T>> pages;

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper isFiltered = new ReadOnlyBooleanWrapper(this, "filtered");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private Q query;
    private String cursor;

    /** {@code filtered} says whether a query narrows the list (the count then says "match"). */
    public PagedList(Fetch<Q, T> fetch, int pageSize, Executor fx, Predicate<Q> filtered, Wording<Q> wording) {
        this(fetch, pageSize, fx, filtered, wording, false);
    }

    /**
     * {@code everyPage}: keep following the cursor until the last page (a list small enough to hold whole, such as
     * the catalog); a failure on any page then empties the list, so it is never silently partial.
     */
    public PagedList(Fetch<Q, T> fetch, int pageSize, Executor fx, Predicate<Q> filtered, Wording<Q> wording, boolean everyPage) {
        this.fetch = fetch;
        this.pageSize = pageSize;
        this.filtered = filtered;
        this.wording = wording;
        this.everyPage = everyPage;
        this.pages = new Loader<Page<T>>(fx).onLoaded(this::add).onFailed(this::fail);
        loading.bind(pages.loadingBinding());
    }

    /** Starts over with the first page of {@code query}; whatever was loading is dropped. */
    public void reload(Q query) {
        this.query = query;
        isFiltered.set(filtered.test(query));
        items.clear();
        cursor = null;
        more.set(false);
        message.set("");
        state.set(State.LOADING);
        countText.set("Loading " + wording.many() + "…");
        fetchPage();
    }

    /** The next page of the same query. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            fetchPage();
        }
    }

    /** Empties the list and drops what was loading, until the next {@link #reload}. */
    public void clear() {
        pages.cancel();
        items.clear();
        cursor = null;
        more.set(false);
        message.set("");
        countText.set("");
        state.set(State.LOADING);
    }

    /** Drops the answers still on their way (the screen is closing). */
    public void close() {
        pages.cancel();
    }

    private void fetchPage() {
        Q q = query;
        String after = cursor;
        pages.load(() -> fetch.page(q, after, pageSize));
    }

    private void add(Page<T> page) {
        items.addAll(page.data());
        cursor = page.nextCursor();
        more.set(cursor != null && !page.data().isEmpty());
        if (everyPage && more.get()) {
            countText.set("Loading " + wording.many() + "… " + NumberFormat.getIntegerInstance(Locale.US).format(items.size()) + " so far");
            more.set(false);
            fetchPage();
            return;
        }
        countText.set(count());
        if (items.isEmpty()) {
            message.set(wording.emptyMessage().apply(query));
            state.set(State.EMPTY);
        } else {
            state.set(State.READY);
        }
    }

    private void fail(PlatformException e) {
        if (everyPage) {
            items.clear();
        }
        if (items.isEmpty()) {
            countText.set("");
            message.set(e.getMessage());
            state.set(State.ERROR);
        } else {
            message.set("Couldn't load more: " + e.getMessage());
        }
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
