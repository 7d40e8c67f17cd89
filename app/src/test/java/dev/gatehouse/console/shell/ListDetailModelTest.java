package dev.gatehouse.console.shell;

import dev.gatehouse.api.Page;
import dev.gatehouse.policy.KeyStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ListDetailModelTest {
    /** A row as a list screen has them: an id and a status that actions change. */
    record Row(String id, KeyStatus status) {}

    /** The typed query the filters make; blank text means any. */
    record Query(String text, KeyStatus status) {
        Query {
            text = text == null || text.isBlank() ? null : text.strip();
        }
    }

    final List<CompletableFuture<Page<Row>>> pages = new ArrayList<>();
    final List<Query> queries = new ArrayList<>();
    final Map<String, List<CompletableFuture<String>>> details = new HashMap<>();
    final StringProperty text = new SimpleStringProperty("");
    final ObjectProperty<KeyStatus> status = new SimpleObjectProperty<>();

    final PagedList<Query, Row> list = new PagedList<>((q, cursor, limit) -> {
        queries.add(q);
        CompletableFuture<Page<Row>> f = new CompletableFuture<>();
        pages.add(f);
        return f;
    }, 50, Runnable::run, q -> q.text() != null || q.status() != null, new PagedList.Wording<>("row", "rows", q -> "none"));

    final ListDetailModel<Query, Row, String> model = new ListDetailModel<Query, Row, String>(list,
            () -> new Query(text.get(), status.get()), Row::id, Runnable::run)
            .detailFrom(r -> {
                CompletableFuture<String> f = new CompletableFuture<>();
                details.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(f);
                return f;
            })
            .watch(text, status);

    static Row row(String id) {
        return new Row(id, KeyStatus.ACTIVE);
    }

    void answer(Row... rows) {
        pages.get(pages.size() - 1).complete(new Page<>(List.of(rows), null));
    }

    @Test
    void typedFiltersBecomeTheQueryAndOnlyARealChangeReloads() {
        model.reload();
        status.set(KeyStatus.SUSPENDED);
        text.set(" acme ");
        assertThat(queries).containsExactly(new Query(null, null), new Query(null, KeyStatus.SUSPENDED),
                new Query("acme", KeyStatus.SUSPENDED));
        text.set("acme");
        assertThat(queries).as("the same query after trimming asks nothing new").hasSize(3);

        model.changeFilters(() -> {
            text.set("");
            status.set(null);
        });
        assertThat(queries).as("clearing several filters reloads once").hasSize(4);
        assertThat(model.applied()).isEqualTo(new Query(null, null));
    }

    @Test
    void selectingARowLoadsItsDetailAndOnlyTheLatestCounts() {
        model.reload();
        answer(row("a"), row("b"));
        model.selectedProperty().set(model.rows().get(0));
        model.selectedProperty().set(model.rows().get(1));
        details.get("a").get(0).complete("detail of a");
        assertThat(model.detail().value()).as("an answer for a row since left is dropped").isNull();
        details.get("b").get(0).complete("detail of b");
        assertThat(model.detail().value()).isEqualTo("detail of b");
        assertThat(model.detail().state()).isEqualTo(Loader.State.LOADED);

        model.selectedProperty().set(null);
        assertThat(model.detail().value()).isNull();
        assertThat(model.detail().state()).isEqualTo(Loader.State.IDLE);
    }

    @Test
    void aReplacedRowChangesInPlaceAndKeepsTheSelectionWithoutReloading() {
        model.reload();
        answer(row("a"), row("b"), row("c"));
        model.selectedProperty().set(model.rows().get(1));
        details.get("b").get(0).complete("b");

        Row suspended = new Row("b", KeyStatus.SUSPENDED);
        model.replace(suspended);
        assertThat(model.rows()).containsExactly(row("a"), suspended, row("c"));
        assertThat(model.selectedProperty().get()).isSameAs(suspended);
        assertThat(details.get("b")).as("the same row stays selected: its detail is not fetched again").hasSize(1);
        assertThat(queries).as("the page is not reloaded").hasSize(1);

        model.reloadDetail();
        assertThat(details.get("b")).hasSize(2);
    }

    @Test
    void nextAndPreviousWalkTheRowsAsShown() {
        model.reload();
        answer(row("a"), row("b"), row("c"));
        assertThat(model.selectNext()).isTrue();
        assertThat(model.selectedProperty().get().id()).isEqualTo("a");
        model.selectNext();
        model.selectNext();
        assertThat(model.selectedProperty().get().id()).isEqualTo("c");
        assertThat(model.selectNext()).as("the last row stays selected").isFalse();
        assertThat(model.selectedProperty().get().id()).isEqualTo("c");
        model.selectPrevious();
        assertThat(model.selectedProperty().get().id()).isEqualTo("b");

        // Sorted by the table (here: reversed), next follows what the operator sees.
        ObservableList<Row> shown = FXCollections.observableArrayList(model.rows());
        shown.sort(Comparator.comparing(Row::id).reversed());
        model.navigateIn(shown);
        model.selectNext();
        assertThat(model.selectedProperty().get().id()).isEqualTo("a");
        assertThat(model.selectPrevious()).isTrue();
        assertThat(model.selectedProperty().get().id()).isEqualTo("b");
    }

    @Test
    void aReloadClearsTheSelectionUnlessTheScreenKeepsIt() {
        model.reload();
        answer(row("a"));
        model.selectedProperty().set(model.rows().get(0));
        model.reload();
        assertThat(model.selectedProperty().get()).isNull();

        ListDetailModel<Query, Row, String> keeping = new ListDetailModel<Query, Row, String>(list,
                () -> new Query(null, null), Row::id, Runnable::run).keepSelectionOnReload();
        keeping.reload();
        answer(row("a"));
        keeping.selectedProperty().set(row("a"));
        keeping.reload();
        assertThat(keeping.selectedProperty().get()).isEqualTo(row("a"));
    }

    @Test
    void aKeptSelectionTakesTheRowsFreshVersionWhenTheReloadBringsItBack() {
        ListDetailModel<Query, Row, String> keeping = new ListDetailModel<Query, Row, String>(list,
                () -> new Query(null, null), Row::id, Runnable::run).keepSelectionOnReload();
        List<Row> opened = new ArrayList<>();
        keeping.detailFrom(r -> {
            opened.add(r);
            return new CompletableFuture<>();
        });
        keeping.reload();
        answer(row("a"), row("b"));
        keeping.selectedProperty().set(keeping.rows().get(1));
        keeping.reload(); // a poll saw the queue change
        Row fresh = new Row("b", KeyStatus.SUSPENDED);
        answer(row("c"), row("a"), fresh);
        assertThat(keeping.selectedProperty().get()).isSameAs(fresh);
        assertThat(opened).as("the same row: its detail is not fetched again").hasSize(1);

        keeping.reload();
        answer(row("c")); // gone from the queue: the kept selection stays as it was
        assertThat(keeping.selectedProperty().get()).isSameAs(fresh);
    }

    @Test
    void closingDropsAnswersOnTheirWay() {
        model.reload();
        answer(row("a"));
        model.selectedProperty().set(model.rows().get(0));
        model.reload();
        model.close();
        answer(row("late"));
        assertThat(model.rows()).isEmpty();
    }
}
