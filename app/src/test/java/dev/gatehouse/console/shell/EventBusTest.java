package dev.gatehouse.console.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBusTest {
    record Suspended(String id) {}
    record Renamed(String id) {}

    /** Holds delivery until the test runs it, as Platform.runLater would. */
    final List<Runnable> fxQueue = new ArrayList<>();
    final EventBus bus = new EventBus(fxQueue::add);

    void runFx() {
        List<Runnable> now = List.copyOf(fxQueue);
        fxQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void deliversByTypeOnTheFxExecutorInSubscriptionOrder() {
        List<String> heard = new ArrayList<>();
        bus.subscribe(Suspended.class, e -> heard.add("first " + e.id()));
        bus.subscribe(Renamed.class, e -> heard.add("renamed " + e.id()));
        bus.subscribe(Record.class, e -> heard.add("any record"));
        bus.subscribe(Suspended.class, e -> heard.add("second " + e.id()));

        bus.publish(new Suspended("key_1"));
        assertThat(heard).as("nothing runs on the publishing thread").isEmpty();
        runFx();
        assertThat(heard).containsExactly("first key_1", "any record", "second key_1");
    }

    @Test
    void aClosedSubscriptionHearsNothingMoreEvenWhatWasAlreadyQueued() {
        List<String> heard = new ArrayList<>();
        EventBus.Subscription s = bus.subscribe(Suspended.class, e -> heard.add(e.id()));
        EventBus.Subscription other = bus.subscribe(Renamed.class, e -> heard.add(e.id()));
        assertThat(bus.subscriberCount()).isEqualTo(2);
        bus.publish(new Suspended("queued"));
        EventBus.Subscription.of(s, other).close();
        runFx();
        bus.publish(new Suspended("later"));
        runFx();
        assertThat(heard).isEmpty();
        assertThat(bus.subscriberCount()).as("a closed screen is not held by the bus").isZero();
    }

    @Test
    void oneFailingHandlerDoesNotSilenceTheOthersAndItsFailureSurfaces() {
        List<String> heard = new ArrayList<>();
        bus.subscribe(Suspended.class, e -> { throw new IllegalStateException("bug in a screen"); });
        bus.subscribe(Suspended.class, e -> heard.add(e.id()));
        bus.publish(new Suspended("key_1"));
        assertThatThrownBy(this::runFx).isInstanceOf(IllegalStateException.class).hasMessage("bug in a screen");
        assertThat(heard).containsExactly("key_1");
    }
}
