package dev.gatehouse.console;

import dev.gatehouse.console.shell.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** How a TestFX test shows the one screen it drives: in the light theme, with the console's stylesheet, at 1280 × 800. */
public final class ScreenStage {
    private ScreenStage() {}

    public static void show(Stage stage, Node view) {
        StackPane root = new StackPane(view);
        Theme.LIGHT.apply(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
