package dev.gatehouse.console.shell;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Changes that cross screens: a key suspended on the Keys screen updates the account view that shows it. Events are
 * records named for what happened ({@code KeyChanged}, {@code AccountChanged}), owned by the feature they describe,
 * whether a screen of this console made the change or, later, the platform's live event stream reports another
 * operator's. Anyone may publish from any thread; handlers always run on the FX thread, in subscription order.
 * A screen closes its subscriptions when it closes, so a closed screen is not kept alive (or updated) by the bus.
 */
public final class EventBus {
    /** One handler's registration; closing it stops delivery (also of events already published but not yet delivered). */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();

        /** One subscription that closes all of {@code parts}. */
        static Subscription of(Subscription... parts) {
            List<Subscription> all = List.of(parts);
            return () -> all.forEach(Subscription::close);
        }

        Subscription NONE = () -> {};
    }

    private final Executor fx;
    private final List<Handler<?>> handlers = new CopyOnWriteArrayList<>();

    /** @param fx runs delivery on the FX thread ({@code Platform::runLater}; tests pass {@code Runnable::run}) */
    public EventBus(Executor fx) {
        this.fx = fx;
    }

    public <E> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        Handler<E> h = new Handler<>(Objects.requireNonNull(type), Objects.requireNonNull(handler));
        handlers.add(h);
        return () -> {
            h.open = false;
            handlers.remove(h);
        };
    }

    /**
     * Delivers {@code event} to every handler subscribed to its class or a supertype. A failing handler does not keep
     * the others from hearing of it; its failure (others suppressed in it) then goes to the FX thread's uncaught-exception
     * handler, which logs it and tells the operator.
     */
    public void publish(Object event) {
        Objects.requireNonNull(event);
        List<Handler<?>> now = List.copyOf(handlers);
        fx.execute(() -> {
            RuntimeException first = null;
            for (Handler<?> h : now) {
                try {
                    h.offer(event);
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        });
    }

    /** How many handlers are subscribed: for tests that check a closed screen let go. */
    public int subscriberCount() {
        return handlers.size();
    }

    private static final class Handler<E> {
        final Class<E> type;
        final Consumer<? super E> consumer;
        volatile boolean open = true;

        Handler(Class<E> type, Consumer<? super E> consumer) {
            this.type = type;
            this.consumer = consumer;
        }

        void offer(Object event) {
            if (open && type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }
}
