package dev.gatehouse.console;

import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** How the UI tests wait for the console: generously (CI runs on two loaded cores), after the FX events queued so far. */
public final class FxWait {
    public static final int TIMEOUT_SECONDS = 30;

    private FxWait() {}

    /**
     * Waits until {@code condition} holds. A condition that reads the scene from the test thread can catch it mid-change
     * (a table being refilled, a node being replaced) and throw: that counts as "not yet", and the last such failure is
     * the cause of the timeout.
     */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        AtomicReference<RuntimeException> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                try {
                    return condition.getAsBoolean();
                } catch (RuntimeException e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            if (last.get() != null) {
                e.initCause(last.get());
            }
            throw e;
        }
    }

    /** The table's rows as the FX thread sees them, copied there (a page may be arriving). */
    public static <T> List<T> rows(TableView<T> table) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(table.getItems())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }
}
