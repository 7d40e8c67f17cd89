package dev.gatehouse.api;

/** Something a ticket names by id: kind key (an existing key_…) or refund (a rfd_… id named in the text). */
public record TicketLink(String kind, String id) {}
