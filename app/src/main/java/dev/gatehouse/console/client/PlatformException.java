package dev.gatehouse.console.client;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Every way a platform call can fail, as one exception whose message an operator can act on.
 * {@code status} is 0 when no HTTP answer arrived; {@code retryable} says whether trying again may help.
 */
public final class PlatformException extends RuntimeException {
    private final int status;
    private final transient Problem problem;
    private final boolean retryable;

    public PlatformException(String message, int status, Problem problem, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
        this.retryable = retryable;
    }

    public PlatformException(String message, int status, boolean retryable) {
        this(message, status, null, retryable, null);
    }

    public int status() {
        return status;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The kind of problem the platform answered with, by its {@code type} URI; empty for unknown types or no answer. */
    public Optional<ProblemType> problemType() {
        return problem().map(Problem::type).flatMap(ProblemType::fromUri);
    }

    /**
     * What kind of problem this is, for the console's decisions: the platform's own type when it sends one this console
     * knows; otherwise (another platform, an older gateway, a proxy's error page) the generic kind for the HTTP status.
     * Empty when no HTTP error arrived. Never decided from the title, which is for people and may be reworded.
     */
    public Optional<ProblemType> kind() {
        return kindOf(status, problem);
    }

    static Optional<ProblemType> kindOf(int status, Problem problem) {
        Optional<ProblemType> typed = problem == null ? Optional.empty() : ProblemType.fromUri(problem.type());
        if (typed.isPresent() || status < 400) {
            return typed;
        }
        return Optional.of(ProblemType.forStatus(status));
    }

    /** True when {@link #kind()} is one of {@code kinds}. */
    public boolean is(ProblemType... kinds) {
        return kind().filter(k -> Arrays.asList(kinds).contains(k)).isPresent();
    }

    public boolean retryable() {
        return retryable;
    }

    /** True when the platform could not be reached at all (no HTTP answer). */
    public boolean unreachable() {
        return status == 0 && retryable;
    }

    /**
     * The failure behind a future's exception, as a PlatformException. Anything else is a console bug;
     * it still gets a sentence rather than a stack trace.
     */
    public static PlatformException of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof PlatformException p) {
            return p;
        }
        return new PlatformException("Something went wrong in the console: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")") + ". Try again; if it persists, report it.",
                0, null, true, t);
    }
}
