package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogLabelsTest {
    static Model model(String modality, Integer context, List<String> resolutions, PriceLine... lines) {
        return new Model("mdl_1", "s", "N", "P", "F", modality, "active", context, null, resolutions, "USD",
                new BigDecimal("1.5"), List.of(lines), null, null, 1);
    }

    static PriceLine line(String unit, String variant, String api) {
        return new PriceLine(unit, variant, new BigDecimal(api), new BigDecimal(api));
    }

    @Test
    void tokenCountsReadLikeProvidersWriteThem() {
        assertThat(CatalogLabels.tokens(131072)).isEqualTo("128K tokens");
        assertThat(CatalogLabels.tokens(200000)).isEqualTo("200K tokens");
        assertThat(CatalogLabels.tokens(128000)).isEqualTo("128K tokens");
        assertThat(CatalogLabels.tokens(1000000)).isEqualTo("1M tokens");
        assertThat(CatalogLabels.tokens(1048576)).isEqualTo("1M tokens");
        assertThat(CatalogLabels.tokens(2000000)).isEqualTo("2M tokens");
        assertThat(CatalogLabels.tokens(8192)).isEqualTo("8K tokens");
        assertThat(CatalogLabels.tokens(512)).isEqualTo("512 tokens");
    }

    @Test
    void headlinePricesCarryTheirUnit() {
        assertThat(CatalogLabels.headlinePrice(model("chat", 131072, null,
                line("input_mtok", null, "3.750000"), line("output_mtok", null, "15.000000"))))
                .isEqualTo("$3.75 / $15.00 per 1M");
        assertThat(CatalogLabels.headlinePrice(model("embedding", 8192, null, line("input_mtok", null, "0.030000"))))
                .isEqualTo("$0.03 per 1M in");
        assertThat(CatalogLabels.headlinePrice(model("image", null, List.of("1024x1024", "1536x1024"),
                line("image", "1536x1024", "0.090000"), line("image", "1024x1024", "0.060000"))))
                .isEqualTo("from $0.06 / image");
        assertThat(CatalogLabels.headlinePrice(model("video", null, List.of("720p"), line("video_second", "720p", "0.450000"))))
                .isEqualTo("$0.45 / s");
        assertThat(CatalogLabels.headlinePrice(model("chat", 1000, null))).isEqualTo("No price set");
    }

    @Test
    void capacityIsContextOrResolutions() {
        Model image = model("image", null, List.of("1024x1024", "1536x1024", "1024x1536"));
        assertThat(CatalogLabels.capacity(image)).isEqualTo("1024×1024 +2");
        assertThat(CatalogLabels.resolutions(image)).isEqualTo("1024×1024 · 1536×1024 · 1024×1536");
        assertThat(CatalogLabels.capacity(model("video", null, List.of("720p")))).isEqualTo("720p");
        assertThat(CatalogLabels.capacity(model("chat", 128000, null))).isEqualTo("128K tokens");
    }
}
