package dev.gatehouse.console.shell;

import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.PagedList.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PagedListTest {
    /** One asked-for page: its arguments and the answer still to give. */
    record Call(String query, String cursor, int limit, CompletableFuture<Page<String>> answer) {}

    final List<Call> calls = new ArrayList<>();
    final PagedList<String, String> list = new PagedList<>((q, cursor, limit) -> {
        Call c = new Call(q, cursor, limit, new CompletableFuture<>());
        calls.add(c);
        return c.answer();
    }, 2, Runnable::run, q -> !q.isEmpty(), new PagedList.Wording<>("item", "items", q -> q.isEmpty() ? "Nothing yet." : "Nothing matches " + q + "."));

    Call last() {
        return calls.get(calls.size() - 1);
    }

    @Test
    void pagesFollowTheCursorUntilItIsNull() {
        list.reload("");
        assertThat(list.stateProperty().get()).isEqualTo(State.LOADING);
        assertThat(list.countTextProperty().get()).isEqualTo("Loading items…");
        assertThat(list.loadingProperty().get()).isTrue();
        assertThat(last()).extracting(Call::query, Call::cursor, Call::limit).containsExactly("", null, 2);
        last().answer().complete(new Page<>(List.of("a", "b"), "c1"));
        assertThat(list.loadingProperty().get()).isFalse();
        assertThat(list.stateProperty().get()).isEqualTo(State.READY);
        assertThat(list.moreProperty().get()).isTrue();
        assertThat(list.countTextProperty().get()).isEqualTo("First 2 items · more available");

        list.loadMore();
        list.loadMore();
        assertThat(calls).as("a second request while one page is loading asks nothing").hasSize(2);
        assertThat(last().cursor()).isEqualTo("c1");
        last().answer().complete(new Page<>(List.of("c"), null));
        assertThat(list.items()).containsExactly("a", "b", "c");
        assertThat(list.moreProperty().get()).isFalse();
        assertThat(list.countTextProperty().get()).isEqualTo("3 items");

        list.loadMore();
        assertThat(calls).as("no more pages after a null cursor").hasSize(2);
    }

    @Test
    void aFilteredCountSaysMatch() {
        list.reload("x");
        last().answer().complete(new Page<>(List.of("a"), "c1"));
        assertThat(list.filteredProperty().get()).isTrue();
        assertThat(list.countTextProperty().get()).isEqualTo("First 1 item matching · more available");
        list.loadMore();
        last().answer().complete(new Page<>(List.of(), "c2"));
        assertThat(list.moreProperty().get()).as("an empty page ends the paging even with a cursor").isFalse();
        assertThat(list.countTextProperty().get()).isEqualTo("1 item match");
    }

    @Test
    void anAnswerToAnOlderQueryIsDropped() {
        list.reload("");
        Call old = last();
        list.reload("x");
        old.answer().complete(new Page<>(List.of("stale"), "c1"));
        assertThat(list.items()).isEmpty();
        assertThat(list.stateProperty().get()).isEqualTo(State.LOADING);
        assertThat(list.loadingProperty().get()).isTrue();
        last().answer().complete(new Page<>(List.of("fresh"), null));
        assertThat(list.items()).containsExactly("fresh");
    }

    @Test
    void anAnswerAfterCloseIsDropped() {
        list.reload("");
        list.close();
        last().answer().complete(new Page<>(List.of("late"), null));
        assertThat(list.items()).isEmpty();
    }

    @Test
    void aFirstPageErrorIsTheListsStateALaterOneKeepsTheRows() {
        list.reload("");
        last().answer().completeExceptionally(new PlatformException("The gateway is down.", 503, true));
        assertThat(list.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(list.messageProperty().get()).isEqualTo("The gateway is down.");
        assertThat(list.countTextProperty().get()).isEmpty();
        assertThat(list.loadingProperty().get()).isFalse();

        list.reload("");
        assertThat(list.messageProperty().get()).as("a reload clears the old error").isEmpty();
        last().answer().complete(new Page<>(List.of("a", "b"), "c1"));
        list.loadMore();
        last().answer().completeExceptionally(new PlatformException("The gateway is down.", 503, true));
        assertThat(list.stateProperty().get()).isEqualTo(State.READY);
        assertThat(list.items()).containsExactly("a", "b");
        assertThat(list.messageProperty().get()).isEqualTo("Couldn't load more: The gateway is down.");
        assertThat(list.countTextProperty().get()).isEqualTo("First 2 items · more available");
        assertThat(list.moreProperty().get()).as("the failed page can be asked for again").isTrue();
        list.loadMore();
        assertThat(last().cursor()).isEqualTo("c1");
    }

    @Test
    void anEmptyResultSaysWhyForTheQuery() {
        list.reload("");
        last().answer().complete(new Page<>(List.of(), null));
        assertThat(list.stateProperty().get()).isEqualTo(State.EMPTY);
        assertThat(list.messageProperty().get()).isEqualTo("Nothing yet.");
        assertThat(list.countTextProperty().get()).isEqualTo("0 items");
        list.reload("zz");
        last().answer().complete(new Page<>(List.of(), null));
        assertThat(list.stateProperty().get()).isEqualTo(State.EMPTY);
        assertThat(list.messageProperty().get()).isEqualTo("Nothing matches zz.");
    }
}
