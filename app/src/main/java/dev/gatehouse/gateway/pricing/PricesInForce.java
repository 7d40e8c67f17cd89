package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.gateway.catalog.CatalogStore;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Pricing;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The price in force at an instant, and billing at it (issue 11: "usage is billed at the price in force when the
 * request was made"). A scheduled change counts from its effective instant even before the sweep has applied it, so a
 * gateway that was down at that moment still bills the right price.
 */
public final class PricesInForce {
    private PricesInForce() {}

    /** The model's card in force at {@code at}: a due scheduled change, else its history, else (no history) the current card. */
    public static Optional<PriceVersion> card(Handle h, String modelId, Instant at) {
        Optional<Model> model = CatalogStore.find(h, modelId);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<PriceChange> due = PriceStore.scheduled(h, modelId).stream().filter(c -> !c.effectiveAt().isAfter(at)).toList();
        if (!due.isEmpty()) {
            PriceChange c = due.get(due.size() - 1);
            return Optional.of(new PriceVersion(c.id(), c.effectiveAt(), null, c.markup(), c.id(), c.emergency(), PriceChanges.newCard(c)));
        }
        Optional<PriceVersion> version = PriceStore.versionAt(h, modelId, at);
        if (version.isPresent()) {
            return version;
        }
        if (PriceStore.hasVersions(h, modelId)) {
            return Optional.empty(); // before the model's history begins: not priced
        }
        Model m = model.get();
        return Optional.of(new PriceVersion("current", null, null, m.markup(), null, false, m.priceCard()));
    }

    /** The API price of one line in force at {@code at}. */
    public static Optional<BigDecimal> unitPrice(Handle h, String modelId, String unit, String variant, Instant at) {
        return card(h, modelId, at).flatMap(v -> v.lines().stream()
                .filter(l -> l.unit().equals(unit) && Objects.equals(l.variant(), variant))
                .map(PriceLine::api).findFirst());
    }

    /** A metered line of a request: how much of which unit and variant. */
    public record Metered(String unit, String variant, BigDecimal quantity) {}

    /** What a request was charged: the stored rows and their total. */
    public record Charge(BigDecimal total, List<UsageStore.Row> rows) {}

    /**
     * Bills a request at the prices in force at {@code at} and writes its usage rows (the data plane calls this in the
     * transaction that debits the credits). Each row's cost is quantity × unit price (per 1M for tokens), six decimals,
     * half-even. A line the card does not price is refused: the caller must not serve it.
     */
    public static Charge bill(Handle h, String requestId, String accountId, String keyId, String modelId, Instant at,
                              List<Metered> lines) {
        PriceVersion card = card(h, modelId, at).orElseThrow(() -> new IllegalArgumentException("model " + modelId + " is not priced at " + at));
        List<UsageStore.Row> rows = new ArrayList<>();
        BigDecimal total = Money.zero();
        boolean first = true;
        for (Metered m : lines) {
            BigDecimal price = card.lines().stream()
                    .filter(l -> l.unit().equals(m.unit()) && Objects.equals(l.variant(), m.variant()))
                    .map(PriceLine::api).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(modelId + " has no price for " + m.unit() + " " + m.variant()));
            BigDecimal cost = Money.normalize(Pricing.cost(m.unit(), m.quantity(), price));
            rows.add(new UsageStore.Row(requestId, accountId, keyId, modelId, at, first, m.unit(), m.variant(), m.quantity(), price, cost));
            total = total.add(cost);
            first = false;
        }
        UsageStore.insert(h, rows);
        return new Charge(total, rows);
    }

    /**
     * A charge after the volume discount in force at {@code at} (apimart §6), earned by what the account was charged
     * earlier this billing month (UTC) as its usage records show (the data plane stores discounted costs there, so this
     * is what the account paid). Six decimals, half-even. The data plane's meter does not call this per request: it
     * caches {@link VolumeDiscountStore#inForce}, keeps each account's month spend itself and calls
     * {@link dev.gatehouse.policy.VolumeDiscounts#apply} per usage line (plane/metering/CreditMeter).
     */
    public static BigDecimal discounted(Handle h, String accountId, Instant at, BigDecimal charge) {
        return VolumeDiscountStore.inForce(h, at).apply(charge, VolumeDiscountStore.spentThisMonth(h, accountId, at));
    }
}
