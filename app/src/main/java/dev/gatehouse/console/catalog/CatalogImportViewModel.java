package dev.gatehouse.console.catalog;

import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.api.CatalogImportRequest;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Enforcement;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Catalog screen's import flow (issue 13): choose a file (read off the FX thread), see the platform's preview
 * entry by entry, then import exactly that with a reason. A malformed file shows its errors line by line; a catalog
 * that changed since the preview asks for a fresh one. Nothing is written before Import.
 */
public final class CatalogImportViewModel {
    public enum Stage { CHOOSE, READING, PREVIEWING, PREVIEWED, INVALID, IMPORTING, DONE }

    /** The admin API takes bodies up to 1 MiB; the file travels inside JSON, so leave room for escaping. */
    public static final long MAX_FILE_BYTES = 900_000;

    private final CatalogImportApi api;
    private final Executor fx;
    private final Executor io;
    private final Consumer<CatalogImportPreview> onImported;
    private String idempotencyKey = UUID.randomUUID().toString();
    private String content;

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.CHOOSE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<CatalogImportPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<CatalogImportLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> fileErrors = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");

    public CatalogImportViewModel(CatalogImportApi api, Executor fx, Executor io, Consumer<CatalogImportPreview> onImported) {
        this.api = api;
        this.fx = fx;
        this.io = io;
        this.onImported = onImported;
    }

    /** Reads the chosen file off the FX thread, then asks for its preview. */
    public void choose(Path file) {
        fileName.set(file.getFileName().toString());
        error.set("");
        fileErrors.clear();
        lines.clear();
        preview.set(null);
        stage.set(Stage.READING);
        CompletableFuture.supplyAsync(() -> {
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(file.getFileName() + " is " + size / 1024 + " KiB; the console imports files up to "
                            + MAX_FILE_BYTES / 1024 + " KiB. Import it from the gateway's machine with: gateway import-catalog "
                            + file.getFileName() + " --db …");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file.getFileName() + " is not UTF-8 text.");
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + file.getFileName() + ": " + e.getMessage());
            }
        }, io).whenComplete((text, failure) -> fx.execute(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                error.set(cause.getMessage());
                stage.set(Stage.CHOOSE);
                return;
            }
            content = text;
            refreshPreview();
        }));
    }

    /** Asks the platform again what importing the chosen file would do (after a 409, or to refresh). */
    public void refreshPreview() {
        if (content == null) {
            return;
        }
        stage.set(Stage.PREVIEWING);
        error.set("");
        api.preview(new CatalogImportRequest(null, content, null, null)).whenComplete((p, failure) -> fx.execute(() -> {
            if (failure != null) {
                failed(PlatformException.of(failure), Stage.CHOOSE);
                return;
            }
            show(p);
            idempotencyKey = UUID.randomUUID().toString();
            stage.set(Stage.PREVIEWED);
        }));
    }

    private void show(CatalogImportPreview p) {
        preview.set(p);
        lines.setAll(p.lines());
        summary.set(p.newCount() + " new · " + p.changedCount() + " changed" + (p.scheduledCount() > 0 ? " (" + p.scheduledCount()
                + " with an increase scheduled)" : "") + " · " + p.unchangedCount() + " unchanged · " + p.unsupportedCount()
                + " unsupported  (" + p.format() + " format)");
    }

    private void failed(PlatformException e, Stage back) {
        if (e.is(ProblemType.VALIDATION) && e.problem().isPresent() && !e.problem().get().errors().isEmpty()) {
            fileErrors.setAll(e.problem().get().errors().stream().map(fe -> fe.field() + ": " + fe.message()).toList());
            error.set(e.getMessage());
            stage.set(Stage.INVALID);
            return;
        }
        error.set(e.getMessage());
        stage.set(back);
    }

    /** Whether Import may be pressed: a preview that would write something, and a reason. */
    public boolean canImport() {
        CatalogImportPreview p = preview.get();
        return stage.get() == Stage.PREVIEWED && p != null && p.newCount() + p.changedCount() > 0
                && Enforcement.reasonProblem(reason.get()).isEmpty();
    }

    /** Imports exactly the previewed outcome; a changed catalog (409) asks for a fresh preview. */
    public void commit() {
        CatalogImportPreview p = preview.get();
        if (p == null || stage.get() != Stage.PREVIEWED) {
            return;
        }
        if (p.newCount() + p.changedCount() == 0) {
            error.set("Nothing to import: every entry is unchanged or unsupported.");
            return;
        }
        var reasonProblem = Enforcement.reasonProblem(reason.get());
        if (reasonProblem.isPresent()) {
            error.set("Reason " + reasonProblem.get() + ".");
            return;
        }
        stage.set(Stage.IMPORTING);
        error.set("");
        api.commit(new CatalogImportRequest(null, content, p.previewHash(), reason.get().strip()), idempotencyKey)
                .whenComplete((done, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        PlatformException e = PlatformException.of(failure);
                        if (e.is(ProblemType.CONFLICT)) {
                            error.set(e.getMessage());
                            refreshPreviewKeepingError(e.getMessage());
                            return;
                        }
                        failed(e, Stage.PREVIEWED);
                        if (e.retryable()) {
                            error.set(e.getMessage() + " Import again sends the same request; it cannot import twice.");
                        }
                        return;
                    }
                    show(done);
                    stage.set(Stage.DONE);
                    onImported.accept(done);
                }));
    }

    private void refreshPreviewKeepingError(String message) {
        refreshPreview();
        error.set(message + " (A fresh preview is being fetched.)");
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() { return stage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileNameProperty() { return fileName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CatalogImportPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ObservableList<CatalogImportLine> lines() { return lines; }
    /** A malformed file's errors, each naming its line. */
    public ObservableList<String> fileErrors() { return fileErrors; }
    public StringProperty reasonProperty() { return reason; }

    /** The outcome as a person reads it. */
    public static String outcome(CatalogImportLine l) {
        return switch (l.outcome()) {
            case "new" -> "New";
            case "changed" -> "Changed";
            case "unchanged" -> "Unchanged";
            default -> "Unsupported";
        };
    }

    /** What happens to the entry, or why it cannot be imported. */
    public static String detail(CatalogImportLine l) {
        return l.reason() != null ? l.reason() : String.join("; ", l.changes());
    }
}
