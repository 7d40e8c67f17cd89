package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.CreditLot;
import dev.gatehouse.api.EnforcementAction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The 360° view's header in words: who the account is, since when, and whether (and until when) it is suspended. */
public record AccountText(String name, String status, String tier, String contact, String since,
                          boolean suspended, String suspension, String balance) {

    public static AccountText of(Account a, OperatorTime t) {
        boolean suspended = "suspended".equals(a.status());
        String suspension = a.suspendedUntil() == null ? "Suspended until reinstated: the API refuses all of its keys."
                : "Suspended until " + t.absolute(a.suspendedUntil()) + " (" + t.relative(a.suspendedUntil()) + "): the API refuses all of its keys.";
        return new AccountText(a.name(), a.status(), AccountLabels.tier(a.tier()) + " tier", a.email() + " · " + a.id(),
                "Customer since " + t.absolute(a.createdAt()) + " (" + t.relative(a.createdAt()) + ")",
                suspended, suspension,
                AccountLabels.money(a.balance(), a.currency()) + " " + (a.currency() == null ? "USD" : a.currency()));
    }

    /** A key's name for a table cell; a dash for an unnamed key. */
    public static String keyName(ApiKey k) {
        return k.name() == null || k.name().isBlank() ? "—" : k.name();
    }

    /** What a credit lot cost: "free" for grants and rewards. */
    public static String lotPaid(CreditLot l) {
        return l.pricePaid() == null || l.pricePaid().signum() == 0 ? "free" : AccountLabels.money(l.pricePaid(), l.currency());
    }

    /** When a credit lot expires, or that it has: "in 27 d · 2026-12-26", "expired 3 d ago · …", "never". */
    public static String lotExpires(CreditLot l, OperatorTime t) {
        return l.expiresAt() == null ? "never" : (l.expired() ? "expired " : "") + t.day(l.expiresAt());
    }

    /** Until when an enforcement action holds: its end, "until reinstated" for an open-ended suspension, else a dash. */
    public static String enforcementUntil(EnforcementAction e, OperatorTime t) {
        return e.until() != null ? t.day(e.until()) : "suspend".equals(e.action()) ? "until reinstated" : "—";
    }

    /** The lines that sum up the balance, the credit lots and the keys. */
    public record Summary(String balanceNote, String lots, String keys) {
        public static Summary of(AccountDetail d, OperatorTime t) {
            String currency = d.account().currency();
            long live = d.lots().stream().filter(l -> !l.expired() && l.remaining().signum() > 0).count();
            BigDecimal expiringSoon = d.lots().stream()
                    .filter(l -> !l.expired() && l.expiresAt() != null && l.expiresAt().isBefore(t.now().plusSeconds(30L * 86400)))
                    .map(CreditLot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal balance = d.lots().stream().filter(l -> !l.expired()).map(CreditLot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
            // issue 10 "Hold": what pending refunds hold is in the balance but usage cannot draw it
            String held = d.held().signum() > 0 ? AccountLabels.money(d.held(), currency) + " of it is held by pending refund "
                    + "requests and cannot be spent until they are decided; spendable: "
                    + AccountLabels.money(balance.subtract(d.held()).max(BigDecimal.ZERO), currency) + ". The balance is" : "Spendable:";
            String balanceNote = held + " the remaining credit of " + live + (live == 1 ? " unexpired lot" : " unexpired lots")
                    + (expiringSoon.signum() > 0 ? "; " + AccountLabels.money(expiringSoon, currency) + " of it expires within 30 days" : "")
                    + ". The soonest-expiring lot is drawn first.";
            long expired = d.lots().stream().filter(CreditLot::expired).count();
            String lots = d.lots().size() + (d.lots().size() == 1 ? " lot" : " lots") + (expired > 0 ? " · " + expired + " expired" : "");
            Map<String, Integer> counts = new TreeMap<>(d.keyCounts());
            String byStatus = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(" · "));
            String keys = d.keysTotal() + (d.keysTotal() == 1 ? " key" : " keys") + (byStatus.isEmpty() ? "" : " · " + byStatus)
                    + (d.keysTotal() > d.keys().size() ? " · showing the first " + d.keys().size() + " (active first); the Keys screen lists all" : "");
            return new Summary(balanceNote, lots, keys);
        }
    }
}
