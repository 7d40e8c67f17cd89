package dev.gatehouse.console.shell;

import dev.gatehouse.console.client.PlatformException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One value fetched from the platform where only the latest request counts: a new {@link #load} drops (and
 * cancels) the one before it, so a slow answer never overwrites a newer one. Answers are applied on {@code fx};
 * a failure becomes a sentence ({@link PlatformException#of}). The last value stays until the next one arrives,
 * so a refresh does not flash.
 */
public final class Loader<T> {
    public enum State { IDLE, LOADING, LOADED, FAILED }

    private final Executor fx;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<PlatformException> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final BooleanBinding loading = state.isEqualTo(State.LOADING);

    private Consumer<? super T> onLoaded = v -> {};
    private Consumer<PlatformException> onFailed = e -> {};
    private Supplier<? extends CompletableFuture<? extends T>> last;
    private CompletableFuture<? extends T> inFlight;
    private long generation;

    public Loader(Executor fx) {
        this.fx = Objects.requireNonNull(fx);
    }

    /** Runs on the FX thread with each answer that counts, after {@link #valueProperty} is set and before the state says LOADED. */
    public Loader<T> onLoaded(Consumer<? super T> then) {
        this.onLoaded = Objects.requireNonNull(then);
        return this;
    }

    /** Runs on the FX thread with each failure that counts, before the state says FAILED. */
    public Loader<T> onFailed(Consumer<PlatformException> then) {
        this.onFailed = Objects.requireNonNull(then);
        return this;
    }

    /** Starts {@code call}; whatever was loading before is dropped. */
    public void load(Supplier<? extends CompletableFuture<? extends T>> call) {
        long gen = drop();
        last = call;
        message.set("");
        failure.set(null);
        state.set(State.LOADING);
        CompletableFuture<? extends T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        inFlight = future;
        future.whenComplete((v, error) -> fx.execute(() -> {
            if (gen == generation) {
                inFlight = null;
                settle(v, error);
            }
        }));
    }

    private void settle(T v, Throwable error) {
        long gen = generation;
        if (error != null) {
            PlatformException e = PlatformException.of(error);
            failure.set(e);
            message.set(e.getMessage());
            onFailed.accept(e);
            if (gen == generation) {
                state.set(State.FAILED);
            }
        } else {
            value.set(v);
            onLoaded.accept(v);
            if (gen == generation) { // the callback may have started the next load (the next page, say)
                state.set(State.LOADED);
            }
        }
    }

    /** Runs the last call again (after an error, or to see others' changes); nothing happens before a first load. */
    public void retry() {
        if (last != null) {
            load(last);
        }
    }

    /** Drops the answer on its way, if any; the value stays. */
    public void cancel() {
        drop();
        if (state.get() == State.LOADING) {
            state.set(State.IDLE);
        }
    }

    /** Drops the answer on its way and forgets the value: nothing is shown. */
    public void clear() {
        drop();
        last = null;
        value.set(null);
        message.set("");
        failure.set(null);
        state.set(State.IDLE);
    }

    private long drop() {
        long gen = ++generation;
        CompletableFuture<? extends T> f = inFlight;
        inFlight = null;
        if (f != null) {
            f.cancel(false); // its late answer is ignored anyway; cancelling stops work chained on it
        }
        return gen;
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<T> valueProperty() { return value.getReadOnlyProperty(); }
    /** Why the last load failed, in words; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The last failure, for callers that decide by its kind; null unless FAILED. */
    public ReadOnlyObjectProperty<PlatformException> failureProperty() { return failure.getReadOnlyProperty(); }
    public BooleanBinding loadingBinding() { return loading; }
    public State state() { return state.get(); }
    public T value() { return value.get(); }
    public boolean isLoading() { return state.get() == State.LOADING; }
}
