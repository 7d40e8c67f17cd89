package dev.gatehouse.api;

/**
 * Who filed an abuse report: kind external (contact set), automated (detector set) or internal (operatorId set,
 * the operator who filed it). On intake operatorId is not sent: it is the signed-in operator.
 */
public record AbuseReporter(String kind, String contact, String detector, String operatorId) {}
