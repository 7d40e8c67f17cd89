package dev.gatehouse.policy;

/**
 * Whether a rule allows something, and if not, a sentence a person can act on that names the clause
 * (the gateway sends it as a 409/422 detail; the console shows it before the operator submits).
 */
public record Ruling(String refusal) {
    private static final Ruling ALLOWED = new Ruling(null);

    public static Ruling allow() {
        return ALLOWED;
    }

    public static Ruling refuse(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a refusal says why");
        }
        return new Ruling(why);
    }

    public boolean allowed() {
        return refusal == null;
    }
}
