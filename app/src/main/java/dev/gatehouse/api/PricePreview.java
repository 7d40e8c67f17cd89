package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a price change would do, before it is saved (POST /admin/v1/price-changes/preview; writes nothing).
 * effectiveAt is when it would take effect (the request's, or now); earliestAllowed the latest of the models' earliest
 * allowed instants; noticeSatisfied whether every model keeps the 30-day notice at effectiveAt. previewHash goes
 * back with the commit: a catalog that changed since gives 409.
 */
public record PricePreview(String kind, Instant effectiveAt, Instant earliestAllowed, boolean noticeSatisfied,
                           boolean emergency, int modelCount, int lineCount, List<ModelPreview> models,
                           PriceImpact impact, String previewHash) {
    public PricePreview {
        models = List.copyOf(models);
    }

    /** One model of the preview: its kind, earliest allowed instant, markup old → new and every line old → new. */
    public record ModelPreview(String modelId, String modelName, String provider, String modality, String currency,
                               String kind, Instant earliestAllowed, boolean noticeSatisfied, BigDecimal oldMarkup,
                               BigDecimal markup, List<PriceChangeLine> lines) {
        public ModelPreview {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Over the last {@code windowDays} days of usage, at the old and at the new prices: accountsAffected accounts would
     * have paid delta more (or less) in total, percent of oldTotal; largest lists the biggest changes by account.
     */
    public record PriceImpact(int windowDays, int accountsWithUsage, int accountsAffected, BigDecimal oldTotal,
                              BigDecimal newTotal, BigDecimal delta, BigDecimal percent, String currency,
                              List<AccountImpact> largest, int unpricedRows) {
        public PriceImpact {
            largest = List.copyOf(largest);
        }
    }

    public record AccountImpact(String accountId, String accountName, BigDecimal oldCost, BigDecimal newCost,
                                BigDecimal delta, BigDecimal percent) {}
}
