package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/accounts: an account opened by hand (an enterprise customer onboarded by support).
 * confirmDuplicate: true opens it although it looks like an existing account (409 likely-duplicate otherwise).
 */
public record NewAccount(String name, String email, String tier, String reason, Boolean confirmDuplicate) {}
