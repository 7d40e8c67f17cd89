package dev.gatehouse.gateway.plane;

import java.time.Instant;

/**
 * Resolves {@code Authorization: Bearer sk-…} to a {@link Caller} through an in-memory cache of key hashes
 * (issue 12 §2 "Keys"): 401 for an unknown, revoked or expired key, 403 for a suspended key or account. A key or
 * account suspended through the admin API is refused within 100 ms on the same gateway and within 1 s on another.
 * Implemented in {@code plane/keys}.
 */
public interface KeyDirectory {
    /** The caller, or throws a 401/403 {@link PlaneRefusal}. */
    Caller authenticate(String authorizationHeader, Instant now);
}
