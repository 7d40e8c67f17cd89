package dev.gatehouse.api;

import java.math.BigDecimal;

/**
 * One line of a model's price card (DESIGN §4 "pricing units").
 * unit: input_mtok | output_mtok | image | video_second; variant: a resolution, or null.
 * base is the provider's price, api = base × markup; both in the card's currency.
 */
public record PriceLine(String unit, String variant, BigDecimal base, BigDecimal api) {}
