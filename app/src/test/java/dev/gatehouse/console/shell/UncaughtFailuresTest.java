package dev.gatehouse.console.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler's decisions without a window: what it says, and that one dialog at a time is shown. */
class UncaughtFailuresTest {
    final Path log = Path.of("/home/lena/.gatehouse/logs/console.log");
    final List<String> shown = new ArrayList<>();
    final List<String> updates = new ArrayList<>();
    final List<Runnable> closers = new ArrayList<>();
    final UncaughtFailures.Dialog dialog = new UncaughtFailures.Dialog() {
        @Override public void show(String message, Runnable closed) {
            shown.add(message);
            closers.add(closed);
        }

        @Override public void update(String message) {
            updates.add(message);
        }
    };
    final UncaughtFailures failures = new UncaughtFailures(log, Runnable::run, dialog);

    @Test
    void theOperatorReadsASentenceAndTheLogsPathNeverAStackTrace() {
        failures.uncaughtException(Thread.currentThread(), new IllegalStateException("row 12 has no account\n\tat dev.gatehouse.X.y(X.java:1)"));
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).startsWith("Something went wrong in the console (IllegalStateException: row 12 has no account).")
                .contains("The details are in the log: " + log)
                .doesNotContain("\tat ").doesNotContain("X.java");
    }

    @Test
    void oneDialogAtATimeFurtherFailuresAreCountedInIt() {
        for (int i = 0; i < 50; i++) {
            failures.uncaughtException(Thread.currentThread(), new NullPointerException());
        }
        assertThat(shown).as("a failing render loop opens one dialog").hasSize(1);
        assertThat(updates).hasSize(49);
        assertThat(updates.get(48)).contains("49 more failures since");

        closers.get(0).run();
        failures.uncaughtException(Thread.currentThread(), new IllegalArgumentException("next"));
        assertThat(shown).as("once closed, the next failure is told").hasSize(2);
        assertThat(shown.get(1)).contains("IllegalArgumentException: next").doesNotContain("more failure");
    }

    @Test
    void wrappersAreSeenThroughAndLongMessagesCut() {
        assertThat(UncaughtFailures.what(new CompletionException(new ArithmeticException("/ by zero")))).isEqualTo("ArithmeticException: / by zero");
        assertThat(UncaughtFailures.what(new RuntimeException("x".repeat(500)))).hasSize(UncaughtFailures.MOST_CHARS).endsWith("…");
    }

    @Test
    void withoutALogFileItSaysWhereTheDetailsWent() {
        new UncaughtFailures(null, Runnable::run, dialog).uncaughtException(Thread.currentThread(), new IllegalStateException("x"));
        assertThat(shown.get(0)).contains("error output").doesNotContain("null");
    }

    @Test
    void aDialogThatCannotOpenDoesNotBlockTheNextOne() {
        UncaughtFailures.Dialog broken = new UncaughtFailures.Dialog() {
            int attempts;
            @Override public void show(String message, Runnable closed) {
                if (attempts++ == 0) {
                    throw new IllegalStateException("no window yet");
                }
                shown.add(message);
            }

            @Override public void update(String message) {
                updates.add(message);
            }
        };
        UncaughtFailures handler = new UncaughtFailures(log, Runnable::run, broken);
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("first"));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("second"));
        assertThat(shown).hasSize(1).allMatch(m -> m.contains("second"));
        assertThat(updates).isEmpty();
    }
}
