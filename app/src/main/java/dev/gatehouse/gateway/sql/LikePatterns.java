package dev.gatehouse.gateway.sql;

/** LIKE patterns built from user input: the input only ever matches itself (use with {@code ESCAPE '!'}). */
public final class LikePatterns {
    private LikePatterns() {}

    /**
     * {@code text%} with LIKE's wildcards in {@code text} escaped by '!'. Not backslash: JDBI's statement lexer reads
     * {@code '\\'} as an escaped quote.
     */
    public static String prefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
