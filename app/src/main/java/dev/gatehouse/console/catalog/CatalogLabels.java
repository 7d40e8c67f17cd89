package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.policy.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How catalog values read to an operator: units always attached, money always exact (never a double). */
public final class CatalogLabels {
    private CatalogLabels() {}

    public static String modality(String wire) {
        return wire == null || wire.isEmpty() ? "All modalities" : capitalize(wire);
    }

    public static String status(String wire) {
        return wire == null || wire.isEmpty() ? "Any status" : capitalize(wire);
    }

    public static String unit(String unit) {
        return switch (unit) {
            case "input_mtok" -> "Input tokens";
            case "output_mtok" -> "Output tokens";
            case "image" -> "Image";
            case "video_second" -> "Video second";
            default -> unit.replace('_', ' ');
        };
    }

    /** As providers write them: 128000 and 131072 → "128K tokens", 1048576 → "1M tokens". */
    public static String tokens(int count) {
        return compact(count) + " tokens";
    }

    static String compact(int count) {
        if (count >= 1_000_000) {
            int base = count % 1_000_000 != 0 && count % 1_048_576 == 0 ? 1_048_576 : 1_000_000;
            return new BigDecimal(count).divide(new BigDecimal(base), 2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "M";
        }
        if (count >= 1_000) {
            int base = count % 1000 != 0 && count % 1024 == 0 ? 1024 : 1000;
            return new BigDecimal(count).divide(new BigDecimal(base), 1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "K";
        }
        return Integer.toString(count);
    }

    public static String resolution(String r) {
        return r.replace('x', '×');
    }

    /** What a model can take: its context window, or its resolutions (the first, then how many more: "1024×1024 +2"). */
    public static String capacity(Model m) {
        if (m.contextWindow() != null) {
            return tokens(m.contextWindow());
        }
        if (!m.resolutions().isEmpty()) {
            List<String> rs = m.resolutions();
            return resolution(rs.get(0)) + (rs.size() > 1 ? " +" + (rs.size() - 1) : "");
        }
        return "—";
    }

    /** Every resolution: "1024×1024 · 1536×1024". */
    public static String resolutions(Model m) {
        return m.resolutions().stream().map(CatalogLabels::resolution).collect(Collectors.joining(" · "));
    }

    /**
     * The price an operator quotes first, with its unit, so chat, image and video rows read alike:
     * "$3.75 / $15.00 per 1M" (input / output tokens), "from $0.06 / image", "$0.45 / s".
     */
    public static String headlinePrice(Model m) {
        String cur = m.currency();
        Optional<BigDecimal> in = apiFor(m, "input_mtok");
        Optional<BigDecimal> out = apiFor(m, "output_mtok");
        if (in.isPresent() && out.isPresent()) {
            return money(in.get(), cur) + " / " + money(out.get(), cur) + " per 1M";
        }
        if (in.isPresent()) {
            return money(in.get(), cur) + " per 1M in";
        }
        for (String unit : List.of("image", "video_second")) {
            List<PriceLine> lines = m.priceCard().stream().filter(l -> unit.equals(l.unit())).toList();
            if (!lines.isEmpty()) {
                BigDecimal min = lines.stream().map(PriceLine::api).min(Comparator.naturalOrder()).orElseThrow();
                String per = unit.equals("image") ? " / image" : " / s";
                return (lines.size() > 1 ? "from " : "") + money(min, cur) + per;
            }
        }
        return m.priceCard().isEmpty() ? "No price set" : money(m.priceCard().get(0).api(), cur) + " / " + m.priceCard().get(0).unit();
    }

    /** The lowest API price on the card, for sorting the price column. */
    public static BigDecimal lowestPrice(Model m) {
        return m.priceCard().stream().map(PriceLine::api).min(Comparator.naturalOrder()).orElse(null);
    }

    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "—" : Money.display(amount, currency == null ? Money.DEFAULT_CURRENCY : currency);
    }

    /** "× 1.5" */
    public static String markup(BigDecimal markup) {
        return markup == null ? "—" : "× " + markup.stripTrailingZeros().toPlainString();
    }

    private static Optional<BigDecimal> apiFor(Model m, String unit) {
        return m.priceCard().stream().filter(l -> unit.equals(l.unit()) && l.variant() == null).map(PriceLine::api).findFirst()
                .or(() -> m.priceCard().stream().filter(l -> unit.equals(l.unit())).map(PriceLine::api).min(Comparator.naturalOrder()));
    }

    private static String capitalize(String wire) {
        String s = wire.replace('_', ' ');
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
