package dev.gatehouse.console.actions;

import dev.gatehouse.console.shell.Views;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;

/** Opens the reason dialog over a screen. */
public final class ActionDialog {
    private ActionDialog() {}

    /** {@code destructive} styles the confirm button as dangerous (suspend, revoke, terminate). */
    public static ActionDialogController open(ModalLayer layer, ActionDialogViewModel<?> vm, boolean destructive) {
        ActionDialogController controller = new ActionDialogController(vm, destructive, layer::close);
        Region view = (Region) Views.load("action-dialog.fxml", controller);
        layer.show(view, Pos.CENTER, null);
        return controller;
    }
}
