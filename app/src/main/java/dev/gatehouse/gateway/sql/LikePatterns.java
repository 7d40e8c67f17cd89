package dev.gatehouse.gateway.sql;

/** LIKE patterns built from user input: the input only ever matches itself (use with {@code ESCAPE '!'}). */
public final class LikePatterns {
    private LikePatterns() {}

    /**
     * {@code text} with LIKE's wildcards and the escape character escaped by '!'. Not backslash: JDBI's statement
     * lexer reads {@code '\\'} as an escaped quote.
     */
    public static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Matches what starts with {@code text}. */
    public static String prefix(String text) {
        return literal(text) + "%";
    }

    /** Matches what contains {@code text}. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
