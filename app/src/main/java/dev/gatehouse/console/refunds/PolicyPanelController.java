package dev.gatehouse.console.refunds;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.console.shell.FilterOptions;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds policy-panel.fxml to {@link PolicyPanelViewModel}; only shows and forwards. */
public final class PolicyPanelController {
    private final PolicyPanelViewModel vm;
    private final Runnable close;
    private final java.util.Map<String, Label> valueErrorLabels = new java.util.HashMap<>();
    private final java.util.List<javafx.collections.MapChangeListener<String, String>> hints = new java.util.ArrayList<>();

    @FXML private VBox policyRoot;
    @FXML private Label policyName;
    @FXML private Label policyUpdated;
    @FXML private VBox policyRules;
    @FXML private VBox policySwitchBox;
    @FXML private ComboBox<PolicyView.Preset> policyPresetChoice;
    @FXML private ProgressIndicator policyPreviewProgress;
    @FXML private Label policyPreviewMessage;
    @FXML private VBox policyChangesBox;
    @FXML private TextArea policyReasonArea;
    @FXML private Label policyReasonError;
    @FXML private HBox policyErrorBanner;
    @FXML private Label policyErrorLabel;
    @FXML private ProgressIndicator policyApplyProgress;
    @FXML private Button policyApplyButton;

    public PolicyPanelController(PolicyPanelViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        vm.policyProperty().addListener((o, a, p) -> shown(p));
        shown(vm.policyProperty().get());
        FilterOptions.bind(policyPresetChoice, vm.targetProperty(), vm.presets(), p -> p == null ? "" : p.name());
        policyPreviewProgress.visibleProperty().bind(vm.previewMessageProperty().map(m -> m.startsWith("Asking")));
        policyPreviewMessage.textProperty().bind(vm.previewMessageProperty());
        vm.changes().addListener((ListChangeListener<String>) c -> showChanges());
        policyReasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        policyReasonError.textProperty().bind(vm.reasonErrorProperty());
        Shown.when(policyReasonError, vm.reasonErrorProperty().isNotEmpty());
        policyErrorLabel.textProperty().bind(vm.errorProperty());
        Shown.when(policyErrorBanner, vm.errorProperty().isNotEmpty());
        Shown.when(policyApplyProgress, vm.applyingProperty());
        policyApplyButton.disableProperty().bind(vm.canApplyBinding().not());
        policyReasonArea.setDisable(!vm.mayEdit());
        policyPresetChoice.setDisable(false);
        Shown.when(policyReasonArea, javafx.beans.binding.Bindings.createBooleanBinding(vm::mayEdit));
        Shown.when(policyApplyButton, javafx.beans.binding.Bindings.createBooleanBinding(vm::mayEdit));
        vm.valueErrors().addListener((javafx.collections.MapChangeListener<String, String>) c -> showValueErrors());
    }

    private void showValueErrors() {
        valueErrorLabels.forEach((key, label) -> {
            String message = vm.valueErrors().get(key);
            label.setText(message == null ? "" : message);
            label.setVisible(message != null);
            label.setManaged(message != null);
        });
    }

    private void shown(PolicyView p) {
        policyRules.getChildren().clear();
        valueErrorLabels.clear();
        hints.forEach(vm.edits()::removeListener);
        hints.clear();
        if (p == null) {
            policyName.setText("Loading…");
            return;
        }
        policyName.setText(p.name());
        policyUpdated.setText(p.updatedAt() == null ? "The preset the platform started with."
                : "Last changed by " + p.updatedBy() + " at " + p.updatedAt() + ".");
        for (PolicyView.Rule r : p.rules()) {
            Label name = new Label(capitalized(r.name()));
            name.getStyleClass().add("fact-label");
            Label value = new Label(r.text());
            value.getStyleClass().addAll("fact-value", "policy-value");
            Label source = new Label(r.source() + (r.fromDefault() ? "" : ": \"" + r.clause() + "\""));
            source.getStyleClass().addAll("text-muted", "text-small");
            source.setWrapText(true);
            HBox top = new HBox(10, name, value);
            VBox rule = new VBox(2, top, source);
            if (vm.mayEdit()) {
                // a lead edits the value as the API takes it ("7", "true", "500.00", "purchase,promotion", "none")
                TextField field = new TextField(vm.edits().getOrDefault(r.key(), r.value()));
                field.setId("policyValue_" + r.key());
                field.setPromptText(r.value());
                field.setPrefColumnCount(16);
                field.setMaxWidth(240);
                field.textProperty().addListener((o, a, typed) -> vm.edit(r.key(), typed));
                Label hint = new Label(vm.edits().containsKey(r.key()) ? "edited" : "");
                hint.getStyleClass().addAll("text-muted", "text-small");
                javafx.collections.MapChangeListener<String, String> edited = c -> {
                    if (c.getKey().equals(r.key())) hint.setText(vm.edits().containsKey(r.key()) ? "edited · was " + r.value() : "");
                };
                vm.edits().addListener(edited);
                hints.add(edited);
                HBox edit = new HBox(8, field, hint);
                edit.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                Label error = new Label();
                error.setId("policyValueError_" + r.key());
                error.getStyleClass().add("field-error");
                error.setWrapText(true);
                valueErrorLabels.put(r.key(), error);
                rule.getChildren().addAll(edit, error);
            }
            rule.getStyleClass().add("policy-rule");
            policyRules.getChildren().add(rule);
        }
        showValueErrors();
    }

    private void showChanges() {
        policyChangesBox.getChildren().clear();
        for (String change : vm.changes()) {
            Label line = new Label(change, new FontIcon("mdoal-arrow_right"));
            line.setWrapText(true);
            line.getStyleClass().add("change-line");
            policyChangesBox.getChildren().add(line);
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @FXML private void apply() { vm.apply(); }
    @FXML private void close() { close.run(); }
}
