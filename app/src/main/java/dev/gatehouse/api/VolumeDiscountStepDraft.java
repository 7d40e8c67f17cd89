package dev.gatehouse.api;

/** A volume-discount tier as a request gives it: both decimal strings. */
public record VolumeDiscountStepDraft(String monthlySpendFrom, String percentOff) {}
