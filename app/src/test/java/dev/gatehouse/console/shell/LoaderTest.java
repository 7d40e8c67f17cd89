package dev.gatehouse.console.shell;

import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LoaderTest {
    /** The FX thread stand-in: work queues here until the test runs it. */
    final List<Runnable> fxQueue = new ArrayList<>();
    final Loader<String> loader = new Loader<>(fxQueue::add);
    final List<String> loaded = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    {
        loader.onLoaded(loaded::add).onFailed(e -> failed.add(e.getMessage()));
    }

    void runFx() {
        while (!fxQueue.isEmpty()) {
            fxQueue.remove(0).run();
        }
    }

    @Test
    void anAnswerIsAppliedOnTheFxThreadOnly() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        loader.load(() -> answer);
        assertThat(loader.state()).isEqualTo(State.LOADING);
        assertThat(loader.loadingBinding().get()).isTrue();
        answer.complete("acct_1");
        assertThat(loader.value()).as("nothing changes off the FX thread").isNull();
        assertThat(loader.state()).isEqualTo(State.LOADING);
        runFx();
        assertThat(loader.value()).isEqualTo("acct_1");
        assertThat(loader.state()).isEqualTo(State.LOADED);
        assertThat(loaded).containsExactly("acct_1");
        assertThat(loader.loadingBinding().get()).isFalse();
    }

    @Test
    void theLatestRequestWinsAndTheOlderIsCancelled() {
        CompletableFuture<String> older = new CompletableFuture<>();
        CompletableFuture<String> newer = new CompletableFuture<>();
        loader.load(() -> older);
        loader.load(() -> newer);
        assertThat(older).as("the superseded request is cancelled").isCancelled();
        newer.complete("new");
        older.obtrudeValue("old");
        runFx();
        assertThat(loader.value()).isEqualTo("new");
        assertThat(loaded).containsExactly("new");

        // An answer that arrives after a newer load started, in the other order, is dropped too.
        CompletableFuture<String> first = new CompletableFuture<>();
        loader.load(() -> first);
        first.complete("first");
        loader.load(CompletableFuture::new);
        runFx();
        assertThat(loaded).containsExactly("new");
        assertThat(loader.state()).isEqualTo(State.LOADING);
        assertThat(loader.value()).as("the last value stays up while the next loads").isEqualTo("new");
    }

    @Test
    void aFailureIsASentenceAndRetryRunsTheSameCallAgain() {
        List<CompletableFuture<String>> calls = new ArrayList<>();
        loader.load(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            calls.add(f);
            return f;
        });
        calls.get(0).completeExceptionally(new PlatformException("Can't reach http://x: connection refused. Is the gateway running?", 0, true));
        runFx();
        assertThat(loader.state()).isEqualTo(State.FAILED);
        assertThat(loader.messageProperty().get()).startsWith("Can't reach http://x");
        assertThat(loader.failureProperty().get().unreachable()).isTrue();
        assertThat(failed).hasSize(1);

        loader.retry();
        assertThat(calls).hasSize(2);
        assertThat(loader.messageProperty().get()).as("a new load clears the old error").isEmpty();
        assertThat(loader.failureProperty().get()).isNull();
        calls.get(1).complete("ok");
        runFx();
        assertThat(loader.state()).isEqualTo(State.LOADED);
        assertThat(loader.value()).isEqualTo("ok");
    }

    @Test
    void aConsoleBugStillReadsAsASentenceNotAStackTrace() {
        loader.load(() -> {
            throw new IllegalStateException("boom");
        });
        runFx();
        assertThat(loader.state()).isEqualTo(State.FAILED);
        assertThat(loader.messageProperty().get()).startsWith("Something went wrong in the console").doesNotContain("at dev.");
    }

    @Test
    void cancelAndClearDropTheAnswerOnItsWay() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        loader.load(() -> CompletableFuture.completedFuture("kept"));
        runFx();
        loader.load(() -> answer);
        loader.cancel();
        answer.obtrudeValue("late");
        runFx();
        assertThat(loader.state()).isEqualTo(State.IDLE);
        assertThat(loader.value()).isEqualTo("kept");

        loader.load(CompletableFuture::new);
        loader.clear();
        runFx();
        assertThat(loader.value()).isNull();
        assertThat(loader.state()).isEqualTo(State.IDLE);
        loader.retry();
        assertThat(loader.state()).as("clear forgets the call too").isEqualTo(State.IDLE);
        assertThat(loaded).containsExactly("kept");
    }
}
