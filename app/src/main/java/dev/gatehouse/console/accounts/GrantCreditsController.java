package dev.gatehouse.console.accounts;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Views;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds grant-credits.fxml to {@link GrantCreditsViewModel}. */
public final class GrantCreditsController {
    private final GrantCreditsViewModel vm;
    private final Runnable close;

    @FXML private Label grantTarget;
    @FXML private ComboBox<String> grantKind;
    @FXML private TextField grantAmount;
    @FXML private Label grantPriceLabel;
    @FXML private TextField grantPrice;
    @FXML private TextField grantExpires;
    @FXML private TextField grantReason;
    @FXML private VBox grantPreview;
    @FXML private HBox grantErrorBanner;
    @FXML private Label grantError;
    @FXML private ProgressIndicator grantProgress;
    @FXML private Button grantCancel;
    @FXML private Button grantSubmit;

    public GrantCreditsController(GrantCreditsViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    public static void open(ModalLayer layer, GrantCreditsViewModel vm) {
        Region view = (Region) Views.load("grant-credits.fxml", new GrantCreditsController(vm, layer::close));
        layer.show(view, Pos.CENTER, null);
    }

    @FXML
    private void initialize() {
        grantTarget.setText(vm.account().name() + " · " + vm.account().id());
        grantKind.getItems().setAll(GrantCreditsViewModel.KINDS);
        grantKind.setConverter(new StringConverter<>() {
            @Override public String toString(String wire) { return GrantCreditsViewModel.kindLabel(wire); }
            @Override public String fromString(String text) { return text; }
        });
        grantKind.valueProperty().bindBidirectional(vm.kindProperty());
        grantAmount.textProperty().bindBidirectional(vm.amountProperty());
        grantPrice.textProperty().bindBidirectional(vm.pricePaidProperty());
        grantExpires.textProperty().bindBidirectional(vm.expiresProperty());
        grantReason.textProperty().bindBidirectional(vm.reasonProperty());
        var purchase = vm.kindProperty().isEqualTo("purchase");
        Shown.when(grantPriceLabel, purchase);
        Shown.when(grantPrice, purchase);
        NewAccountController.lines(grantPreview, vm.previewProperty().get());
        vm.previewProperty().addListener((o, a, p) -> NewAccountController.lines(grantPreview, p));
        grantError.textProperty().bind(vm.errorProperty());
        Shown.when(grantErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(grantProgress, vm.savingProperty());
        grantSubmit.disableProperty().bind(vm.savingProperty());
        grantCancel.disableProperty().bind(vm.savingProperty());
        vm.doneProperty().addListener((o, a, d) -> {
            if (d) {
                close.run();
            }
        });
    }

    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { close.run(); }
}
