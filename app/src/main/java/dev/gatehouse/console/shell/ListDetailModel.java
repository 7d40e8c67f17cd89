package dev.gatehouse.console.shell;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every list-with-detail screen holds: the filters (read into one typed query {@code F}), the rows the platform
 * pages in for it ({@link PagedList}), the selected row and, when the screen fetches one, its detail {@code D}
 * ({@link Loader}). A row changed by an action is replaced in place, so the page and the selection stay; next and
 * previous move the selection for the keyboard.
 *
 * <p>Rows are matched by {@code identity} (an id), since a replaced row is a new record.
 */
public final class ListDetailModel<F, R, D> {
    private final PagedList<F, R> list;
    private final Supplier<F> filter;
    private final Function<R, ?> identity;
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>(this, "selected");
    private final Loader<D> detail;
    private final Executor fx;
    private Function<R, CompletableFuture<D>> fetchDetail;
    private List<R> order;
    private boolean clearSelectionOnReload = true;
    private boolean changingFilters;
    private F applied;

    public ListDetailModel(PagedList<F, R> list, Supplier<F> filter, Function<R, ?> identity, Executor fx) {
        this.list = list;
        this.filter = filter;
        this.identity = identity;
        this.detail = new Loader<>(fx);
        this.fx = fx;
        this.order = list.items();
        selected.addListener((o, before, now) -> {
            if (now == null || before == null || !sameRow(before, now)) {
                openDetail(now);
            }
        });
        list.items().addListener((ListChangeListener<R>) this::reselect);
    }

    /**
     * A selection kept through a reload (or a poll) takes the row's fresh version when it is among the new rows, so the
     * table marks it again and the header shows what changed. After the change: the table sees the new rows first.
     */
    private void reselect(ListChangeListener.Change<? extends R> change) {
        R shown = selected.get();
        if (shown == null) {
            return;
        }
        while (change.next()) {
            if (change.wasAdded()) {
                for (R row : change.getAddedSubList()) {
                    if (row != shown && sameRow(row, shown)) {
                        fx.execute(() -> {
                            R now = selected.get();
                            if (now != null && now != row && sameRow(now, row) && list.items().contains(row)) {
                                selected.set(row);
                            }
                        });
                        return;
                    }
                }
            }
        }
    }

    /** Fetches the selected row's detail with {@code fetch} each time another row is selected. */
    public ListDetailModel<F, R, D> detailFrom(Function<R, CompletableFuture<D>> fetch) {
        this.fetchDetail = fetch;
        return this;
    }

    /** A reload keeps the selected row (and its open detail) even when the new rows do not hold it. */
    public ListDetailModel<F, R, D> keepSelectionOnReload() {
        this.clearSelectionOnReload = false;
        return this;
    }

    /** Next and previous follow the rows as the table shows them (sorted by a column, say), not as they were loaded. */
    public void navigateIn(List<R> shown) {
        this.order = shown;
    }

    /** Reloads when one of {@code inputs} changes the query; a change that leaves it equal asks nothing. */
    public ListDetailModel<F, R, D> watch(Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(o -> {
                if (!changingFilters && !Objects.equals(filter.get(), applied)) {
                    reload();
                }
            });
        }
        return this;
    }

    /** Sets several filters at once (clear, or a preset) and reloads once. */
    public void changeFilters(Runnable changes) {
        changingFilters = true;
        try {
            changes.run();
        } finally {
            changingFilters = false;
        }
        reload();
    }

    /** The first page for the current filters; what was loading is dropped. */
    public void reload() {
        applied = filter.get();
        if (clearSelectionOnReload) {
            selected.set(null);
        }
        list.reload(applied);
    }

    public void loadMore() {
        list.loadMore();
    }

    /** Fetches the selected row's detail again (Retry, or after an action). */
    public void reloadDetail() {
        openDetail(selected.get());
    }

    private void openDetail(R row) {
        if (fetchDetail == null) {
            return;
        }
        if (row == null) {
            detail.clear();
        } else {
            detail.load(() -> fetchDetail.apply(row));
        }
    }

    /** A row changed (an action, an edit): it shows the new version in place; a selected row stays selected. */
    public void replace(R row) {
        ObservableList<R> rows = list.items();
        for (int i = 0; i < rows.size(); i++) {
            if (sameRow(rows.get(i), row)) {
                boolean wasSelected = selected.get() != null && sameRow(selected.get(), row);
                rows.set(i, row);
                if (wasSelected) {
                    selected.set(row);
                }
            }
        }
    }

    /** Selects the row after the selected one (the first when none is); false at the end of the loaded rows. */
    public boolean selectNext() {
        return move(1);
    }

    /** Selects the row before the selected one; false at the top. */
    public boolean selectPrevious() {
        return move(-1);
    }

    private boolean move(int step) {
        List<R> rows = order;
        if (rows.isEmpty()) {
            return false;
        }
        int at = indexOf(selected.get());
        int next = at < 0 ? (step > 0 ? 0 : rows.size() - 1) : at + step;
        if (next < 0 || next >= rows.size()) {
            return false;
        }
        selected.set(rows.get(next));
        return true;
    }

    private int indexOf(R row) {
        if (row == null) {
            return -1;
        }
        List<R> rows = order;
        for (int i = 0; i < rows.size(); i++) {
            if (sameRow(rows.get(i), row)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameRow(R a, R b) {
        return Objects.equals(identity.apply(a), identity.apply(b));
    }

    /** The screen is closing: answers on their way are dropped. */
    public void close() {
        list.close();
        detail.cancel();
    }

    public PagedList<F, R> list() { return list; }
    public ObservableList<R> rows() { return list.items(); }
    public ObjectProperty<R> selectedProperty() { return selected; }
    /** The selected row's detail; idle while nothing is selected or the screen fetches none. */
    public Loader<D> detail() { return detail; }
    /** The query the rows were loaded for. */
    public F applied() { return applied; }
}
