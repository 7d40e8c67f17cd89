package dev.gatehouse.console.catalog;

import dev.gatehouse.console.shell.Screen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.concurrent.Executor;

/** The Catalog area: the catalog view with its view model, talking to the session's platform. */
public final class CatalogScreen implements Screen {
    private final Node view;
    private final CatalogController controller;
    private final CatalogViewModel vm;

    private CatalogScreen(Node view, CatalogController controller, CatalogViewModel vm) {
        this.view = view;
        this.controller = controller;
        this.vm = vm;
    }

    public static CatalogScreen open(Session session) {
        return open(CatalogApi.of(session.client()), Platform::runLater);
    }

    public static CatalogScreen open(CatalogApi api, Executor fx) {
        CatalogViewModel vm = new CatalogViewModel(api, fx);
        CatalogController controller = new CatalogController(vm);
        Node view = Views.load("catalog.fxml", controller);
        vm.start();
        return new CatalogScreen(view, controller, vm);
    }

    public CatalogViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focus() {
        controller.focus();
    }

    @Override
    public void close() {
        vm.close();
    }
}
