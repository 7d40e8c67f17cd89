package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Issuing an API key to an account (issue 12 item 0): after a compromise, support or trust-and-safety issues the customer
 * a replacement (ai-visual-studio §3). Live and test keys (ai-visual-studio §2). The gateway enforces these checks; the
 * console runs them before it sends, so the dialog shows the same messages inline.
 */
public final class KeyIssuance {
    public static final int MAX_NAME_LENGTH = 200;
    public static final Set<String> MODES = Set.of("live", "test");

    private KeyIssuance() {}

    /** A key request that passed the checks: the name trimmed, the reason trimmed. */
    public record Draft(String name, String mode, Instant expiresAt, String reason) {}

    /** Name 1–200 characters on one line, mode live or test, an expiry (if any) in the future, and a reason. */
    public static Validated<Draft> check(String name, String mode, Instant expiresAt, String reason, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME_LENGTH + " characters, e.g. \"production replacement\""));
        } else if (n.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must be one line of text, without tabs or line breaks"));
        }
        if (mode == null || !MODES.contains(mode)) {
            errors.add(new FieldError("mode", "must be live or test"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expires_at", "must be in the future (now is " + now + "); leave it out for a key that does not expire"));
        }
        Enforcement.reasonProblem(reason).ifPresent(m -> errors.add(new FieldError("reason", m)));
        return errors.isEmpty() ? Validated.valid(new Draft(n, mode, expiresAt, reason.trim())) : Validated.invalid(errors);
    }

    /**
     * Whether an account in {@code status} may get a new key: not once terminated, since terminating revoked every key
     * at once and is final (ai-visual-studio §15 "Effect of Termination"). A suspended account may: its new key is refused
     * by the data plane like the others until the account is reinstated.
     */
    public static Ruling forAccount(AccountStatus status) {
        return status.isFinal()
                ? Ruling.refuse("The account is terminated, which is final (ai-visual-studio §15): it gets no new keys.")
                : Ruling.allow();
    }
}
