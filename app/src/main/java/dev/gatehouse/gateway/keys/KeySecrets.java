package dev.gatehouse.gateway.keys;

import dev.gatehouse.gateway.crypto.Sha256;

import java.security.SecureRandom;
import java.util.Random;

/**
 * API key secrets: {@code sk-live-} or {@code sk-test-} and 40 random characters. Only the SHA-256 is stored;
 * the display prefix is the mode prefix plus four characters (e.g. {@code sk-live-AbCd}) and the last four are kept
 * so operators can tell keys apart without ever seeing them (ai-visual-studio §2).
 */
public final class KeySecrets {
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {}

    /** A new secret, its hash and display parts. */
    public record Secret(String plain, String hash, String prefix, String last4) {}

    public static Secret newSecret(String mode) {
        return newSecret(mode, RANDOM);
    }

    public static Secret newSecret(String mode, Random random) {
        StringBuilder sb = new StringBuilder("sk-").append(mode).append('-');
        int head = sb.length();
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        String plain = sb.toString();
        return new Secret(plain, hash(plain), plain.substring(0, head + 4), plain.substring(plain.length() - 4));
    }

    public static String hash(String secret) {
        return Sha256.of(secret);
    }
}
