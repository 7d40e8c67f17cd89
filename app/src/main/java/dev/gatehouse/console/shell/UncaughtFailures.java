package dev.gatehouse.console.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * What happens to an exception nobody caught, on the FX thread or any other: its stack trace goes to the log, and the
 * operator gets a readable dialog naming the log file, never a stack trace. One dialog at a time: failures while it is
 * open only update its count, so a failing render loop cannot bury the window in dialogs.
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);
    static final int MOST_CHARS = 200;

    /** Shows (and later updates) the one failure dialog; {@code closed} must run when the operator dismisses it. */
    public interface Dialog {
        void show(String message, Runnable closed);

        void update(String message);
    }

    private final Path logFile;
    private final Executor fx;
    private final Dialog dialog;
    private boolean open;
    private int since;
    private String first;

    /**
     * @param logFile the console's log, or null when it could not be opened (the details then went to stderr)
     * @param fx      runs on the FX thread
     */
    public UncaughtFailures(Path logFile, Executor fx, Dialog dialog) {
        this.logFile = logFile;
        this.fx = fx;
        this.dialog = dialog;
    }

    /** Handles failures of every thread from now on; call it on the FX thread, which gets the handler directly too. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("Uncaught failure on thread {}", thread.getName(), failure);
        try {
            fx.execute(() -> tell(failure));
        } catch (RuntimeException toolkitGone) {
            LOG.error("Could not tell the operator (the window is gone)", toolkitGone);
        }
    }

    /** On the FX thread: opens the dialog, or counts the failure in the one already open. */
    void tell(Throwable failure) {
        try {
            if (open) {
                since++;
                dialog.update(message(first, since, logFile));
                return;
            }
            open = true;
            since = 0;
            first = what(failure);
            dialog.show(message(first, 0, logFile), () -> open = false);
        } catch (RuntimeException dialogFailed) {
            open = false;
            LOG.error("The failure dialog itself failed", dialogFailed);
        }
    }

    /** One line naming the failure, for a person: its kind and message, never a stack trace. */
    static String what(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip().lines().findFirst().orElse(""));
        return text.length() <= MOST_CHARS ? text : text.substring(0, MOST_CHARS - 1) + "…";
    }

    static String message(String what, int since, Path logFile) {
        String where = logFile == null
                ? "The details went to the console's error output (its log file could not be opened)."
                : "The details are in the log: " + logFile;
        String more = since == 0 ? "" : "\n\n" + since + (since == 1 ? " more failure" : " more failures") + " since; each is in the log too.";
        return "Something went wrong in the console (" + what + ").\n\n"
                + "What you were doing may not have finished: check it on screen before trying again. "
                + "If it happens again, send the log to whoever runs Gatehouse for you.\n\n"
                + where + more;
    }

    public Path logFile() {
        return logFile;
    }
}
