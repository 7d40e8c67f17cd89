package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/models/import/preview and /models/import: the catalog file's text and its format (gatehouse |
 * litellm; null: told from the content); for the import also the previewHash its preview answered, and why.
 */
public record CatalogImportRequest(String format, String content, String previewHash, String reason) {}
