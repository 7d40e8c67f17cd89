package dev.gatehouse.gateway.ids;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

/**
 * Ids like {@code acct_01JD3K8Q2M7ZXW4R} (DESIGN §3): a prefix, ten Crockford base-32 characters of the
 * creation time in milliseconds and six random ones. Sorting ids sorts by creation, so lists ordered by id
 * descending are newest first and keyset paging needs only the id.
 */
public final class PrefixedIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DIGIT = new byte[128];

    static {
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGIT[ALPHABET[i]] = (byte) i;
        }
    }

    private PrefixedIds() {}

    public static String next(String prefix, Instant at) {
        return next(prefix, at, RANDOM);
    }

    /** Deterministic for the demo data: the random part comes from {@code random}. */
    public static String next(String prefix, Instant at, Random random) {
        char[] out = new char[16];
        long ms = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (ms & 31)];
            ms >>>= 5;
        }
        for (int i = 10; i < 16; i++) {
            out[i] = ALPHABET[random.nextInt(32)];
        }
        return prefix + new String(out);
    }

    /** The creation time in epoch milliseconds that {@code id} (one of ours, any prefix) encodes. */
    public static long millis(String id) {
        int start = id.indexOf('_') + 1;
        long ms = 0;
        for (int i = start; i < start + 10; i++) {
            ms = (ms << 5) | DIGIT[id.charAt(i)];
        }
        return ms;
    }

    /** Whether {@code id} could be one of ours with this prefix; anything else cannot exist, so it is a 404. */
    public static boolean looksLike(String prefix, String id) {
        if (id == null || !id.startsWith(prefix) || id.length() < prefix.length() + 12 || id.length() > prefix.length() + 16) {
            return false;
        }
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
