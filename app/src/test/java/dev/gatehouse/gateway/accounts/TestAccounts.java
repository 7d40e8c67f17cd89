package dev.gatehouse.gateway.accounts;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.policy.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates accounts and keys directly in the database, so each test owns the rows it changes. */
public final class TestAccounts {
    private TestAccounts() {}

    public record Created(String accountId, List<String> keyIds) {}

    public static Created create(Database db, String name, String tier, String status, int keys) {
        Instant now = Instant.now();
        String id = PrefixedIds.next("acct_", now);
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@example.com";
        List<String> keyIds = new ArrayList<>();
        db.jdbi().useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (id, name, name_lower, email, email_domain, status, tier, created_at) "
                            + "VALUES (:id, :name, :nl, :email, 'example.com', :status, :tier, :at)")
                    .bind("id", id).bind("name", name).bind("nl", name.toLowerCase(Locale.ROOT)).bind("email", email)
                    .bind("status", status).bind("tier", tier).bind("at", now).execute();
            for (int i = 0; i < keys; i++) {
                KeySecrets.Secret s = KeySecrets.newSecret(i % 3 == 2 ? "test" : "live");
                String keyId = PrefixedIds.next("key_", now.plusMillis(i));
                h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at) "
                                + "VALUES (:id, :acct, :name, :mode, :hash, :prefix, :last4, 'active', :at)")
                        .bind("id", keyId).bind("acct", id).bind("name", "key " + i).bind("mode", i % 3 == 2 ? "test" : "live")
                        .bind("hash", s.hash()).bind("prefix", s.prefix()).bind("last4", s.last4()).bind("at", now).execute();
                keyIds.add(keyId);
            }
            CreditStore.addLot(h, id, "purchase", Money.of("25"), Money.of("25"), now.plus(Duration.ofDays(365)), now, "system", "test credit");
        });
        return new Created(id, keyIds);
    }
}
