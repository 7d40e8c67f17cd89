package dev.gatehouse.api;

/** Body of PATCH /admin/v1/abuse-reports/{id}: a new severity; lowering it needs a lead and a reason. */
public record AbuseSeverityPatch(String severity, String reason) {}
