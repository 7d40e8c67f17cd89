package dev.gatehouse.console.shell;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The failure dialog {@link UncaughtFailures} shows: a plain sentence, the log's path, and a button to copy that path. */
public final class FailureAlert implements UncaughtFailures.Dialog {
    static final ButtonType COPY_PATH = new ButtonType("Copy log path", ButtonBar.ButtonData.LEFT);

    private final Supplier<Window> owner;
    private final Path logFile;
    private Alert alert;

    public FailureAlert(Supplier<Window> owner, Path logFile) {
        this.owner = owner;
        this.logFile = logFile;
    }

    @Override
    public void show(String message, Runnable closed) {
        alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Gatehouse");
        alert.setHeaderText("Something went wrong");
        fill(alert.getDialogPane(), message, logFile);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        alert.setOnHidden(e -> {
            alert = null;
            closed.run();
        });
        alert.show();
    }

    @Override
    public void update(String message) {
        if (alert != null) {
            alert.setContentText(message);
        }
    }

    /** The dialog's content: OK closes; Copy log path copies and keeps it open. Public so the screens test can render it. */
    public static void fill(DialogPane pane, String message, Path logFile) {
        pane.setContentText(message);
        pane.setPrefWidth(560);
        pane.getButtonTypes().setAll(ButtonType.OK);
        if (logFile != null) {
            pane.getButtonTypes().add(0, COPY_PATH);
            Button copy = (Button) pane.lookupButton(COPY_PATH);
            copy.addEventFilter(ActionEvent.ACTION, e -> {
                e.consume();
                ClipboardContent path = new ClipboardContent();
                path.putString(logFile.toString());
                Clipboard.getSystemClipboard().setContent(path);
            });
        }
    }
}
