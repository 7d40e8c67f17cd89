package dev.gatehouse.console.accounts;

import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Views;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;

/** Opens the tier and contact editor over a screen. */
public final class AccountEditDialog {
    private AccountEditDialog() {}

    public static void open(ModalLayer layer, AccountEditViewModel vm) {
        Region view = (Region) Views.load("account-edit.fxml", new AccountEditController(vm, layer::close));
        layer.show(view, Pos.CENTER, null);
    }
}
