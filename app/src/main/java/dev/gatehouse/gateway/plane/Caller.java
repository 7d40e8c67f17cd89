package dev.gatehouse.gateway.plane;

/**
 * Who is calling the data plane, as the key cache resolved a bearer secret: the key, its account, its mode
 * ({@code live} or {@code test}) and the account's tier. Test keys spend no credits and are held to the Free tier
 * (issue 12 §1).
 */
public record Caller(String keyId, String accountId, String mode, String tier) {
    public boolean test() {
        return "test".equals(mode);
    }
}
