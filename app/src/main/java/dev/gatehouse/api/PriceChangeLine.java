package dev.gatehouse.api;

import java.math.BigDecimal;

/**
 * One line of a price change, old → new. oldBase/oldApi are null for an added line; percent is the change of the API
 * price (null for an added line or from a free price); change: added | removed | raised | lowered | same.
 */
public record PriceChangeLine(String unit, String variant, BigDecimal oldBase, BigDecimal oldApi, BigDecimal base,
                              BigDecimal api, BigDecimal percent, String change) {}
