package dev.gatehouse.console.support;

import dev.gatehouse.console.shell.Shown;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds macro-editor.fxml to {@link MacroEditorViewModel}; only shows and forwards. */
public final class MacroEditorController {
    private final MacroEditorViewModel vm;
    private final Runnable close;
    private final MapChangeListener<String, String> errorsShown = c -> showErrors();

    @FXML private Label macroEditorMessage;
    @FXML private ListView<MacroEditorViewModel.Draft> macroList;
    @FXML private Button addMacroButton;
    @FXML private Button removeMacroButton;
    @FXML private VBox macroForm;
    @FXML private TextField macroName;
    @FXML private Label macroNameError;
    @FXML private TextArea macroBody;
    @FXML private Label macroPlaceholderWarning;
    @FXML private Label macroBodyError;
    @FXML private FlowPane placeholderButtons;
    @FXML private ComboBox<String> macroState;
    @FXML private Label macroStateError;
    @FXML private TextField macroTags;
    @FXML private Label macroTagsError;
    @FXML private Label macroEmpty;
    @FXML private TextArea macroReasonArea;
    @FXML private Label macroReasonError;
    @FXML private HBox macroErrorBanner;
    @FXML private Label macroErrorLabel;
    @FXML private ProgressIndicator macroSaveProgress;
    @FXML private Button saveMacrosButton;

    public MacroEditorController(MacroEditorViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        macroEditorMessage.textProperty().bind(vm.messageProperty());
        macroList.setItems(vm.drafts());
        macroList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MacroEditorViewModel.Draft d, boolean empty) {
                super.updateItem(d, empty);
                textProperty().unbind();
                if (empty || d == null) {
                    setText(null);
                    getStyleClass().remove("has-error");
                    return;
                }
                textProperty().bind(d.nameProperty().map(n -> n.isBlank() ? "(no name)" : n));
                getStyleClass().remove("has-error");
                if (!d.errors().isEmpty()) getStyleClass().add("has-error");
            }
        });
        macroList.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && d != vm.selectedProperty().get()) vm.selectedProperty().set(d);
        });
        vm.selectedProperty().addListener((o, a, d) -> bindDraft(a, d));
        bindDraft(null, vm.selectedProperty().get());
        macroState.getItems().setAll(MacroEditorViewModel.STATES);
        macroState.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String s) { return s == null ? "Leave the state" : TicketText.word(s); }
            @Override public String fromString(String s) { return null; }
        });
        // a null value ("leave the state") is a choice too: the button cell names it instead of going blank
        macroState.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(macroState.getConverter().toString(s));
            }
        });
        macroPlaceholderWarning.textProperty().addListener((o, a, w) -> showErrors());
        macroReasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        macroReasonError.textProperty().bind(vm.reasonErrorProperty());
        Shown.when(macroReasonError, vm.reasonErrorProperty().isNotEmpty());
        macroErrorLabel.textProperty().bind(vm.errorProperty());
        Shown.when(macroErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(macroSaveProgress, vm.savingProperty());
        saveMacrosButton.disableProperty().bind(vm.canSaveBinding().not());
        boolean edit = vm.mayEdit();
        for (Node n : new Node[] {addMacroButton, removeMacroButton, saveMacrosButton, macroReasonArea}) {
            n.setVisible(edit);
            n.setManaged(edit);
        }
        macroName.setEditable(edit);
        macroBody.setEditable(edit);
        macroTags.setEditable(edit);
        macroState.setDisable(!edit);
        vm.drafts().addListener((javafx.collections.ListChangeListener<MacroEditorViewModel.Draft>) c -> fillPlaceholders());
    }

    /** One button per placeholder the platform knows: a click puts it at the end of the reply. */
    private void fillPlaceholders() {
        placeholderButtons.getChildren().clear();
        if (!vm.mayEdit()) {
            return;
        }
        vm.placeholders().forEach((key, meaning) -> {
            Button b = new Button("{{" + key + "}}");
            b.getStyleClass().addAll("small", "flat", "placeholder-chip");
            b.setTooltip(new Tooltip(meaning));
            b.setMnemonicParsing(false);
            b.setOnAction(e -> {
                vm.insertPlaceholder(key);
                macroBody.requestFocus();
                macroBody.end();
            });
            placeholderButtons.getChildren().add(b);
        });
    }

    private void bindDraft(MacroEditorViewModel.Draft before, MacroEditorViewModel.Draft d) {
        if (before != null) {
            macroName.textProperty().unbindBidirectional(before.nameProperty());
            macroBody.textProperty().unbindBidirectional(before.bodyProperty());
            macroState.valueProperty().unbindBidirectional(before.setStateProperty());
            macroTags.textProperty().unbindBidirectional(before.tagsProperty());
            macroPlaceholderWarning.textProperty().unbind();
            before.errors().removeListener(errorsShown);
        }
        boolean has = d != null;
        for (Node n : macroForm.getChildren()) {
            n.setVisible(has == (n != macroEmpty));
            n.setManaged(n.isVisible());
        }
        if (!has) {
            macroList.getSelectionModel().clearSelection();
            return;
        }
        macroList.getSelectionModel().select(d);
        macroName.textProperty().bindBidirectional(d.nameProperty());
        macroBody.textProperty().bindBidirectional(d.bodyProperty());
        macroState.valueProperty().bindBidirectional(d.setStateProperty());
        macroTags.textProperty().bindBidirectional(d.tagsProperty());
        macroPlaceholderWarning.textProperty().bind(d.unknownPlaceholdersBinding());
        d.errors().addListener(errorsShown);
        showErrors();
        fillPlaceholders();
    }

    private void showErrors() {
        MacroEditorViewModel.Draft d = vm.selectedProperty().get();
        error(macroNameError, d == null ? null : d.errors().get("name"));
        error(macroBodyError, d == null ? null : d.errors().get("body"));
        error(macroStateError, d == null ? null : d.errors().get("set_state"));
        error(macroTagsError, d == null ? null : d.errors().get("add_tags"));
        // the platform's message on the body says it all: the local warning steps aside while it shows
        String warning = macroPlaceholderWarning.getText();
        macroPlaceholderWarning.setVisible(d != null && warning != null && !warning.isEmpty() && !d.errors().containsKey("body"));
        macroPlaceholderWarning.setManaged(macroPlaceholderWarning.isVisible());
        macroList.refresh();
    }

    private static void error(Label label, String message) {
        label.setText(message == null ? "" : message);
        label.setVisible(message != null);
        label.setManaged(message != null);
    }

    @FXML private void add() { vm.add(); }
    @FXML private void remove() { vm.removeSelected(); }
    @FXML private void save() { vm.save(); }
    @FXML private void close() { close.run(); }
}
