package dev.gatehouse.console.shell;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Loads an FXML view from /fxml with a controller the caller has already built (so it can take its view model). */
public final class Views {
    private Views() {}

    public static Parent load(String name, Object controller) {
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(Views.class.getResource("/fxml/" + name), name));
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(name + " wants a " + type.getName() + ", got " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + name, e);
        }
    }
}
