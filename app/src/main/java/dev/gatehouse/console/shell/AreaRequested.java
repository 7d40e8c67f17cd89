package dev.gatehouse.console.shell;

/**
 * A screen asks the shell to open another area on a subject, e.g. the Catalog opening Pricing on the selected model
 * ({@code subject} is what that area understands: here a model's slug; null: just open it). Published on the session's
 * {@link EventBus}; the shell opens the area and hands the subject to its screen ({@link Screen#show(String)}).
 */
public record AreaRequested(String areaId, String subject) {}
