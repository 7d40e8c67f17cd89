package dev.gatehouse.gateway.refunds;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Accounts with credit lots, and refund requests on them, made for the refund tests. */
public final class TestRefunds {
    private TestRefunds() {}

    public record Lot(String accountId, String lotId) {}

    /** An active account with one purchased lot of {@code amount} credits paid {@code amount}, bought now. */
    public static Lot purchase(Database db, String name, String amount) {
        return lot(db, name, "purchase", amount, amount, Instant.now(), Duration.ofDays(365));
    }

    /** An account with one lot of the given kind, bought at {@code boughtAt}, expiring {@code validFor} later (null: never). */
    public static Lot lot(Database db, String name, String kind, String credits, String paid, Instant boughtAt, Duration validFor) {
        String id = PrefixedIds.next("acct_", boughtAt);
        String lot = db.jdbi().inTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (id, name, name_lower, email, email_domain, status, tier, created_at) "
                            + "VALUES (:id, :name, :nl, :email, 'example.com', 'active', 'pro', :at)")
                    .bind("id", id).bind("name", name).bind("nl", name.toLowerCase(Locale.ROOT))
                    .bind("email", UUID.randomUUID() + "@example.com").bind("at", boughtAt.minus(Duration.ofDays(30))).execute();
            return CreditStore.addLot(h, id, kind, Money.of(credits), Money.of(paid),
                    validFor == null ? null : boughtAt.plus(validFor), boughtAt, "system", kind);
        });
        return new Lot(id, lot);
    }

    public static String intakeBody(Lot lot, String amount) {
        return "{\"account_id\":\"" + lot.accountId() + "\",\"lot_id\":\"" + lot.lotId() + "\",\"amount\":\"" + amount
                + "\",\"reason\":\"customer asked within the window\"}";
    }

    /** A new account and lot (25 credits for 25.00) with a refund request of {@code amount} on it; returns the refund id. */
    public static String request(TestGateway gw, String amount) {
        Lot lot = purchase(gw.db(), "Refund Co " + UUID.randomUUID().toString().substring(0, 8), "25");
        var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", intakeBody(lot, amount));
        if (r.status() != 201) {
            throw new IllegalStateException("intake failed: " + r.body());
        }
        return r.json().path("refund").path("id").asText();
    }

    /** A refund approved by a lead whose payout the simulated provider declined. */
    public static String failedPayout(TestGateway gw, String amount) {
        String id = request(gw, amount);
        SimulatedPayouts.failNext(gw.db().jdbi(), 1, SimulatedPayouts.Failure.DECLINED);
        var r = gw.post(Role.LEAD, "/admin/v1/refunds/" + id + "/approve",
                "{\"amount\":\"" + amount + "\",\"reason\":\"within the window\"}", Map.of());
        if (r.status() != 200 || !"failed".equals(r.json().path("refund").path("state").asText())) {
            throw new IllegalStateException("expected a failed payout: " + r.body());
        }
        return id;
    }
}
