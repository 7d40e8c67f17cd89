package dev.gatehouse.gateway.plane.keys;

import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.KeyDirectory;
import dev.gatehouse.gateway.plane.PlaneErrors;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer secrets to callers through an in-memory map keyed by the secret's SHA-256 (issue 12 §2 "Keys"). A known key
 * costs no database read; a miss reads the key and its account once. {@link ChangeWatch} drops entries an audited
 * change touched (a suspension, a revocation, a tier change), so the next request reads the new state.
 * <p>
 * Unknown secrets are not remembered: a key issued a moment ago must work at once, and a miss is one indexed read.
 */
public final class CachedKeyDirectory implements KeyDirectory {
    /** Past this many cached keys the map starts over (it refills from the keys actually in use). */
    static final int MAX_ENTRIES = 200_000;
    private static final int MAX_SECRET_LENGTH = 200;

    private final Jdbi jdbi;
    private final Map<String, PlaneKeyStore.KeyRow> byHash = new ConcurrentHashMap<>();
    /** Keys used since the last {@link #flushLastUsed}, with their latest use (issue 12: last_used_at, batched). */
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    /** Moves on every drop: a read that raced a drop does not put its stale row back. */
    private final AtomicLong epoch = new AtomicLong();

    public CachedKeyDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Caller authenticate(String authorizationHeader, Instant now) {
        String secret = secret(authorizationHeader);
        PlaneKeyStore.KeyRow key = lookup(KeySecrets.hash(secret))
                .orElseThrow(() -> PlaneErrors.unauthorized("invalid_api_key",
                        "Incorrect API key provided: " + masked(secret) + ". Check the key, or ask the platform for a new one."));
        // ai-visual-studio §2 (keys may be revoked or expire), §15 (suspension of a key or an account)
        switch (key.status()) {
            case "revoked" -> throw PlaneErrors.unauthorized("key_revoked",
                    "This API key (" + masked(secret) + ") has been revoked and no longer works. Use another key of the account.");
            case "expired" -> throw expired(secret);
            case "suspended" -> throw PlaneErrors.forbidden("key_suspended",
                    "This API key (" + masked(secret) + ") is suspended. Contact support to have it reinstated.");
            default -> { }
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            throw expired(secret);
        }
        switch (key.accountStatus()) {
            case "suspended" -> {
                if (key.accountSuspendedUntil() == null || now.isBefore(key.accountSuspendedUntil())) {
                    throw PlaneErrors.forbidden("account_suspended", "The account of this API key is suspended"
                            + (key.accountSuspendedUntil() == null ? "" : " until " + key.accountSuspendedUntil())
                            + ". Contact support.");
                }
            }
            case "terminated" -> throw PlaneErrors.forbidden("account_terminated",
                    "The account of this API key has been terminated. Contact support.");
            default -> { }
        }
        used.merge(key.keyId(), now, (a, b) -> a.isAfter(b) ? a : b);
        // test keys spend no credits and are held to the Free tier (issue 12 §1)
        String tier = key.mode().equals("test") ? "free" : key.tier();
        return new Caller(key.keyId(), key.accountId(), key.mode(), tier);
    }

    private Optional<PlaneKeyStore.KeyRow> lookup(String hash) {
        PlaneKeyStore.KeyRow cached = byHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = epoch.get();
        Optional<PlaneKeyStore.KeyRow> read = jdbi.withHandle(h -> PlaneKeyStore.keyByHash(h, hash));
        read.ifPresent(row -> {
            if (byHash.size() >= MAX_ENTRIES) {
                byHash.clear();
            }
            byHash.put(hash, row);
            if (epoch.get() != seen) {
                byHash.remove(hash, row); // a change landed while we read: the row may predate it
            }
        });
        return read;
    }

    /**
     * Writes the keys' last use, in one batch (called every second by {@link ChangeWatch}): what the console shows as
     * "last used" lags by at most that, and a crash loses at most that.
     */
    public void flushLastUsed() {
        if (used.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new java.util.HashMap<>();
        for (String id : List.copyOf(used.keySet())) {
            Instant at = used.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            jdbi.useTransaction(h -> PlaneKeyStore.touch(h, batch));
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> used.merge(id, at, (a, b) -> a.isAfter(b) ? a : b)); // again next time
            throw e;
        }
    }

    /** Drops the cached key with this id. */
    public void dropKey(String keyId) {
        epoch.incrementAndGet();
        byHash.values().removeIf(k -> k.keyId().equals(keyId));
    }

    /** Drops every cached key of this account. */
    public void dropAccount(String accountId) {
        epoch.incrementAndGet();
        byHash.values().removeIf(k -> k.accountId().equals(accountId));
    }

    public void dropAll() {
        epoch.incrementAndGet();
        byHash.clear();
    }

    /** How many keys are cached (for tests and the benchmark). */
    public int size() {
        return byHash.size();
    }

    private static PlaneRefusal expired(String secret) {
        return PlaneErrors.unauthorized("key_expired", "This API key (" + masked(secret) + ") has expired. Use another key of the account.");
    }

    /** The secret after "Bearer ", or 401 saying what is missing. */
    static String secret(String header) {
        if (header == null || header.isBlank()) {
            throw PlaneErrors.unauthorized("missing_api_key", "You didn't provide an API key. Send it in an Authorization header"
                    + " using Bearer auth: 'Authorization: Bearer sk-live-…'.");
        }
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw PlaneErrors.unauthorized("invalid_authorization", "The Authorization header must use Bearer auth:"
                    + " 'Authorization: Bearer sk-live-…'.");
        }
        String secret = h.substring(7).strip();
        if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH
                || !(secret.startsWith("sk-live-") || secret.startsWith("sk-test-"))) {
            throw PlaneErrors.unauthorized("invalid_api_key", "Incorrect API key provided: " + masked(secret)
                    + ". Platform keys start with 'sk-live-' or 'sk-test-'.");
        }
        return secret;
    }

    /** Like OpenAI's messages: the start and the last four, never the secret itself. */
    static String masked(String secret) {
        String printable = secret.codePoints().allMatch(c -> c > 0x20 && c < 0x7f) ? secret : "(unprintable)";
        if (printable.length() <= 12) {
            return printable.length() <= 4 ? "****" : printable.substring(0, 3) + "****";
        }
        return printable.substring(0, 8) + "****" + printable.substring(printable.length() - 4);
    }
}
