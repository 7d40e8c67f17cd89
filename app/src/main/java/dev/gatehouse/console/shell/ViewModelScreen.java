package dev.gatehouse.console.shell;

import javafx.scene.Node;

import java.util.Objects;

/**
 * A screen as the areas build it: the loaded view, the controller that takes focus when it is shown, and the view
 * model behind both (what the area's tests and deep links reach). An area adds how it opens and, where it has one, what
 * {@link #show} means for it.
 */
public abstract class ViewModelScreen<VM> implements Screen {
    private final Node view;
    private final VM vm;
    private final Runnable focus;
    private final Runnable close;

    /** {@code close}: stops what the view model started (a poll, answers on their way); nothing for a screen that starts nothing. */
    protected ViewModelScreen(Node view, VM vm, Runnable focus, Runnable close) {
        this.view = Objects.requireNonNull(view);
        this.vm = Objects.requireNonNull(vm);
        this.focus = Objects.requireNonNull(focus);
        this.close = Objects.requireNonNull(close);
    }

    public final VM viewModel() {
        return vm;
    }

    @Override
    public final Node view() {
        return view;
    }

    @Override
    public final void focus() {
        focus.run();
    }

    @Override
    public void close() {
        close.run();
    }
}
