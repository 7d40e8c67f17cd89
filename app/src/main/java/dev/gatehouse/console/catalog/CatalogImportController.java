package dev.gatehouse.console.catalog;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.catalog.CatalogImportViewModel.Stage;
import dev.gatehouse.console.shell.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** Binds catalog-import.fxml to {@link CatalogImportViewModel}; the file chooser is the only thing it does itself. */
public final class CatalogImportController {
    private final CatalogImportViewModel vm;
    private final Runnable close;

    @FXML private VBox importRoot;
    @FXML private Button chooseFileButton;
    @FXML private Label importFileName;
    @FXML private ProgressIndicator importProgress;
    @FXML private Label importStageLabel;
    @FXML private Label importSummary;
    @FXML private TableView<CatalogImportLine> importTable;
    @FXML private TableColumn<CatalogImportLine, CatalogImportLine> importLineColumn;
    @FXML private TableColumn<CatalogImportLine, CatalogImportLine> importSlugColumn;
    @FXML private TableColumn<CatalogImportLine, CatalogImportLine> importOutcomeColumn;
    @FXML private TableColumn<CatalogImportLine, CatalogImportLine> importDetailColumn;
    @FXML private Label importPlaceholder;
    @FXML private ListView<String> importErrors;
    @FXML private TextField importReason;
    @FXML private HBox importErrorBanner;
    @FXML private Label importError;
    @FXML private Button importCloseButton;
    @FXML private Button importCommitButton;

    public CatalogImportController(CatalogImportViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    public static CatalogImportController open(ModalLayer layer, CatalogImportViewModel vm) {
        CatalogImportController controller = new CatalogImportController(vm, layer::close);
        Region view = (Region) Views.load("catalog-import.fxml", controller);
        layer.show(view, Pos.CENTER, null);
        return controller;
    }

    @FXML
    private void initialize() {
        importFileName.textProperty().bind(vm.fileNameProperty());
        importSummary.textProperty().bind(vm.summaryProperty());
        Shown.when(importSummary, vm.summaryProperty().isNotEmpty());
        var busy = Bindings.createBooleanBinding(() -> switch (vm.stageProperty().get()) {
            case READING, PREVIEWING, IMPORTING -> true;
            default -> false;
        }, vm.stageProperty());
        Shown.when(importProgress, busy);
        importStageLabel.textProperty().bind(vm.stageProperty().map(s -> switch (s) {
            case READING -> "Reading the file…";
            case PREVIEWING -> "Asking the platform for a preview…";
            case IMPORTING -> "Importing…";
            case DONE -> "Imported.";
            default -> "";
        }));
        chooseFileButton.disableProperty().bind(busy);
        column(importLineColumn, l -> Integer.toString(l.line()));
        column(importSlugColumn, l -> l.slug() == null ? "(no slug)" : l.slug());
        column(importOutcomeColumn, CatalogImportViewModel::outcome);
        column(importDetailColumn, CatalogImportViewModel::detail);
        importTable.setItems(vm.lines());
        importErrors.setItems(vm.fileErrors());
        var invalid = vm.stageProperty().isEqualTo(Stage.INVALID);
        Shown.when(importErrors, invalid);
        Shown.when(importTable, invalid.not());
        importReason.textProperty().bindBidirectional(vm.reasonProperty());
        importReason.disableProperty().bind(vm.stageProperty().isNotEqualTo(Stage.PREVIEWED));
        importError.textProperty().bind(vm.errorProperty());
        Shown.when(importErrorBanner, vm.errorProperty().isNotEmpty());
        importCommitButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canImport(),
                vm.stageProperty(), vm.reasonProperty(), vm.previewProperty()));
        // map() skips null, so the no-preview text needs a binding that sees it
        importCommitButton.textProperty().bind(Bindings.createStringBinding(() -> {
            var p = vm.previewProperty().get();
            int n = p == null ? 0 : p.newCount() + p.changedCount();
            return p == null ? "Import" : "Import " + n + " model" + (n == 1 ? "" : "s");
        }, vm.previewProperty()));
        importCloseButton.disableProperty().bind(vm.stageProperty().isEqualTo(Stage.IMPORTING));
        importCloseButton.textProperty().bind(vm.stageProperty().map(s -> s == Stage.DONE ? "Done" : "Close"));
    }

    private static void column(TableColumn<CatalogImportLine, CatalogImportLine> column, Function<CatalogImportLine, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CatalogImportLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : text.apply(line));
                setTooltip(empty || line == null ? null : new Tooltip(text.apply(line)));
            }
        });
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a catalog file");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON catalog", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(importRoot.getScene().getWindow());
        if (file != null) {
            vm.choose(file.toPath());
        }
    }

    @FXML private void commit() { vm.commit(); }
    @FXML private void close() { close.run(); }
}
