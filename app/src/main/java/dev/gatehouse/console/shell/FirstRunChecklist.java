package dev.gatehouse.console.shell;

import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The first-run checklist (issue 13): on a platform with no models and no accounts, the first day's work (invite
 * operators, import a catalog, open an account), each item linking to the area where it is done and ticked once it is.
 * It is shown only when the session starts on such a platform, and goes away once every item is done.
 */
public final class FirstRunChecklist {
    /** One item: what to do, the area where it is done, whether this role may, and whether it is done. */
    public record Item(String id, String text, String areaId, boolean allowed, boolean done) {}

    /** What the checklist counts on the platform; -1 when this role may not see it. */
    public interface Counts {
        CompletableFuture<Integer> models();

        CompletableFuture<Integer> accounts();

        CompletableFuture<Integer> operators();

        static Counts of(PlatformClient client, Role role) {
            return new Counts() {
                @Override public CompletableFuture<Integer> models() {
                    return client.models(ModelQuery.ALL, null).thenApply(p -> p.data().size());
                }
                @Override public CompletableFuture<Integer> accounts() {
                    return client.accounts(null, null, null, null, 1).thenApply(p -> p.data().size());
                }
                @Override public CompletableFuture<Integer> operators() {
                    return role == Role.LEAD ? client.operators(null, 2).thenApply(Page::data).thenApply(List::size)
                            : CompletableFuture.completedFuture(-1);
                }
            };
        }
    }

    private final Counts counts;
    private final Role role;
    private final Executor fx;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private boolean decided;
    /** The first answer found models or accounts: no checklist this session, whatever later answers say. */
    private boolean inUse;

    public FirstRunChecklist(Counts counts, Role role, Executor fx) {
        this.counts = counts;
        this.role = role;
        this.fx = fx;
    }

    /** Counts again (at start, and when the operator moves between areas); failures leave things as they were. */
    public void check() {
        if (inUse || decided && !showing.get()) {
            return;
        }
        CompletableFuture<Integer> m = counts.models();
        CompletableFuture<Integer> a = counts.accounts();
        CompletableFuture<Integer> o = counts.operators();
        CompletableFuture.allOf(m, a, o).whenComplete((v, failure) -> fx.execute(() -> {
            if (failure != null || inUse) {
                return;
            }
            int models = m.join();
            int accounts = a.join();
            int operators = o.join();
            if (!decided) {
                decided = true;
                if (models > 0 || accounts > 0) {
                    inUse = true; // a platform already in use: no checklist this session
                    return;
                }
            }
            List<Item> next = new ArrayList<>();
            next.add(new Item("invite", "Invite operators", "team", role == Role.LEAD,
                    operators > 1));
            next.add(new Item("import", "Import a model catalog", "catalog", Permission.IMPORT_CATALOG.allows(role), models > 0));
            next.add(new Item("account", "Open an account and grant credits", "accounts",
                    Permission.OPEN_ACCOUNT.allows(role), accounts > 0));
            items.setAll(next);
            showing.set(next.stream().anyMatch(i -> !i.done()));
        }));
    }

    public ObservableList<Item> items() { return items; }
    public ReadOnlyBooleanProperty showingProperty() { return showing.getReadOnlyProperty(); }
}
