package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.Problem.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Price lines and their math (DESIGN §4 "API price", "pricing units"). Amounts arrive as decimal strings and are
 * parsed strictly; every problem is a field error, never an exception. All results are exact BigDecimal, stored
 * prices have six decimals, rounded half-even (see {@link Money}).
 */
public final class Pricing {
    /** ai-visual-studio §5: "API pricing includes a 1.5x markup over standard web application pricing." */
    public static final BigDecimal DEFAULT_MARKUP = new BigDecimal("1.500000");
    /** Product choice: never sell below the provider's price, and a markup above 10× is a typo. */
    public static final BigDecimal MIN_MARKUP = BigDecimal.ONE;
    public static final BigDecimal MAX_MARKUP = BigDecimal.TEN;
    /**
     * Product choice: a base price above 1,000,000 per unit is a typo (the dearest catalog line is 600 per 1M tokens).
     * With at most a 10× markup the API price still fits DECIMAL(20,6).
     */
    public static final BigDecimal MAX_BASE = new BigDecimal("1000000");
    /** A bulk percentage may cut a price by less than 100 % (to zero is a free model, set absolutely) or raise it up to 1000 %. */
    public static final BigDecimal MIN_PERCENT = new BigDecimal("-100");
    public static final BigDecimal MAX_PERCENT = new BigDecimal("1000");
    /** The scale of a percentage change shown next to a line or a total (old → new, +12.35 %). */
    public static final int PERCENT_SCALE = 2;

    /**
     * Units per modality (DESIGN §4 "pricing units": chat per 1M input and per 1M output tokens, image per image by
     * resolution, video per second by resolution; apimart §2 lists "Chat APIs", "Video Generation APIs", "Image
     * Generation APIs"; decart §5.1 bills "duration, quality, and resolution"). Embeddings and audio follow the catalog.
     */
    public static final Map<String, List<String>> UNITS = Map.of(
            "chat", List.of("input_mtok", "output_mtok"),
            "audio", List.of("input_mtok", "output_mtok"),
            "embedding", List.of("input_mtok"),
            "image", List.of("image"),
            "video", List.of("video_second"));

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    /** Resolutions as the catalog writes them: 1024x1536 (image, video) or 720p (video). */
    private static final Pattern RESOLUTION = Pattern.compile("[1-9]\\d{1,4}x[1-9]\\d{1,4}|[1-9]\\d{2,3}p");
    private static final int MAX_TEXT = 40;
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Pricing() {}

    /** A price line as an operator typed it: the base is a decimal string, the variant a resolution or absent. */
    public record Draft(String unit, String variant, String base) {}

    /** The API price of a base price: base × markup, six decimals, half-even (ai-visual-studio §5). */
    public static BigDecimal apiPrice(BigDecimal base, BigDecimal markup) {
        return Money.applyMarkup(base, markup);
    }

    /**
     * A decimal string parsed strictly: digits with one optional point and an optional leading minus. Exponents
     * ("1e3") are refused, since a typed price is never written that way and "1e3" for "1.3" is an expensive slip.
     */
    public static Validated<BigDecimal> decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return Validated.invalid(field, "is required: a decimal number like 2.50");
        }
        String t = text.strip();
        if (NOT_A_NUMBER.matcher(t).matches()) {
            return Validated.invalid(field, "must be a finite decimal number; NaN and infinity are not amounts");
        }
        if (t.length() > MAX_TEXT) {
            return Validated.invalid(field, "is too long: at most " + MAX_TEXT + " characters");
        }
        if (!PLAIN_DECIMAL.matcher(t).matches()) {
            return Validated.invalid(field, t.matches("[-+]?[\\d.]+[eE][-+]?\\d+")
                    ? "must be written without an exponent, e.g. 1000 instead of 1e3"
                    : "must be a decimal number like 2.50: digits and at most one point");
        }
        return Validated.valid(new BigDecimal(t));
    }

    /** A base price from text: see {@link #basePrice(String, BigDecimal)}. */
    public static Validated<BigDecimal> basePrice(String field, String text) {
        Validated<BigDecimal> parsed = decimal(field, text);
        return parsed.isValid() ? basePrice(field, parsed.value()) : parsed;
    }

    /** A base price: zero (a free model) up to {@link #MAX_BASE}, at most six decimals. Normalized to six decimals. */
    public static Validated<BigDecimal> basePrice(String field, BigDecimal value) {
        if (value == null) {
            return Validated.invalid(field, "is required: a decimal number like 2.50");
        }
        if (value.signum() < 0) {
            return Validated.invalid(field, "must not be negative");
        }
        if (decimals(value) > Money.SCALE) {
            return Validated.invalid(field, "has " + decimals(value) + " decimals; prices have at most " + Money.SCALE);
        }
        if (value.compareTo(MAX_BASE) > 0) {
            return Validated.invalid(field, "must be at most " + MAX_BASE.toPlainString() + " per unit");
        }
        return Validated.valid(Money.normalize(value));
    }

    /** A markup from text: between 1 and 10, at most six decimals. */
    public static Validated<BigDecimal> markup(String field, String text) {
        Validated<BigDecimal> parsed = decimal(field, text);
        if (!parsed.isValid()) {
            return parsed;
        }
        BigDecimal m = parsed.value();
        if (m.compareTo(MIN_MARKUP) < 0 || m.compareTo(MAX_MARKUP) > 0) {
            return Validated.invalid(field, "must be between 1 and 10 (1.5 is the default)");
        }
        if (decimals(m) > Money.SCALE) {
            return Validated.invalid(field, "has " + decimals(m) + " decimals; a markup has at most " + Money.SCALE);
        }
        return Validated.valid(Money.normalize(m));
    }

    /** A bulk percentage from text: above -100 and at most 1000, at most six decimals ("+5", "-12.5"). */
    public static Validated<BigDecimal> percent(String field, String text) {
        String t = text != null && text.strip().startsWith("+") ? text.strip().substring(1) : text;
        Validated<BigDecimal> parsed = decimal(field, t);
        if (!parsed.isValid()) {
            return parsed;
        }
        BigDecimal p = parsed.value();
        if (p.compareTo(MIN_PERCENT) <= 0 || p.compareTo(MAX_PERCENT) > 0) {
            return Validated.invalid(field, "must be above -100 and at most 1000 (percent)");
        }
        if (decimals(p) > Money.SCALE) {
            return Validated.invalid(field, "has " + decimals(p) + " decimals; at most " + Money.SCALE);
        }
        return Validated.valid(p);
    }

    /**
     * A whole price card as typed for a model of {@code modality}: each line a known unit of that modality, a
     * resolution for image and video lines and none for token lines, no line twice, a valid base. The result carries
     * the API price of each line at {@code markup}. Field paths are {@code lines[i].unit|variant|base}.
     */
    public static Validated<List<PriceLine>> card(String modality, List<Draft> drafts, BigDecimal markup) {
        List<String> units = UNITS.get(modality);
        if (units == null) {
            return Validated.invalid("modality", "unknown modality '" + modality + "'; one of " + UNITS.keySet().stream().sorted().toList());
        }
        if (drafts == null || drafts.isEmpty()) {
            return Validated.invalid("lines", "needs at least one price line");
        }
        List<FieldError> errors = new ArrayList<>();
        List<PriceLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String at = "lines[" + i + "].";
            if (d == null) {
                errors.add(new FieldError("lines[" + i + "]", "is empty; give unit, variant and base"));
                continue;
            }
            boolean unitOk = d.unit() != null && units.contains(d.unit());
            if (!unitOk) {
                errors.add(new FieldError(at + "unit", (d.unit() == null || d.unit().isBlank() ? "is required" : "unknown unit '" + d.unit() + "'")
                        + "; a " + modality + " model is priced in " + String.join(", ", units)));
            }
            String variant = d.variant() == null || d.variant().isBlank() ? null : d.variant().strip();
            boolean media = modality.equals("image") || modality.equals("video");
            boolean variantOk = true;
            if (media && variant == null) {
                variantOk = false;
                errors.add(new FieldError(at + "variant", "is required: the resolution this price is for, like 1024x1024 or 720p"));
            } else if (media && !RESOLUTION.matcher(variant).matches()) {
                variantOk = false;
                errors.add(new FieldError(at + "variant", "unknown variant '" + variant + "'; a resolution like 1024x1024 or 720p"));
            } else if (!media && variant != null) {
                variantOk = false;
                errors.add(new FieldError(at + "variant", "unknown variant '" + variant + "'; token prices have no variant, leave it out"));
            }
            if (unitOk && variantOk && !seen.add(d.unit() + "|" + variant)) {
                errors.add(new FieldError(at + "variant", "repeats " + d.unit() + (variant == null ? "" : " " + variant)
                        + "; each unit and variant has one price"));
            }
            Validated<BigDecimal> base = basePrice(at + "base", d.base());
            errors.addAll(base.errors());
            if (errors.isEmpty()) {
                lines.add(new PriceLine(d.unit(), variant, base.value(), apiPrice(base.value(), markup)));
            }
        }
        return errors.isEmpty() ? Validated.valid(List.copyOf(lines)) : Validated.invalid(errors);
    }

    /** Every line's base moved by {@code percent} (e.g. +5 or -12.5), rounded half-even to six decimals; API at {@code markup}. */
    public static List<PriceLine> adjustByPercent(List<PriceLine> card, BigDecimal percent, BigDecimal markup) {
        BigDecimal factor = HUNDRED.add(percent).movePointLeft(2);
        return card.stream().map(l -> {
            BigDecimal base = Money.normalize(l.base().multiply(factor));
            return new PriceLine(l.unit(), l.variant(), base, apiPrice(base, markup));
        }).toList();
    }

    /** The same base prices under a new markup: only the API prices move. */
    public static List<PriceLine> withMarkup(List<PriceLine> card, BigDecimal markup) {
        return card.stream().map(l -> new PriceLine(l.unit(), l.variant(), l.base(), apiPrice(l.base(), markup))).toList();
    }

    /**
     * The change from {@code before} to {@code after} in percent, {@value #PERCENT_SCALE} decimals, half-even;
     * null when {@code before} is zero (any change from a free price has no percentage).
     */
    public static BigDecimal percentChange(BigDecimal before, BigDecimal after) {
        if (before.signum() == 0) {
            return null;
        }
        return after.subtract(before).multiply(HUNDRED).divide(before, PERCENT_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * What {@code units} of usage cost at {@code pricePerUnit}, exact: token units are priced per 1M tokens, so
     * 1,234 tokens at 2.50 cost 1,234 × 2.50 / 1,000,000 = 0.003085. A charge stores {@code Money.normalize} of it.
     */
    public static BigDecimal cost(String unit, BigDecimal units, BigDecimal pricePerUnit) {
        if (units.signum() < 0) {
            throw new IllegalArgumentException("usage is never negative: " + units);
        }
        BigDecimal product = units.multiply(pricePerUnit);
        return unit.endsWith("_mtok") ? product.divide(MILLION) : product;
    }

    /** Decimals that carry a value: 2.500 has one. */
    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
