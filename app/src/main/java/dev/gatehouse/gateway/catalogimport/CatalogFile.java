package dev.gatehouse.gateway.catalogimport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.Problem.FieldError;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.Validated;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a catalog file (issue 13) in one of two formats, entry by entry, keeping each entry's line in the file:
 * <ul>
 *   <li>{@code gatehouse}: this project's own catalog JSON, the shape {@code GET /admin/v1/models} answers
 *       ({@code {"data": [model, …]}}, or {@code "models"}), so one platform's catalog imports into another;</li>
 *   <li>{@code litellm}: the shape of LiteLLM's {@code model_prices_and_context_window.json}, an object keyed by model
 *       name with {@code litellm_provider}, {@code mode}, {@code max_input_tokens}, {@code input_cost_per_token},
 *       {@code output_cost_per_token}, {@code output_cost_per_image} and per-second video costs. A per-token cost is
 *       converted exactly to a per-1M-token price (BigDecimal, decimal point moved six places; never a double).</li>
 * </ul>
 * A malformed entry (a wrong type, a negative or huge cost, an unknown mode) is an error on its line; an entry that is
 * well-formed but has no place in this catalog (a rerank model, a price per pixel) is unsupported, with the reason.
 */
public final class CatalogFile {
    public static final Set<String> FORMATS = Set.of("gatehouse", "litellm");
    static final int MAX_ENTRIES = 20_000;
    static final int MAX_ERRORS = 200;
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
    /** LiteLLM's modes that this catalog has a pricing unit for, and the rest it knows but cannot price. */
    private static final Map<String, String> LITELLM_MODALITY = Map.of("chat", "chat", "completion", "chat", "responses", "chat",
            "embedding", "embedding", "image_generation", "image", "video_generation", "video",
            "audio_transcription", "audio", "audio_speech", "audio");
    private static final Set<String> LITELLM_KNOWN_UNPRICED = Set.of("moderation", "moderations", "rerank", "search", "ocr",
            "realtime", "image_edit", "vector_store", "assistant");
    private static final List<String> LITELLM_NUMBERS = List.of("input_cost_per_token", "output_cost_per_token",
            "output_cost_per_image", "output_cost_per_second", "output_cost_per_video_per_second", "input_cost_per_second");
    private static final List<String> LITELLM_INTEGERS = List.of("max_input_tokens", "max_output_tokens", "max_tokens");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_NESTING_DEPTH)
                            .maxNumberLength(Json.MAX_NUMBER_LENGTH).maxStringLength(Json.MAX_STRING_LENGTH).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /** A model as the file describes it: base prices (the provider's), no id; markup and released when the file has them. */
    public record Imported(String slug, String name, String provider, String family, String modality, String status,
                           Integer contextWindow, Integer maxOutputTokens, List<String> resolutions, BigDecimal markup,
                           LocalDate released, List<PriceLine> baseLines) {}

    /** One entry of the file: its line, its key (slug), and either the model or why it is unsupported. */
    public record Entry(int line, String slug, Imported model, String unsupported) {}

    /** The file read: its format, its entries, and the errors (each naming its line) that make it malformed. */
    public record Parsed(String format, List<Entry> entries, List<FieldError> errors) {}

    private CatalogFile() {}

    /** {@code format}: gatehouse, litellm, or null to tell from the content. */
    public static Parsed parse(String content, String format) {
        List<FieldError> errors = new ArrayList<>();
        if (content == null || content.isBlank()) {
            return new Parsed(format, List.of(), List.of(new FieldError("content", "is empty: send the catalog file's text")));
        }
        if (format != null && !FORMATS.contains(format)) {
            return new Parsed(format, List.of(), List.of(new FieldError("format", "must be gatehouse or litellm (or left out)")));
        }
        List<Raw> raws = new ArrayList<>();
        String detected;
        try (JsonParser p = MAPPER.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Parsed(format, List.of(), List.of(new FieldError("line 1", "the file must be a JSON object: "
                        + "{\"data\": [...]} for a Gatehouse catalog, or LiteLLM's {\"model-name\": {...}, ...}")));
            }
            detected = readTop(p, format, raws);
            if (p.nextToken() != null) {
                errors.add(new FieldError("line " + p.currentLocation().getLineNr(), "unexpected content after the JSON object"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed(format, List.of(), List.of(new FieldError("line " + Math.max(line, 1),
                    "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            return new Parsed(format, List.of(), List.of(new FieldError("content", "cannot be read: " + e.getMessage())));
        } catch (TooMany e) {
            return new Parsed(format, List.of(), List.of(new FieldError("content", "has more than " + MAX_ENTRIES
                    + " entries; split the file")));
        }
        if (detected == null) {
            return new Parsed(format, List.of(), List.of(new FieldError("line 1", "a Gatehouse catalog has a \"data\" (or "
                    + "\"models\") array of models; this object has none")));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Raw raw : raws) {
            List<FieldError> entryErrors = new ArrayList<>();
            Entry e = detected.equals("litellm") ? litellm(raw, entryErrors) : gatehouse(raw, entryErrors);
            if (e != null && e.slug() != null) {
                Integer first = seen.putIfAbsent(e.slug(), raw.line);
                if (first != null) {
                    entryErrors.add(err(raw, "slug", "'" + e.slug() + "' appears again (first on line " + first + ")"));
                }
            }
            if (entryErrors.isEmpty()) {
                entries.add(e);
            } else if (errors.size() < MAX_ERRORS) {
                errors.addAll(entryErrors.subList(0, Math.min(entryErrors.size(), MAX_ERRORS - errors.size())));
            }
        }
        return new Parsed(detected, entries, errors);
    }

    private record Raw(int line, String key, JsonNode node) {}

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    /** Reads the top object into raw entries with their lines; answers the format, or null for no usable shape. */
    private static String readTop(JsonParser p, String format, List<Raw> raws) throws IOException {
        String detected = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            boolean ownArray = (name.equals("data") || name.equals("models")) && value == JsonToken.START_ARRAY;
            if (ownArray && !"litellm".equals(format)) {
                detected = "gatehouse";
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = p.currentTokenLocation().getLineNr();
                    add(raws, new Raw(line, null, MAPPER.readTree(p)));
                }
            } else if (!"gatehouse".equals(format) && !"gatehouse".equals(detected)) {
                int line = p.currentTokenLocation().getLineNr();
                add(raws, new Raw(line, name, MAPPER.readTree(p)));
                if (detected == null && value == JsonToken.START_OBJECT) {
                    detected = "litellm";
                }
            } else {
                p.skipChildren();
            }
        }
        if ("gatehouse".equals(detected)) {
            raws.removeIf(r -> r.key != null);
        }
        if (detected == null && "litellm".equals(format)) {
            detected = "litellm";
        }
        return detected;
    }

    private static void add(List<Raw> raws, Raw raw) {
        if (raws.size() >= MAX_ENTRIES) {
            throw new TooMany();
        }
        raws.add(raw);
    }

    // ---- LiteLLM ------------------------------------------------------------------------------------------

    private static Entry litellm(Raw raw, List<FieldError> errors) {
        String key = raw.key;
        if (!raw.node.isObject()) {
            errors.add(err(raw, "", "must be an object of model fields, got " + kind(raw.node)));
            return null;
        }
        if (key.equals("sample_spec")) {
            return new Entry(raw.line, key, null, "LiteLLM's description of its fields, not a model");
        }
        JsonNode n = raw.node;
        String provider = text(raw, n, "litellm_provider", errors);
        String mode = text(raw, n, "mode", errors);
        Map<String, BigDecimal> costs = new HashMap<>();
        for (String f : LITELLM_NUMBERS) {
            BigDecimal v = number(raw, n, f, errors);
            if (v != null) {
                costs.put(f, v);
            }
        }
        Map<String, Integer> ints = new HashMap<>();
        for (String f : LITELLM_INTEGERS) {
            Integer v = integer(raw, n, f, errors);
            if (v != null) {
                ints.put(f, v);
            }
        }
        if (mode != null && !LITELLM_MODALITY.containsKey(mode) && !LITELLM_KNOWN_UNPRICED.contains(mode)) {
            errors.add(err(raw, "mode", "unknown mode '" + mode + "'; LiteLLM's modes are chat, completion, responses, embedding, "
                    + "image_generation, video_generation, audio_transcription, audio_speech, moderation, rerank, …"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        if (!SLUG.matcher(key).matches()) {
            return new Entry(raw.line, null, null, "the name '" + abbreviate(key) + "' cannot be a model slug "
                    + "(letters, digits and . _ : / @ + -, at most 200)");
        }
        if (mode == null) {
            return new Entry(raw.line, key, null, "no mode: cannot tell chat from image or video");
        }
        if (provider == null || provider.isBlank()) {
            return new Entry(raw.line, key, null, "no litellm_provider");
        }
        String modality = LITELLM_MODALITY.get(mode);
        if (modality == null) {
            return new Entry(raw.line, key, null, "mode '" + mode + "' has no pricing unit in this catalog "
                    + "(chat, embedding and audio per 1M tokens, images per image, video per second)");
        }
        List<PriceLine> lines = new ArrayList<>();
        String why = switch (modality) {
            case "chat", "audio" -> perMillion(costs, "input_cost_per_token", "input_mtok", lines)
                    + perMillion(costs, "output_cost_per_token", "output_mtok", lines);
            case "embedding" -> perMillion(costs, "input_cost_per_token", "input_mtok", lines);
            case "image" -> asIs(costs, "output_cost_per_image", "image", lines);
            default -> costs.containsKey("output_cost_per_second") ? asIs(costs, "output_cost_per_second", "video_second", lines)
                    : asIs(costs, "output_cost_per_video_per_second", "video_second", lines);
        };
        if (!why.isEmpty()) {
            return new Entry(raw.line, key, null, why.strip());
        }
        Integer context = ints.containsKey("max_input_tokens") ? ints.get("max_input_tokens") : ints.get("max_tokens");
        Integer maxOut = ints.get("max_output_tokens");
        boolean tokens = !modality.equals("image") && !modality.equals("video");
        String name = key.contains("/") ? key.substring(key.lastIndexOf('/') + 1) : key;
        if (name.isEmpty()) {
            name = key;
        }
        return new Entry(raw.line, key, new Imported(key, abbreviate(name, 200), abbreviate(provider, 100), abbreviate(provider, 100),
                modality, "active", tokens && context != null && context > 0 ? context : null,
                tokens && maxOut != null && maxOut > 0 ? maxOut : null, List.of(), null, null, lines), null);
    }

    /** A per-token cost as an exact per-1M-token base price; "" when added, else why not (with a trailing space). */
    private static String perMillion(Map<String, BigDecimal> costs, String field, String unit, List<PriceLine> lines) {
        BigDecimal perToken = costs.get(field);
        if (perToken == null) {
            return "no " + field + " ";
        }
        return add(field, perToken.movePointRight(6), unit, lines);
    }

    private static String asIs(Map<String, BigDecimal> costs, String field, String unit, List<PriceLine> lines) {
        BigDecimal cost = costs.get(field);
        if (cost == null) {
            return "no " + field + " (priced another way, e.g. per pixel or per character, which has no unit here) ";
        }
        return add(field, cost, unit, lines);
    }

    private static String add(String field, BigDecimal base, String unit, List<PriceLine> lines) {
        BigDecimal exact = base.stripTrailingZeros();
        if (Math.max(0, exact.scale()) > Money.SCALE) {
            return field + " " + base.toPlainString() + " per " + (unit.endsWith("mtok") ? "1M tokens" : "unit")
                    + " has more than " + Money.SCALE + " decimals, which prices cannot hold exactly ";
        }
        lines.add(new PriceLine(unit, null, Money.normalize(exact), null));
        return "";
    }

    // ---- Gatehouse ----------------------------------------------------------------------------------------

    private static Entry gatehouse(Raw raw, List<FieldError> errors) {
        if (!raw.node.isObject()) {
            errors.add(err(raw, "", "must be a model object, got " + kind(raw.node)));
            return null;
        }
        JsonNode n = raw.node;
        String slug = text(raw, n, "slug", errors);
        String name = text(raw, n, "name", errors);
        String provider = text(raw, n, "provider", errors);
        String family = text(raw, n, "family", errors);
        String modality = text(raw, n, "modality", errors);
        String status = text(raw, n, "status", errors);
        String currency = text(raw, n, "currency", errors);
        String releasedText = text(raw, n, "released", errors);
        Integer context = integer(raw, n, "context_window", errors);
        Integer maxOut = integer(raw, n, "max_output_tokens", errors);
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(err(raw, "slug", "is required: letters, digits and . _ : / @ + -, at most 200"));
        }
        for (Object[] f : new Object[][] {{"name", name, 200}, {"provider", provider, 100}}) {
            String v = (String) f[1];
            if (v == null || v.isBlank() || v.length() > (int) f[2]) {
                errors.add(err(raw, (String) f[0], "is required, 1 to " + f[2] + " characters"));
            }
        }
        if (family != null && family.length() > 100) {
            errors.add(err(raw, "family", "must be at most 100 characters"));
        }
        if (modality == null || !Pricing.UNITS.containsKey(modality)) {
            errors.add(err(raw, "modality", "must be one of chat, image, video, embedding, audio"));
        }
        if (status != null && !List.of("active", "deprecated", "disabled").contains(status)) {
            errors.add(err(raw, "status", "must be active, deprecated or disabled"));
        }
        if (context != null && context <= 0 || maxOut != null && maxOut <= 0) {
            errors.add(err(raw, context != null && context <= 0 ? "context_window" : "max_output_tokens", "must be positive"));
        }
        LocalDate released = null;
        if (releasedText != null) {
            try {
                released = LocalDate.parse(releasedText);
            } catch (DateTimeParseException e) {
                errors.add(err(raw, "released", "must be a date like 2025-08-07"));
            }
        }
        BigDecimal markup = null;
        JsonNode m = n.get("markup");
        if (m != null && !m.isNull()) {
            Validated<BigDecimal> v = m.isNumber() || m.isTextual() ? Pricing.markup(field(raw, "markup"), m.asText())
                    : Validated.invalid(field(raw, "markup"), "must be a decimal string like \"1.5\"");
            errors.addAll(v.errors());
            markup = v.value();
        }
        List<String> resolutions = new ArrayList<>();
        JsonNode res = n.get("resolutions");
        if (res != null && !res.isNull()) {
            if (!res.isArray()) {
                errors.add(err(raw, "resolutions", "must be an array of strings like \"1024x1024\""));
            } else {
                res.forEach(r -> {
                    if (r.isTextual() && r.asText().length() <= 40) {
                        resolutions.add(r.asText());
                    } else {
                        errors.add(err(raw, "resolutions", "must hold strings like \"1024x1024\""));
                    }
                });
            }
        }
        List<PriceLine> lines = new ArrayList<>();
        JsonNode card = n.get("price_card");
        if (card == null || !card.isArray() || card.isEmpty()) {
            errors.add(err(raw, "price_card", "is required: [{\"unit\": \"input_mtok\", \"base\": \"2.50\"}, …]"));
        } else {
            int i = 0;
            for (JsonNode l : card) {
                String f = "price_card[" + i++ + "]";
                if (!l.isObject()) {
                    errors.add(err(raw, f, "must be an object with unit, variant and base"));
                    continue;
                }
                JsonNode unit = l.get("unit");
                JsonNode variant = l.get("variant");
                JsonNode base = l.get("base");
                List<String> units = modality == null ? List.of() : Pricing.UNITS.getOrDefault(modality, List.of());
                if (unit == null || !unit.isTextual() || !units.contains(unit.asText())) {
                    errors.add(err(raw, f + ".unit", "must be one of " + (units.isEmpty() ? "the modality's units" : String.join(", ", units))));
                    continue;
                }
                if (variant != null && !variant.isNull() && (!variant.isTextual() || variant.asText().length() > 40)) {
                    errors.add(err(raw, f + ".variant", "must be a resolution like \"1024x1024\", or null"));
                    continue;
                }
                Validated<BigDecimal> b = base == null || !(base.isTextual() || base.isNumber())
                        ? Validated.invalid(field(raw, f + ".base"), "is required: a decimal string like \"2.50\"")
                        : Pricing.basePrice(field(raw, f + ".base"), base.isNumber() ? base.decimalValue() : parseOrNull(base.asText()));
                errors.addAll(b.errors());
                if (b.isValid()) {
                    lines.add(new PriceLine(unit.asText(), variant == null || variant.isNull() ? null : variant.asText(), b.value(), null));
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        if (currency != null && !currency.equals(Money.DEFAULT_CURRENCY)) {
            return new Entry(raw.line, slug, null, "priced in " + currency + "; this platform bills " + Money.DEFAULT_CURRENCY);
        }
        return new Entry(raw.line, slug, new Imported(slug, name.strip(), provider.strip(),
                family == null || family.isBlank() ? provider.strip() : family.strip(), modality, status == null ? "active" : status,
                context, maxOut, resolutions, markup, released, lines), null);
    }

    private static BigDecimal parseOrNull(String text) {
        Validated<BigDecimal> v = Pricing.decimal("base", text);
        return v.isValid() ? v.value() : BigDecimal.valueOf(-1);
    }

    // ---- field readers ------------------------------------------------------------------------------------

    private static String text(Raw raw, JsonNode n, String f, List<FieldError> errors) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(err(raw, f, "must be a string, got " + kind(v)));
            return null;
        }
        if (v.asText().length() > 1000) {
            errors.add(err(raw, f, "is longer than 1000 characters"));
            return null;
        }
        return v.asText();
    }

    private static BigDecimal number(Raw raw, JsonNode n, String f, List<FieldError> errors) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            errors.add(err(raw, f, "must be a number, got " + kind(v)));
            return null;
        }
        BigDecimal d = v.decimalValue();
        if (d.signum() < 0) {
            errors.add(err(raw, f, "must not be negative, got " + d.toPlainString()));
            return null;
        }
        // a per-token cost becomes per 1M: the converted price must stay within the catalog's bounds
        BigDecimal scaled = f.endsWith("_per_token") ? d.movePointRight(6) : d;
        if (scaled.compareTo(Pricing.MAX_BASE) > 0) {
            errors.add(err(raw, f, "is too large: " + abbreviate(d.toString()) + (f.endsWith("_per_token") ? " per token is "
                    + abbreviate(scaled.toString()) + " per 1M tokens" : "") + ", above " + Pricing.MAX_BASE.toPlainString()));
            return null;
        }
        return d;
    }

    private static Integer integer(Raw raw, JsonNode n, String f, List<FieldError> errors) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            errors.add(err(raw, f, "must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + abbreviate(v.toString())));
            return null;
        }
        return v.intValue();
    }

    private static FieldError err(Raw raw, String field, String message) {
        return new FieldError(field(raw, field), message);
    }

    /** "line 12 gpt-4o.mode": where in the file, and which field. */
    private static String field(Raw raw, String field) {
        String where = "line " + raw.line + (raw.key == null ? "" : " " + abbreviate(raw.key));
        return field.isEmpty() ? where : where + (raw.key == null ? " " : ".") + field;
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isArray() ? "an array"
                : v.isObject() ? "an object" : "null";
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
