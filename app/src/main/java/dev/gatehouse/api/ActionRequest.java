package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/accounts/{id}/actions and /admin/v1/keys/{id}/actions (and their /preview).
 * Accounts: warn | suspend | reinstate | terminate; keys: suspend | reinstate | revoke.
 * reason is required and non-blank; durationHours (suspend only) makes a suspension timed.
 */
public record ActionRequest(String action, String reason, Integer durationHours) {}
