package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.gateway.pricing.PriceStore;
import dev.gatehouse.gateway.pricing.PricesInForce;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The price cards in force, cached per model so a request is priced without the database. An entry holds the card in
 * force from the instant it was read until the model's next scheduled change takes effect, so billing follows a
 * scheduled change at its effective instant (issue 11) even before the sweep applies it. Any audited mutation (price
 * changes, catalog edits) moves {@link #invalidate the generation}; entries of an older generation are read again.
 */
final class PriceCards {
    /** A card and the instants [from, until) it answers for; until null: no change scheduled. */
    private record Entry(long generation, Instant from, Instant until, Optional<PriceVersion> card) {
        boolean answers(long gen, Instant at) {
            return gen == generation && !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    private final Jdbi jdbi;
    private final ConcurrentHashMap<String, Entry> cards = new ConcurrentHashMap<>();
    private volatile long generation;

    PriceCards(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Forgets every card (the catalog or a price may have changed). */
    void invalidate() {
        generation++;
    }

    /** The model's card in force at {@code at}; empty when the model is unknown or not priced then. */
    Optional<PriceVersion> card(String modelId, Instant at) {
        long gen = generation;
        Entry e = cards.get(modelId);
        if (e != null && e.answers(gen, at)) {
            return e.card();
        }
        Entry loaded = jdbi.withHandle(h -> {
            Optional<PriceVersion> card = PricesInForce.card(h, modelId, at);
            Instant until = PriceStore.scheduled(h, modelId).stream().map(PriceChange::effectiveAt)
                    .filter(t -> t.isAfter(at)).min(Instant::compareTo).orElse(null);
            // a card without a start (the catalog's card, no history) answers for any earlier instant too
            Instant from = card.map(PriceVersion::validFrom).filter(t -> !t.isAfter(at)).orElse(card.isPresent()
                    && card.get().validFrom() == null ? Instant.MIN : at);
            if (card.isPresent() && card.get().validTo() != null && (until == null || card.get().validTo().isBefore(until))) {
                until = card.get().validTo();
            }
            return new Entry(gen, from, until, card);
        });
        cards.put(modelId, loaded);
        return loaded.card();
    }

    /** The API price of one line of the card, if the card prices it. */
    static Optional<PriceLine> line(PriceVersion card, String unit, String variant) {
        return card.lines().stream().filter(l -> l.unit().equals(unit) && java.util.Objects.equals(l.variant(), variant)).findFirst();
    }

    /** Cards cached, for tests. */
    List<String> cached() {
        return List.copyOf(cards.keySet());
    }
}
