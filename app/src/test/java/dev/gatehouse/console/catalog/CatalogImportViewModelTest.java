package dev.gatehouse.console.catalog;

import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.api.CatalogImportRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The import flow without a window: preview, reason, commit with the hash; a stale preview and an oversized file. */
class CatalogImportViewModelTest {
    static CatalogImportPreview preview(String hash, int added) {
        return new CatalogImportPreview("litellm", hash, added, 0, 0, 1, 0,
                List.of(new CatalogImportLine(2, "acme-chat", "new", "chat", List.of("new chat model"), null),
                        new CatalogImportLine(9, "acme-rerank", "unsupported", null, List.of(), "mode 'rerank' has no pricing unit")), null);
    }

    /** Answers the test's scripted replies in order; records every request. */
    static final class Scripted implements CatalogImportApi {
        final List<CatalogImportRequest> sent = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<CompletableFuture<CatalogImportPreview>> replies = new ArrayList<>();
        @Override public CompletableFuture<CatalogImportPreview> preview(CatalogImportRequest r) { sent.add(r); return replies.remove(0); }
        @Override public CompletableFuture<CatalogImportPreview> commit(CatalogImportRequest r, String key) {
            sent.add(r);
            keys.add(key);
            return replies.remove(0);
        }
    }

    @Test
    void aPreviewIsImportedWithItsHashAndAStaleOneIsPreviewedAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"acme-chat\": {}}");
        Scripted api = new Scripted();
        List<CatalogImportPreview> imported = new ArrayList<>();
        CatalogImportViewModel vm = new CatalogImportViewModel(api, Runnable::run, Runnable::run, imported::add);
        api.replies.add(CompletableFuture.completedFuture(preview("h1", 1)));
        vm.choose(file);
        assertThat(vm.stageProperty().get()).isEqualTo(CatalogImportViewModel.Stage.PREVIEWED);
        assertThat(vm.lines()).hasSize(2);
        assertThat(vm.summaryProperty().get()).startsWith("1 new · 0 changed").contains("1 unsupported");
        assertThat(vm.canImport()).as("a reason first").isFalse();
        vm.reasonProperty().set("first catalog");
        assertThat(vm.canImport()).isTrue();

        Problem stale = new Problem(ProblemType.CONFLICT.uri(), "Conflict", 409, "The catalog or the file changed since the preview", List.of());
        api.replies.add(CompletableFuture.failedFuture(new PlatformException(stale.detail(), 409, stale, false, null)));
        api.replies.add(CompletableFuture.completedFuture(preview("h2", 1)));
        vm.commit();
        assertThat(api.sent.get(1).previewHash()).isEqualTo("h1");
        assertThat(api.sent.get(1).content()).isEqualTo("{\"acme-chat\": {}}");
        assertThat(vm.previewProperty().get().previewHash()).as("previewed again").isEqualTo("h2");
        assertThat(vm.errorProperty().get()).contains("changed since the preview");

        api.replies.add(CompletableFuture.completedFuture(preview("h2", 1)));
        vm.commit();
        assertThat(api.sent.get(3).previewHash()).isEqualTo("h2");
        assertThat(api.sent.get(3).reason()).isEqualTo("first catalog");
        assertThat(vm.stageProperty().get()).isEqualTo(CatalogImportViewModel.Stage.DONE);
        assertThat(imported).hasSize(1);
    }

    @Test
    void aMalformedFileShowsItsLinesAndAnOversizedOneAsksForTheCommandLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{}");
        Scripted api = new Scripted();
        CatalogImportViewModel vm = new CatalogImportViewModel(api, Runnable::run, Runnable::run, p -> { });
        Problem invalid = new Problem(ProblemType.VALIDATION.uri(), "Validation failed", 422, "The catalog file has 1 error",
                List.of(new Problem.FieldError("line 21 teleporter.mode", "unknown mode 'teleportation'")));
        api.replies.add(CompletableFuture.failedFuture(new PlatformException(invalid.detail(), 422, invalid, false, null)));
        vm.choose(bad);
        assertThat(vm.stageProperty().get()).isEqualTo(CatalogImportViewModel.Stage.INVALID);
        assertThat(vm.fileErrors()).containsExactly("line 21 teleporter.mode: unknown mode 'teleportation'");
        assertThat(vm.canImport()).isFalse();

        Path big = dir.resolve("model_prices_and_context_window.json");
        Files.write(big, new byte[(int) CatalogImportViewModel.MAX_FILE_BYTES + 1]);
        vm.choose(big);
        assertThat(vm.stageProperty().get()).isEqualTo(CatalogImportViewModel.Stage.CHOOSE);
        assertThat(vm.errorProperty().get()).contains("gateway import-catalog");
        assertThat(api.sent).hasSize(1);
    }
}
