package dev.gatehouse.console.catalog;

import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.Views;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.concurrent.Executor;

/** The Catalog area: the catalog view with its view model, talking to the session's platform. */
public final class CatalogScreen extends ViewModelScreen<CatalogViewModel> {
    private CatalogScreen(Node view, CatalogController controller, CatalogViewModel vm) {
        super(view, vm, controller::focus, vm::close);
    }

    public static CatalogScreen open(Session session) {
        boolean mayImport = dev.gatehouse.policy.Permission.IMPORT_CATALOG.allows(session.role());
        return open(CatalogApi.of(session.client()), Platform::runLater, mayImport ? CatalogImportApi.of(session.client()) : null,
                ModelStatusApi.of(session.client()), session.role(), session.clock().getZone(),
                m -> session.events().publish(new dev.gatehouse.console.shell.AreaRequested("pricing", m.slug())));
    }

    public static CatalogScreen open(CatalogApi api, Executor fx) {
        return open(api, fx, null);
    }

    /** {@code imports}: the import calls, or null when this operator may not import (the button is then disabled). */
    public static CatalogScreen open(CatalogApi api, Executor fx, CatalogImportApi imports) {
        return open(api, fx, imports, null, null, null, null);
    }

    /**
     * {@code status}: the status calls (null: no status controls); {@code openPricing}: opens Pricing on a model (null:
     * the button is disabled).
     */
    public static CatalogScreen open(CatalogApi api, Executor fx, CatalogImportApi imports, ModelStatusApi status,
                                     dev.gatehouse.policy.Role role, java.time.ZoneId zone,
                                     java.util.function.Consumer<dev.gatehouse.api.Model> openPricing) {
        CatalogViewModel vm = new CatalogViewModel(api, fx);
        dev.gatehouse.console.actions.ModalLayer layer = new dev.gatehouse.console.actions.ModalLayer();
        ModelStatusViewModel statusVm = status == null ? null : new ModelStatusViewModel(status, fx, role, zone, m -> vm.model().replace(m));
        CatalogScreen[] screen = new CatalogScreen[1];
        Runnable openImport = imports == null ? null : () -> screen[0].importController =
                CatalogImportController.open(layer, screen[0].importFlow = new CatalogImportViewModel(imports, fx,
                        java.util.concurrent.ForkJoinPool.commonPool(), done -> vm.reload()));
        CatalogController controller = new CatalogController(vm, openImport, statusVm, openPricing, layer);
        Node view = Views.load("catalog.fxml", controller);
        vm.start();
        screen[0] = new CatalogScreen(dev.gatehouse.console.actions.ModalLayer.over(view, layer), controller, vm);
        return screen[0];
    }

    private CatalogImportViewModel importFlow;
    private CatalogImportController importController;

    /** The import flow opened last (null before the first), for tests and the first-run checklist. */
    public CatalogImportViewModel importFlow() {
        return importFlow;
    }
}
