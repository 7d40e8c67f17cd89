package dev.gatehouse.console.shell;

import dev.gatehouse.policy.Role;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Objects;

/** Binds connect.fxml to {@link ConnectViewModel}. */
public final class ConnectController {
    private final ConnectViewModel vm;

    @FXML private ImageView logo;
    @FXML private ComboBox<Role> roleChoice;
    @FXML private Button openDemoButton;
    @FXML private TextField urlField;
    @FXML private PasswordField tokenField;
    @FXML private Label urlError;
    @FXML private Label tokenError;
    @FXML private Button connectButton;
    @FXML private HBox progressBox;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label progressLabel;
    @FXML private HBox errorBox;
    @FXML private Label errorLabel;
    @FXML private Button retryButton;
    @FXML private HBox recentBox;
    @FXML private ComboBox<RecentPlatforms.Entry> recentChoice;
    @FXML private Label keychainNote;

    public ConnectController(ConnectViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        recentChoice.setItems(vm.recentPlatforms());
        recentChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(RecentPlatforms.Entry e) { return e == null ? "" : e.label(); }
            @Override public RecentPlatforms.Entry fromString(String s) { return null; }
        });
        recentChoice.valueProperty().addListener((o, a, e) -> vm.chooseRecent(e));
        recentBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.recentPlatforms()));
        recentBox.managedProperty().bind(recentBox.visibleProperty());
        keychainNote.textProperty().bind(vm.keychainNoteProperty());
        keychainNote.visibleProperty().bind(vm.keychainNoteProperty().isNotEmpty());
        keychainNote.managedProperty().bind(keychainNote.visibleProperty());
        logo.setImage(new Image(Objects.requireNonNull(getClass().getResource("/icons/gatehouse-256.png")).toExternalForm()));
        roleChoice.getItems().setAll(List.of(Role.values()));
        roleChoice.setConverter(new StringConverter<>() {
            @Override public String toString(Role r) { return r == null ? "" : r.label(); }
            @Override public Role fromString(String s) { return null; }
        });
        roleChoice.valueProperty().bindBidirectional(vm.demoRoleProperty());
        urlField.textProperty().bindBidirectional(vm.urlProperty());
        tokenField.textProperty().bindBidirectional(vm.tokenProperty());
        tokenField.setOnAction(e -> connect());
        urlField.setOnAction(e -> connect());

        bindMessage(urlError, vm.urlErrorProperty().isEmpty());
        urlError.textProperty().bind(vm.urlErrorProperty());
        bindMessage(tokenError, vm.tokenErrorProperty().isEmpty());
        tokenError.textProperty().bind(vm.tokenErrorProperty());

        progressLabel.textProperty().bind(vm.progressProperty());
        progressBox.visibleProperty().bind(vm.busyProperty());
        progressBox.managedProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorBox.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        retryButton.visibleProperty().bind(vm.canRetryProperty());
        retryButton.managedProperty().bind(vm.canRetryProperty());

        for (var n : List.of(roleChoice, openDemoButton, urlField, tokenField, connectButton)) {
            n.disableProperty().bind(vm.busyProperty());
        }
        urlField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
        vm.urlErrorProperty().addListener((o, a, b) ->
                urlField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !b.isEmpty()));
        vm.tokenErrorProperty().addListener((o, a, b) ->
                tokenField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !b.isEmpty()));
    }

    private static void bindMessage(Label label, javafx.beans.binding.BooleanBinding empty) {
        label.visibleProperty().bind(Bindings.not(empty));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML private void openDemo() { vm.openDemo(); }
    @FXML private void connect() { vm.connect(); }
    @FXML private void retry() { vm.retry(); }
}
