package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.api.ProviderSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewModelTest {
    /** A platform whose answers the test hands out one by one. */
    static final class ScriptedCatalog implements CatalogApi {
        record Call(ModelQuery query, String cursor, CompletableFuture<Page<Model>> answer) {}

        final List<Call> calls = new ArrayList<>();
        final List<CompletableFuture<List<ProviderSummary>>> providerCalls = new ArrayList<>();

        @Override
        public CompletableFuture<Page<Model>> models(ModelQuery query, String cursor) {
            Call c = new Call(query, cursor, new CompletableFuture<>());
            calls.add(c);
            return c.answer;
        }

        @Override
        public CompletableFuture<List<ProviderSummary>> providers() {
            CompletableFuture<List<ProviderSummary>> f = new CompletableFuture<>();
            providerCalls.add(f);
            return f;
        }

        Call last() {
            return calls.get(calls.size() - 1);
        }
    }

    static Model chat(int i) {
        return new Model("mdl_" + i, "m-" + i, "Model " + i, "OpenAI", "GPT", "chat", "active", 128000, 16384, List.of(), "USD",
                new BigDecimal("1.500000"), List.of(new PriceLine("input_mtok", null, new BigDecimal("2.500000"), new BigDecimal("3.750000")),
                new PriceLine("output_mtok", null, new BigDecimal("10.000000"), new BigDecimal("15.000000"))),
                LocalDate.of(2024, 5, 13), null, 1);
    }

    static List<Model> chats(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(CatalogViewModelTest::chat).toList();
    }

    ScriptedCatalog api;
    CatalogViewModel vm;

    @BeforeEach
    void setUp() {
        api = new ScriptedCatalog();
        vm = new CatalogViewModel(api, Runnable::run);
    }

    @Test
    void filtersBuildTheQuery() {
        vm.start();
        assertThat(api.last().query()).isEqualTo(ModelQuery.ALL);
        vm.modalityProperty().set("image");
        vm.providerProperty().set("Black Forest Labs");
        vm.statusProperty().set("active");
        vm.searchProperty().set("  flux ");
        assertThat(api.last().query()).isEqualTo(new ModelQuery("image", "Black Forest Labs", "active", "flux"));
        assertThat(api.last().cursor()).isNull();
        vm.clearFilters();
        assertThat(api.last().query()).isEqualTo(ModelQuery.ALL);
        assertThat(api.calls).hasSize(6);
    }

    @Test
    void pagesAreFetchedUntilTheLastAndAggregated() {
        vm.start();
        api.providerCalls.get(0).complete(List.of(new ProviderSummary("OpenAI", 450, List.of("chat"))));
        api.last().answer().complete(new Page<>(chats(0, 200), "c1"));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.countTextProperty().get()).isEqualTo("Loading models… 200 so far");
        assertThat(api.last().cursor()).isEqualTo("c1");
        api.last().answer().complete(new Page<>(chats(200, 200), "c2"));
        api.last().answer().complete(new Page<>(chats(400, 50), null));

        assertThat(vm.models()).hasSize(450);
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.READY);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.countTextProperty().get()).isEqualTo("450 models");
        assertThat(vm.providerOptions()).containsExactly("", "OpenAI");

        vm.searchProperty().set("model 1");
        api.last().answer().complete(new Page<>(chats(1, 37), null));
        assertThat(vm.countTextProperty().get()).isEqualTo("37 of 450 match");
    }

    @Test
    void answersToAnEarlierQueryAreDiscarded() {
        vm.start();
        ScriptedCatalog.Call first = api.last();
        vm.modalityProperty().set("video");
        ScriptedCatalog.Call second = api.last();
        second.answer().complete(new Page<>(chats(0, 3), null));
        first.answer().complete(new Page<>(chats(100, 200), "more"));

        assertThat(vm.models()).extracting(Model::id).containsExactly("mdl_0", "mdl_1", "mdl_2");
        assertThat(api.calls).hasSize(2); // the stale page's cursor was not followed
        first.answer().obtrudeException(new PlatformException("late failure", 0, true));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.READY);
    }

    @Test
    void anErrorShowsItsMessageAndRetryRecovers() {
        vm.start();
        api.providerCalls.get(0).completeExceptionally(new PlatformException("Can't reach http://127.0.0.1:1: connection refused. Is the gateway running?", 0, true));
        api.last().answer().completeExceptionally(new PlatformException("Can't reach http://127.0.0.1:1: connection refused. Is the gateway running?", 0, true));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.ERROR);
        assertThat(vm.messageProperty().get()).isEqualTo("Can't reach http://127.0.0.1:1: connection refused. Is the gateway running?");
        assertThat(vm.models()).isEmpty();

        vm.retry();
        assertThat(api.providerCalls).hasSize(2);
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.LOADING);
        api.providerCalls.get(1).complete(List.of(new ProviderSummary("OpenAI", 2, List.of("chat"))));
        api.last().answer().complete(new Page<>(chats(0, 2), null));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.READY);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("2 models");
    }

    @Test
    void anUnexpectedFailureIsStillASentence() {
        vm.start();
        api.last().answer().completeExceptionally(new IllegalStateException("boom"));
        assertThat(vm.messageProperty().get()).startsWith("Something went wrong in the console").doesNotContain("at dev.");
    }

    @Test
    void anEmptyResultSaysWhy() {
        vm.start();
        vm.searchProperty().set("xyz");
        api.last().answer().complete(new Page<>(List.of(), null));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.EMPTY);
        assertThat(vm.messageProperty().get()).isEqualTo("No models match 'xyz'. Clear the filters to see the whole catalog.");
        vm.searchProperty().set("");
        vm.modalityProperty().set("video");
        vm.providerProperty().set("OpenAI");
        api.last().answer().complete(new Page<>(List.of(), null));
        assertThat(vm.messageProperty().get()).isEqualTo("No models match video · OpenAI models. Clear the filters to see the whole catalog.");
    }

    @Test
    void selectingAModelFillsThePriceCardAndFacts() {
        vm.start();
        api.last().answer().complete(new Page<>(chats(0, 1), null));
        vm.selectedProperty().set(vm.models().get(0));
        assertThat(vm.priceRows()).containsExactly(
                new CatalogViewModel.PriceRow("Input tokens", "—", "$2.50", "$3.75"),
                new CatalogViewModel.PriceRow("Output tokens", "—", "$10.00", "$15.00"));
        assertThat(vm.facts()).contains(new CatalogViewModel.Fact("Context window", "128K tokens (128,000)"),
                new CatalogViewModel.Fact("ID", "mdl_0"));
        assertThat(vm.selectedPricingProperty().get()).isEqualTo("API price = base × 1.5 markup · in USD · token prices per 1M tokens");
        assertThat(vm.selectedSubtitleProperty().get()).isEqualTo("OpenAI · Chat · m-0");
        vm.selectedProperty().set(null);
        assertThat(vm.priceRows()).isEmpty();
        assertThat(vm.selectedSubtitleProperty().get()).isEmpty();
    }
}
