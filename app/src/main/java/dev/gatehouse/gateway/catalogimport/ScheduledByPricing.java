package dev.gatehouse.gateway.catalogimport;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceLineDraft;
import dev.gatehouse.gateway.pricing.PriceChanges;
import dev.gatehouse.policy.NoticeRule;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * Imported price changes go through the pricing feature (issue 11), like an operator's: a raise is scheduled under the
 * notice rule (DESIGN §4 "notice for changes", ai-visual-studio §18, apibox §3), a decrease applies at once, and
 * either way the model's price history and the customers' notices are kept by {@link PriceChanges}.
 */
public final class ScheduledByPricing implements CatalogImport.IncreaseScheduler {
    @Override
    public Instant effectiveAt(Instant now) {
        return NoticeRule.earliestAllowed(dev.gatehouse.policy.ChangeKind.TIGHTENING, now);
    }

    @Override
    public void schedule(Handle h, Model model, List<PriceLine> card, Instant now, String actor, String reason) {
        PriceChanges.schedule(h, model.id(), drafts(card), effectiveAt(now), reason, actor, false, now);
    }

    @Override
    public void applyNow(Handle h, Model model, List<PriceLine> card, Instant now, String actor, String reason) {
        PriceChanges.schedule(h, model.id(), drafts(card), null, reason, actor, false, now);
    }

    private static List<PriceLineDraft> drafts(List<PriceLine> card) {
        return card.stream().map(l -> new PriceLineDraft(l.unit(), l.variant(), l.base().toPlainString())).toList();
    }
}
