package dev.gatehouse.console.shell;

import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunChecklistTest {
    /** Counts the test sets by hand. */
    static final class Counted implements FirstRunChecklist.Counts {
        int models;
        int accounts;
        int operators = 1;
        @Override public CompletableFuture<Integer> models() { return CompletableFuture.completedFuture(models); }
        @Override public CompletableFuture<Integer> accounts() { return CompletableFuture.completedFuture(accounts); }
        @Override public CompletableFuture<Integer> operators() { return CompletableFuture.completedFuture(operators); }
    }

    @Test
    void anEmptyPlatformShowsTheFirstDayUntilEveryItemIsDone() {
        Counted c = new Counted();
        FirstRunChecklist list = new FirstRunChecklist(c, Role.LEAD, Runnable::run);
        list.check();
        assertThat(list.showingProperty().get()).isTrue();
        assertThat(list.items()).extracting(FirstRunChecklist.Item::areaId).containsExactly("team", "catalog", "accounts");
        assertThat(list.items()).noneMatch(FirstRunChecklist.Item::done);
        c.operators = 2;
        c.models = 5;
        list.check();
        assertThat(list.items()).extracting(FirstRunChecklist.Item::done).containsExactly(true, true, false);
        assertThat(list.showingProperty().get()).isTrue();
        c.accounts = 1;
        list.check();
        assertThat(list.showingProperty().get()).as("all done: it goes away").isFalse();
        c.accounts = 0;
        list.check();
        assertThat(list.showingProperty().get()).as("and stays away").isFalse();
    }

    @Test
    void twoChecksInFlightOnAPlatformInUseShowNothing() {
        Counted used = new Counted();
        used.accounts = 7;
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        FirstRunChecklist list = new FirstRunChecklist(used, Role.LEAD, later::add);
        list.check();
        list.check();
        later.forEach(Runnable::run);
        assertThat(list.showingProperty().get()).isFalse();
        assertThat(list.items()).isEmpty();
    }

    @Test
    void aPlatformInUseShowsNothingAndOtherRolesSeeWhatIsNotTheirs() {
        Counted used = new Counted();
        used.models = 3;
        FirstRunChecklist list = new FirstRunChecklist(used, Role.LEAD, Runnable::run);
        list.check();
        assertThat(list.showingProperty().get()).isFalse();

        FirstRunChecklist support = new FirstRunChecklist(new Counted(), Role.SUPPORT, Runnable::run);
        support.check();
        assertThat(support.items()).extracting(FirstRunChecklist.Item::allowed).containsExactly(false, false, true);
    }
}
