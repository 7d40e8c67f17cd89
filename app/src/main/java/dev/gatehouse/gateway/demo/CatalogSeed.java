package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.policy.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo model catalog: the template {@code /demo/catalog/models.txt} (real providers, families and
 * list prices) expanded the way aggregators list models — dated snapshots and hosted or regional
 * duplicates. The seed decides ids, timestamps, the status of older snapshots and duplicates, and a few
 * promotional or premium markups; the same seed always yields a byte-identical catalog.
 */
public final class CatalogSeed {
    private static final String TEMPLATE = "/demo/catalog/models.txt";
    /** "catalog" in ASCII: keeps this generator's stream apart from other seeders'. */
    private static final long STREAM = 0x636174616c6f67L;
    /** The demo platform's "now" for catalog timestamps, so they never depend on the clock. */
    private static final Instant AS_OF = Instant.parse("2025-11-28T00:00:00Z");
    private static final BigDecimal DEFAULT_MARKUP = new BigDecimal("1.500000");
    private static final BigDecimal PROMO_MARKUP = new BigDecimal("1.400000");
    private static final BigDecimal PREMIUM_MARKUP = new BigDecimal("1.600000");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Where a duplicate is hosted: its name suffix, slug suffix and price factor against the list price. */
    private record Host(String label, String slugSuffix, BigDecimal factor) {}

    private static final Map<String, Host> HOSTS = Map.ofEntries(
            Map.entry("Azure", new Host("Azure", "azure", new BigDecimal("1.00"))),
            Map.entry("EU", new Host("EU data zone", "eu", new BigDecimal("1.10"))),
            Map.entry("Intl", new Host("International", "intl", new BigDecimal("1.20"))),
            Map.entry("Bedrock", new Host("Bedrock", "bedrock", new BigDecimal("1.00"))),
            Map.entry("Vertex", new Host("Vertex AI", "vertex", new BigDecimal("1.00"))),
            Map.entry("Together", new Host("Together", "together", new BigDecimal("1.00"))),
            Map.entry("Fireworks", new Host("Fireworks", "fireworks", new BigDecimal("0.90"))),
            Map.entry("Groq", new Host("Groq", "groq", new BigDecimal("0.80"))),
            Map.entry("Cerebras", new Host("Cerebras", "cerebras", new BigDecimal("1.20"))),
            Map.entry("DeepInfra", new Host("DeepInfra", "deepinfra", new BigDecimal("0.60"))),
            Map.entry("SiliconFlow", new Host("SiliconFlow", "siliconflow", new BigDecimal("0.70"))),
            Map.entry("Volcengine", new Host("Volcano Engine", "volcengine", new BigDecimal("1.00"))),
            Map.entry("fal", new Host("fal", "fal", new BigDecimal("1.00"))),
            Map.entry("Replicate", new Host("Replicate", "replicate", new BigDecimal("1.10"))));

    private CatalogSeed() {}

    /** Generates the catalog for {@code seed} and inserts it; returns how many models were seeded. */
    public static int seed(Database db, long seed) {
        List<Model> models = generate(seed);
        db.jdbi().useTransaction(h -> CatalogStore.insertAll(h, models));
        return models.size();
    }

    /** The catalog for {@code seed}, in template order. Pure: no I/O beyond reading the template. */
    public static List<Model> generate(long seed) {
        Generator g = new Generator(new Random(seed ^ STREAM));
        String provider = null;
        String slugPrefix = null;
        String family = null;
        int lineNo = 0;
        for (String raw : templateLines()) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("@provider ")) {
                    String[] p = fields(line.substring("@provider ".length()), 2);
                    provider = p[0];
                    slugPrefix = p[1];
                    family = null;
                } else if (line.startsWith("@family ")) {
                    family = line.substring("@family ".length()).strip();
                } else {
                    if (provider == null || family == null) {
                        throw new IllegalStateException("model before @provider and @family");
                    }
                    g.expand(provider, slugPrefix, family, line);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(TEMPLATE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return g.models;
    }

    private static final class Generator {
        private final Random random;
        private final List<Model> models = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Set<String> slugs = new HashSet<>();

        Generator(Random random) {
            this.random = random;
        }

        /** One template line: the model itself, then its snapshots, then its hosted duplicates. */
        void expand(String provider, String slugPrefix, String family, String line) {
            String[] f = line.split("\\|", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            String modality = f[0];
            Spec spec = switch (modality) {
                case "chat" -> tokens(f, 8, true, true);
                case "audio" -> tokens(f, 7, false, true);
                case "embedding" -> tokens(f, 6, false, false);
                case "image", "video" -> media(f, modality.equals("image") ? "image" : "video_second");
                default -> throw new IllegalArgumentException("unknown modality '" + modality + "'");
            };
            Map<String, String> options = options(spec.options);
            String status = options.getOrDefault("status", "active");
            if (!CatalogStore.STATUSES.contains(status)) {
                throw new IllegalArgumentException("unknown status '" + status + "'");
            }
            String name = f[1];
            String slug = slugPrefix + "/" + f[2];
            LocalDate released = LocalDate.parse(f[3]);

            add(provider, family, modality, name, slug, status, released, spec, BigDecimal.ONE);

            List<String> snaps = list(options.get("snap"));
            for (int i = 0; i < snaps.size(); i++) {
                String[] s = snaps.get(i).split("@", 2);
                LocalDate date = s.length == 2 ? LocalDate.parse(s[1]) : dateOf(s[0], released);
                boolean latest = i == snaps.size() - 1;
                add(provider, family, modality, name + " (" + s[0] + ")", slug + "-" + s[0],
                        snapshotStatus(status, latest), date, spec, BigDecimal.ONE);
            }
            for (String key : list(options.get("host"))) {
                Host host = HOSTS.get(key);
                if (host == null) {
                    throw new IllegalArgumentException("unknown host '" + key + "'");
                }
                add(provider, family, modality, name + " (" + host.label() + ")", slug + "-" + host.slugSuffix(),
                        duplicateStatus(status), released, spec, host.factor());
            }
        }

        private void add(String provider, String family, String modality, String name, String slug, String status,
                         LocalDate released, Spec spec, BigDecimal priceFactor) {
            if (!slugs.add(slug)) {
                throw new IllegalArgumentException("duplicate slug '" + slug + "'");
            }
            // A fixed number of draws per model, so one model's options never shift the next one's values.
            String id = newId();
            double updatedRoll = random.nextDouble();
            double markupRoll = random.nextDouble();
            BigDecimal markup = markupRoll < 0.05 ? PROMO_MARKUP : markupRoll > 0.96 ? PREMIUM_MARKUP : DEFAULT_MARKUP;

            Instant releasedAt = released.atStartOfDay(ZoneOffset.UTC).toInstant();
            long span = Math.max(1, AS_OF.getEpochSecond() - releasedAt.getEpochSecond());
            Instant updatedAt = releasedAt.plusSeconds((long) (updatedRoll * span));

            List<PriceLine> card = new ArrayList<>();
            for (Spec.Line l : spec.lines) {
                BigDecimal base = Money.normalize(l.base().multiply(priceFactor));
                card.add(new PriceLine(l.unit(), l.variant(), base, Money.applyMarkup(base, markup)));
            }
            models.add(new Model(id, slug, name, provider, family, modality, status, spec.contextWindow,
                    spec.maxOutputTokens, spec.resolutions, Money.DEFAULT_CURRENCY, markup, card, released,
                    updatedAt, 1L));
        }

        /** Older snapshots are mostly retired; the latest follows the model. */
        private String snapshotStatus(String modelStatus, boolean latest) {
            double roll = random.nextDouble();
            return switch (modelStatus) {
                case "active" -> latest ? "active" : roll < 0.70 ? "deprecated" : roll < 0.85 ? "disabled" : "active";
                case "deprecated" -> roll < 0.75 ? "deprecated" : "disabled";
                default -> "disabled";
            };
        }

        /** A few hosted duplicates are paused or being wound down. */
        private String duplicateStatus(String modelStatus) {
            double roll = random.nextDouble();
            return switch (modelStatus) {
                case "active" -> roll < 0.04 ? "disabled" : roll < 0.12 ? "deprecated" : "active";
                case "deprecated" -> roll < 0.30 ? "disabled" : "deprecated";
                default -> "disabled";
            };
        }

        private String newId() {
            while (true) {
                StringBuilder sb = new StringBuilder("mdl_");
                for (int i = 0; i < 12; i++) {
                    sb.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
                }
                if (ids.add(sb.toString())) {
                    return sb.toString();
                }
            }
        }
    }

    /** What a template line says about a model besides its names: limits, resolutions, list prices. */
    private record Spec(Integer contextWindow, Integer maxOutputTokens, List<String> resolutions, List<Line> lines,
                        String options) {
        record Line(String unit, String variant, BigDecimal base) {}
    }

    /** chat: context, max output, in, out; audio: context, in, out; embedding: context, in. */
    private static Spec tokens(String[] f, int priceFields, boolean maxOutput, boolean output) {
        int i = 4;
        Integer context = Integer.valueOf(f[i++]);
        Integer max = maxOutput ? Integer.valueOf(f[i++]) : null;
        List<Spec.Line> lines = new ArrayList<>();
        lines.add(new Spec.Line("input_mtok", null, Money.of(f[i++])));
        if (output) {
            lines.add(new Spec.Line("output_mtok", null, Money.of(f[i++])));
        }
        if (i != priceFields) {
            throw new IllegalStateException("field count");
        }
        return new Spec(context, max, List.of(), lines, f.length > i ? f[i] : "");
    }

    /** image/video: "resolution=price ..." with one price line per resolution. */
    private static Spec media(String[] f, String unit) {
        List<String> resolutions = new ArrayList<>();
        List<Spec.Line> lines = new ArrayList<>();
        for (String pair : f[4].split("\\s+")) {
            String[] rp = pair.split("=", 2);
            if (rp.length != 2) {
                throw new IllegalArgumentException("expected resolution=price, got '" + pair + "'");
            }
            resolutions.add(rp[0]);
            lines.add(new Spec.Line(unit, rp[0], Money.of(rp[1])));
        }
        return new Spec(null, null, resolutions, lines, f.length > 5 ? f[5] : "");
    }

    private static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String opt : text.isBlank() ? new String[0] : text.strip().split("\\s+")) {
            String[] kv = opt.split("=", 2);
            if (kv.length != 2 || !Set.of("snap", "host", "status").contains(kv[0])) {
                throw new IllegalArgumentException("unknown option '" + opt + "'");
            }
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    /** The date a snapshot suffix spells (2024-08-06 or 20241022); otherwise the model's release. */
    private static LocalDate dateOf(String suffix, LocalDate fallback) {
        try {
            return LocalDate.parse(suffix);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(suffix, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    private static String[] fields(String text, int n) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != n) {
            throw new IllegalArgumentException("expected " + n + " fields");
        }
        for (int i = 0; i < n; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static List<String> templateLines() {
        InputStream in = CatalogSeed.class.getResourceAsStream(TEMPLATE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + TEMPLATE);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
