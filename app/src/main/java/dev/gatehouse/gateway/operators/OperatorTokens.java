package dev.gatehouse.gateway.operators;

import dev.gatehouse.gateway.crypto.Sha256;

import java.security.SecureRandom;

/** Operator bearer tokens: 32 random bytes shown once, stored as SHA-256. */
public final class OperatorTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private OperatorTokens() {}

    public static String newToken() {
        StringBuilder sb = new StringBuilder("gho_");
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    public static String hash(String token) {
        return Sha256.of(token);
    }
}
