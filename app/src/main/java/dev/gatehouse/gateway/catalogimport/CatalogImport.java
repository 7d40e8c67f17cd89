package dev.gatehouse.gateway.catalogimport;

import dev.gatehouse.api.CatalogImportLine;
import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.crypto.Sha256;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.ChangeKind;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.PriceDiff;
import dev.gatehouse.policy.Pricing;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing a parsed catalog file does to the catalog (issue 13), worked out as a plan before anything is
 * written: new models are added; an existing model (same slug) gets its descriptive fields and any price decrease at
 * once, while a price increase is scheduled under the notice rule (DESIGN §4 "notice for changes", ai-visual-studio
 * §18, apibox §3), never applied; entries that cannot be imported are reported with the reason. The preview is the
 * plan; committing re-plans in the writing transaction and writes only if the plan's hash is the one previewed.
 */
public final class CatalogImport {
    /** How a price increase on an existing model is scheduled; empty when this gateway cannot schedule one. */
    public interface IncreaseScheduler {
        /** When an increase scheduled at {@code now} takes effect. */
        Instant effectiveAt(Instant now);

        /** Schedules {@code card} as the model's price card from {@link #effectiveAt}, in the caller's transaction. */
        void schedule(Handle h, Model model, List<PriceLine> card, Instant now, String actor, String reason);

        /** Puts a card that raises no price in force at once, keeping the model's price history. */
        void applyNow(Handle h, Model model, List<PriceLine> card, Instant now, String actor, String reason);
    }

    /** One entry's write: a new model, an existing one's new description and card, or nothing. */
    record Write(String slug, Model model, boolean isNew, boolean describe, List<PriceLine> applyCard, List<PriceLine> scheduleCard) {}

    /** The preview and the writes it stands for. */
    public record Plan(CatalogImportPreview preview, List<Write> writes) {}

    private CatalogImport() {}

    /** {@code lock}: lock the models the file names, for a plan that is about to be written. */
    public static Plan plan(Handle h, CatalogFile.Parsed parsed, Instant now, BigDecimal defaultMarkup,
                            Optional<IncreaseScheduler> scheduler, boolean lock) {
        Map<String, String> ids = CatalogImportStore.idsBySlug(h);
        if (lock) {
            CatalogImportStore.lock(h, parsed.entries().stream().map(e -> ids.get(e.slug())).filter(Objects::nonNull).toList());
        }
        boolean litellm = "litellm".equals(parsed.format());
        List<CatalogImportLine> lines = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        StringBuilder digest = new StringBuilder(parsed.format()).append('\n');
        int[] counts = new int[5];
        for (CatalogFile.Entry e : parsed.entries()) {
            CatalogImportLine line;
            if (e.model() == null) {
                line = new CatalogImportLine(e.line(), e.slug(), "unsupported", null, List.of(), e.unsupported());
            } else if (!ids.containsKey(e.slug())) {
                Model m = newModel(e.model(), now, defaultMarkup);
                writes.add(new Write(e.slug(), m, true, false, null, null));
                line = new CatalogImportLine(e.line(), e.slug(), "new", m.modality(), List.of(describeNew(m)), null);
            } else {
                Model existing = CatalogStore.find(h, ids.get(e.slug())).orElseThrow();
                digest.append(existing.id()).append('@').append(existing.version()).append('\n');
                line = existing(e, existing, litellm, now, scheduler, writes);
            }
            counts[switch (line.outcome()) { case "new" -> 0; case "changed" -> 1; case "unchanged" -> 2; default -> 3; }]++;
            if (line.changes().stream().anyMatch(c -> c.contains("scheduled"))) {
                counts[4]++;
            }
            lines.add(line);
            digest.append(line.line()).append('|').append(line.slug()).append('|').append(line.outcome()).append('|')
                    .append(line.modality()).append('|').append(String.join(";", line.changes())).append('|')
                    .append(line.reason()).append('\n');
        }
        String hash = Sha256.of(digest.toString());
        return new Plan(new CatalogImportPreview(parsed.format(), hash, counts[0], counts[1], counts[2], counts[3], counts[4], lines,
                null), writes);
    }

    private static CatalogImportLine existing(CatalogFile.Entry e, Model existing, boolean litellm, Instant now,
                                              Optional<IncreaseScheduler> scheduler, List<Write> writes) {
        CatalogFile.Imported in = e.model();
        if (!existing.modality().equals(in.modality())) {
            return new CatalogImportLine(e.line(), e.slug(), "unsupported", existing.modality(), List.of(),
                    "is a " + existing.modality() + " model here and " + in.modality() + " in the file; an import does not change a modality");
        }
        List<String> changes = new ArrayList<>();
        // a LiteLLM name is only its key: keep the catalog's own name and family, take the limits and prices
        String name = litellm ? existing.name() : in.name();
        String family = litellm ? existing.family() : in.family();
        Integer context = in.contextWindow() == null ? existing.contextWindow() : in.contextWindow();
        Integer maxOut = in.maxOutputTokens() == null ? existing.maxOutputTokens() : in.maxOutputTokens();
        List<String> resolutions = in.resolutions().isEmpty() ? existing.resolutions() : in.resolutions();
        field(changes, "name", existing.name(), name);
        field(changes, "family", existing.family(), family);
        field(changes, "context window", existing.contextWindow(), context);
        field(changes, "max output tokens", existing.maxOutputTokens(), maxOut);
        field(changes, "resolutions", String.join(", ", existing.resolutions()), String.join(", ", resolutions));
        boolean describe = !changes.isEmpty();
        List<PriceLine> card = merged(existing, in.baseLines());
        PriceDiff diff = PriceDiff.of(existing.priceCard(), card);
        List<PriceLine> apply = null;
        List<PriceLine> schedule = null;
        if (diff.kind() == ChangeKind.EASING) {
            apply = card;
            diff.lines().stream().filter(l -> !l.change().equals("same")).forEach(l -> changes.add(priceChange(l) + ", applied now"));
        } else if (diff.kind().needsNotice()) {
            String raised = String.join("; ", diff.lines().stream().filter(l -> !l.change().equals("same")).map(CatalogImport::priceChange).toList());
            if (scheduler.isEmpty()) {
                return new CatalogImportLine(e.line(), e.slug(), "unsupported", existing.modality(), List.of(),
                        "raises a price (" + raised + "): an increase needs 30 days' notice, and scheduling one is not "
                                + "available on this gateway; schedule it on the Pricing screen instead");
            }
            schedule = card;
            // the day, not the instant: the import re-plans a moment later and must describe the same outcome
            changes.add(raised + ", scheduled for " + LocalDate.ofInstant(scheduler.get().effectiveAt(now), ZoneOffset.UTC)
                    + " (30 days' notice), not applied now");
        }
        if (changes.isEmpty()) {
            return new CatalogImportLine(e.line(), e.slug(), "unchanged", existing.modality(), List.of(), null);
        }
        Model described = new Model(existing.id(), existing.slug(), name, existing.provider(), family, existing.modality(),
                existing.status(), context, maxOut, resolutions, existing.currency(), existing.markup(), existing.priceCard(),
                existing.released(), existing.updatedAt(), existing.version());
        writes.add(new Write(e.slug(), described, false, describe, apply, schedule));
        return new CatalogImportLine(e.line(), e.slug(), "changed", existing.modality(), changes, null);
    }

    /** The existing card with the file's lines in place of the same unit and variant, new ones after; API = base × markup. */
    private static List<PriceLine> merged(Model existing, List<PriceLine> fileLines) {
        Map<String, PriceLine> card = new LinkedHashMap<>();
        existing.priceCard().forEach(l -> card.put(l.unit() + "|" + Objects.toString(l.variant(), ""), l));
        for (PriceLine l : fileLines) {
            card.put(l.unit() + "|" + Objects.toString(l.variant(), ""),
                    new PriceLine(l.unit(), l.variant(), l.base(), Pricing.apiPrice(l.base(), existing.markup())));
        }
        return List.copyOf(card.values());
    }

    private static String priceChange(PriceDiff.LineChange l) {
        String what = l.unit() + (l.variant() == null ? "" : " " + l.variant());
        if (l.before() == null) {
            return what + " added at " + l.after().api().toPlainString();
        }
        return what + " " + l.before().api().toPlainString() + " → " + l.after().api().toPlainString()
                + (l.percent() == null ? "" : " (" + (l.percent().signum() > 0 ? "+" : "") + l.percent().toPlainString() + " %)");
    }

    private static void field(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
        }
    }

    private static Model newModel(CatalogFile.Imported in, Instant now, BigDecimal defaultMarkup) {
        BigDecimal markup = in.markup() == null ? Money.normalize(defaultMarkup) : in.markup();
        List<PriceLine> card = in.baseLines().stream()
                .map(l -> new PriceLine(l.unit(), l.variant(), l.base(), Pricing.apiPrice(l.base(), markup))).toList();
        LocalDate released = in.released() == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : in.released();
        return new Model(null, in.slug(), in.name(), in.provider(), in.family(), in.modality(), in.status(), in.contextWindow(),
                in.maxOutputTokens(), in.resolutions(), Money.DEFAULT_CURRENCY, markup, card, released, now, 1);
    }

    private static String describeNew(Model m) {
        StringBuilder sb = new StringBuilder("new " + m.modality() + " model by " + m.provider() + ": ");
        List<String> prices = m.priceCard().stream().map(l -> l.unit() + (l.variant() == null ? "" : " " + l.variant()) + " "
                + l.base().toPlainString() + " base, " + l.api().toPlainString() + " API").toList();
        sb.append(String.join("; ", prices)).append(" (markup ").append(m.markup().stripTrailingZeros().toPlainString()).append(')');
        if (m.contextWindow() != null) {
            sb.append(", context ").append(m.contextWindow());
        }
        return sb.toString();
    }

    /** Writes exactly the plan, in the caller's transaction (which has re-planned and checked the hash). */
    public static void write(Handle h, Plan plan, Instant now, String actor, String reason, Optional<IncreaseScheduler> scheduler) {
        List<Model> added = new ArrayList<>();
        for (Write w : plan.writes()) {
            if (w.isNew()) {
                Model m = w.model();
                added.add(new Model(PrefixedIds.next("mdl_", now), m.slug(), m.name(), m.provider(), m.family(), m.modality(), m.status(),
                        m.contextWindow(), m.maxOutputTokens(), m.resolutions(), m.currency(), m.markup(), m.priceCard(), m.released(),
                        now, 1));
                continue;
            }
            if (w.describe()) {
                CatalogImportStore.updateDescription(h, w.model(), now);
            }
            if (w.applyCard() != null) {
                if (scheduler.isPresent()) {
                    scheduler.get().applyNow(h, w.model(), w.applyCard(), now, actor, reason);
                } else {
                    CatalogImportStore.replacePriceCard(h, w.model().id(), w.applyCard(), now);
                }
            }
            if (w.scheduleCard() != null) {
                scheduler.orElseThrow().schedule(h, w.model(), w.scheduleCard(), now, actor, reason);
            }
        }
        CatalogStore.insertAll(h, added);
    }
}
