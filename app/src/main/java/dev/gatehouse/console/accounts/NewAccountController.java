package dev.gatehouse.console.accounts;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Views;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/** Binds new-account.fxml to {@link NewAccountViewModel}. */
public final class NewAccountController {
    private final NewAccountViewModel vm;
    private final Runnable close;

    @FXML private TextField newAccountName;
    @FXML private TextField newAccountEmail;
    @FXML private ComboBox<String> newAccountTier;
    @FXML private TextField newAccountReason;
    @FXML private VBox duplicateBox;
    @FXML private VBox duplicateLines;
    @FXML private CheckBox confirmDuplicate;
    @FXML private VBox newAccountPreview;
    @FXML private HBox newAccountErrorBanner;
    @FXML private Label newAccountError;
    @FXML private ProgressIndicator newAccountProgress;
    @FXML private Button newAccountCancel;
    @FXML private Button newAccountSubmit;

    public NewAccountController(NewAccountViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    /** Opens the dialog over a screen. */
    public static void open(ModalLayer layer, NewAccountViewModel vm) {
        Region view = (Region) Views.load("new-account.fxml", new NewAccountController(vm, layer::close));
        layer.show(view, Pos.CENTER, null);
    }

    @FXML
    private void initialize() {
        newAccountTier.getItems().setAll(NewAccountViewModel.TIERS);
        newAccountTier.setConverter(new StringConverter<>() {
            @Override public String toString(String wire) { return AccountLabels.tier(wire); }
            @Override public String fromString(String text) { return text; }
        });
        newAccountName.textProperty().bindBidirectional(vm.nameProperty());
        newAccountEmail.textProperty().bindBidirectional(vm.emailProperty());
        newAccountTier.valueProperty().bindBidirectional(vm.tierProperty());
        newAccountReason.textProperty().bindBidirectional(vm.reasonProperty());
        confirmDuplicate.selectedProperty().bindBidirectional(vm.confirmDuplicateProperty());
        Shown.when(duplicateBox, javafx.beans.binding.Bindings.isNotEmpty(vm.duplicates()));
        vm.duplicates().addListener((ListChangeListener<String>) c -> lines(duplicateLines, vm.duplicates()));
        lines(newAccountPreview, vm.previewProperty().get());
        vm.previewProperty().addListener((o, a, p) -> lines(newAccountPreview, p));
        newAccountError.textProperty().bind(vm.errorProperty());
        Shown.when(newAccountErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(newAccountProgress, vm.savingProperty());
        newAccountSubmit.disableProperty().bind(vm.savingProperty());
        newAccountCancel.disableProperty().bind(vm.savingProperty());
        vm.doneProperty().addListener((o, a, d) -> {
            if (d) {
                close.run();
            }
        });
    }

    static void lines(VBox box, List<String> lines) {
        box.getChildren().clear();
        for (String line : lines) {
            Label l = new Label("• " + line);
            l.setWrapText(true);
            l.getStyleClass().add("change-line");
            box.getChildren().add(l);
        }
    }

    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { close.run(); }
}
