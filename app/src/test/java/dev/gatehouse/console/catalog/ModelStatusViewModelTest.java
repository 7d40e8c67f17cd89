package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPatch;
import dev.gatehouse.api.ModelStatusResult;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ModelStatusViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    static Model card(String status, long version) {
        return new Model("mdl_1", "openai/gpt-4.1", "GPT-4.1", "OpenAI", "gpt-4", "chat", status, 128000, 16000, List.of(), "USD",
                new BigDecimal("1.5"), List.of(), null, NOW, version);
    }

    static final class FakeApi implements ModelStatusApi {
        final List<String> sent = new ArrayList<>();
        Throwable failure;
        Model current = card("active", 2);

        @Override
        public CompletableFuture<ModelStatusResult> patch(String id, long version, ModelPatch patch) {
            sent.add(id + "@" + version + " " + patch.status() + " " + patch.effectiveAt() + " " + patch.emergency() + ": " + patch.reason());
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (patch.effectiveAt() != null) {
                return CompletableFuture.completedFuture(new ModelStatusResult(card("active", version + 1),
                        new ModelStatusResult.ScheduledStatus("msc_1", patch.status(), Instant.parse(patch.effectiveAt()), NOW, patch.reason(),
                                "op_ops"), false, "aud_1"));
            }
            return CompletableFuture.completedFuture(new ModelStatusResult(card(patch.status(), version + 1), null,
                    Boolean.TRUE.equals(patch.emergency()), "aud_1"));
        }

        @Override
        public CompletableFuture<Model> model(String id) {
            return CompletableFuture.completedFuture(current);
        }
    }

    @Test
    void aStatusChangeNeedsAReasonAndSendsTheVersionSeen() {
        FakeApi api = new FakeApi();
        List<Model> changed = new ArrayList<>();
        ModelStatusViewModel vm = new ModelStatusViewModel(api, Runnable::run, Role.OPS, ZoneOffset.UTC, changed::add);
        vm.modelProperty().set(card("active", 1));
        assertThat(vm.statusProperty().get()).isEqualTo("active");
        assertThat(vm.canApplyBinding().get()).as("unchanged").isFalse();
        vm.statusProperty().set("deprecated");
        assertThat(vm.canApplyBinding().get()).as("no reason").isFalse();
        vm.reasonProperty().set("Provider retires it on 31 Jan");
        assertThat(vm.canApplyBinding().get()).isTrue();
        vm.apply();
        assertThat(api.sent).containsExactly("mdl_1@1 deprecated null null: Provider retires it on 31 Jan");
        assertThat(vm.messageProperty().get()).isEqualTo("Now deprecated.");
        assertThat(changed).extracting(Model::status).containsExactly("deprecated");
        assertThat(vm.modelProperty().get().version()).isEqualTo(2);

        vm.statusProperty().set("disabled");
        vm.effectiveAtProperty().set("soon");
        assertThat(vm.effectiveErrorProperty().get()).contains("offset");
        assertThat(vm.canApplyBinding().get()).isFalse();
        vm.effectiveAtProperty().set("2026-12-28T09:00:00Z");
        vm.reasonProperty().set("Retired upstream; 30 days' notice");
        vm.apply();
        assertThat(vm.messageProperty().get()).startsWith("Scheduled: disabled from 28 Dec 2026 09:00");

        ModelStatusViewModel viewer = new ModelStatusViewModel(api, Runnable::run, Role.VIEWER, ZoneOffset.UTC, m -> {});
        viewer.modelProperty().set(card("active", 1));
        viewer.statusProperty().set("disabled");
        viewer.reasonProperty().set("x");
        assertThat(viewer.canApplyBinding().get()).isFalse();
    }

    @Test
    void aNoticeRefusalIsShownAndA412OffersTheirsOrMine() {
        FakeApi api = new FakeApi();
        ModelStatusViewModel vm = new ModelStatusViewModel(api, Runnable::run, Role.OPS, ZoneOffset.UTC, m -> {});
        vm.modelProperty().set(card("active", 1));
        vm.statusProperty().set("disabled");
        vm.reasonProperty().set("Security issue");
        api.failure = new PlatformException("Validation failed", 422, new Problem(ProblemType.VALIDATION.uri(), "t", 422, "d",
                List.of(new Problem.FieldError("effective_at", "is required: ... the earliest allowed instant is 2026-12-28T09:00:00Z"))), false, null);
        vm.apply();
        assertThat(vm.messageProperty().get()).contains("effective_at").contains("2026-12-28T09:00:00Z");
        assertThat(vm.failedProperty().get()).isTrue();

        api.failure = new PlatformException("stale", 412, new Problem(ProblemType.STALE_VERSION.uri(), "t", 412, "d", List.of()), false, null);
        api.current = card("deprecated", 5);
        vm.apply();
        assertThat(vm.conflicts()).containsExactly("Its status is now deprecated (you saw active)");
        vm.retryWithMine();
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.modelProperty().get().version()).isEqualTo(5);
        assertThat(vm.statusProperty().get()).as("what the operator chose is kept").isEqualTo("disabled");
        assertThat(vm.reasonProperty().get()).isEqualTo("Security issue");

        vm.apply();
        vm.takeTheirs();
        assertThat(vm.statusProperty().get()).isEqualTo("deprecated");
    }
}
