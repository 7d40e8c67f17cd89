package dev.gatehouse.api;

import java.math.BigDecimal;

/** One volume-discount tier: from this much spend in the month (inclusive), charges are percent_off % cheaper. */
public record VolumeDiscountStep(BigDecimal monthlySpendFrom, BigDecimal percentOff) {}
