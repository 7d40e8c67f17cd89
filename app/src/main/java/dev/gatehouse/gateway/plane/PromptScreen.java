package dev.gatehouse.gateway.plane;

import java.time.Instant;

/** Screens a prompt the plane is about to serve (the automated detectors, {@link PromptReports}). */
public interface PromptScreen {
    void screen(Caller caller, String model, String prompt, Instant now);
}
