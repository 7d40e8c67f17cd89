package dev.gatehouse.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, for stored secrets, audit chain links and request fingerprints. One digest per thread:
 * {@code MessageDigest.getInstance} looks the provider up on every call, which cost about a second over the million
 * keys of the large demo seed.
 */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private Sha256() {}

    /** This thread's digest, empty; feed it and pass it to {@link #hex(MessageDigest)}, which empties it again. */
    public static MessageDigest digest() {
        MessageDigest d = DIGEST.get();
        d.reset();
        return d;
    }

    public static String hex(MessageDigest fed) {
        return HexFormat.of().formatHex(fed.digest());
    }

    public static String of(String text) {
        MessageDigest d = digest();
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(d);
    }
}
