package dev.gatehouse.gateway.plane;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The small model list a test key reaches (issue 12 §1: "test keys only reach a small test model list"): per modality
 * (chat, image, video) the {@value #PER_MODALITY} cheapest active models by API price, ties by name. It follows the
 * catalog (an import or a price change moves it) instead of naming slugs a platform might not have.
 */
public final class TestModels {
    public static final int PER_MODALITY = 2;

    private TestModels() {}

    public static Set<String> slugs(List<PlaneModel> models) {
        return models.stream()
                .filter(m -> m.status().equals("active") && !m.lines().isEmpty())
                .collect(Collectors.groupingBy(PlaneModel::modality))
                .values().stream()
                .flatMap(group -> group.stream()
                        .sorted(Comparator.comparing(TestModels::price).thenComparing(PlaneModel::slug))
                        .limit(PER_MODALITY))
                .map(PlaneModel::slug)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Chat: input + output per 1M tokens; image and video: the cheapest size. */
    static BigDecimal price(PlaneModel m) {
        if (m.modality().equals("chat")) {
            return m.lines().stream().map(PlaneModel.Line::api).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return m.lines().stream().map(PlaneModel.Line::api).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
    }
}
