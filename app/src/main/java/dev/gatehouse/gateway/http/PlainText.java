package dev.gatehouse.gateway.http;

/**
 * The one rule for text the API accepts: no control characters but newline and tab. NUL in particular is
 * refused by PostgreSQL and would otherwise be a 500 there but stored on H2; the rest are terminal escapes
 * and invisible junk in an audit trail.
 */
public final class PlainText {
    private PlainText() {}

    /** The index of the first character the rule refuses, or -1. */
    public static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    /** What to tell the client about {@code c}. */
    public static String describe(char c) {
        return String.format("must not contain control characters (found U+%04X); newline and tab are allowed", (int) c);
    }
}
