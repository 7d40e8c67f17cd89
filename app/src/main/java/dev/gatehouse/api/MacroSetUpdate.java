package dev.gatehouse.api;

import java.util.List;

/** PUT /admin/v1/macros (lead, If-Match): the whole new list, and why. */
public record MacroSetUpdate(List<Macro> macros, String reason) {}
