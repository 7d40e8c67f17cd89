package dev.gatehouse.console.refunds;

import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.api.RefundLot;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.OperatorTime;

import java.math.BigDecimal;

/** A refund's detail in the words the Refunds workspace shows: the eligibility breakdown, the lot, the decision. */
public record RefundText(String title, String state, String subtitle, String verdict, String refundable, String decidingRule,
                         String cap, String fourEyes, String bought, String used, String held, String expiring,
                         String refundedBefore, String accountCredits, String decision) {

    public static RefundText of(RefundDetail d, OperatorTime t) {
        Refund r = d.refund();
        RefundEligibilityView e = d.eligibility();
        RefundLot lot = d.lot();
        String cur = r.currency();
        String title = AccountLabels.money(r.requestedAmount(), cur) + " for " + r.accountName();
        String subtitle = r.id() + " · asked " + t.relative(r.requestedAt()) + " by " + r.requestedBy() + " · \"" + r.reason() + "\"";
        String refundable = "Refundable " + AccountLabels.money(e.refundable(), cur) + " of " + AccountLabels.money(r.requestedAmount(), cur)
                + " requested";
        String deciding = e.decidingRule() == null ? "—" : e.decidingRule() + " · " + e.decidingSource()
                + (e.decidingSource() != null && e.decidingSource().contains("preset") ? "" : " · " + e.preset() + " preset");
        String cap = "Even a lead's exception pays at most " + AccountLabels.money(e.exceptionCap(), cur)
                + ": the unused credits' value less earlier refunds.";
        String fourEyes = e.needsSecondApproval()
                ? "Above " + AccountLabels.money(e.fourEyesThreshold(), cur) + ": a second operator, not the first, must approve."
                : "Up to " + AccountLabels.money(e.fourEyesThreshold(), cur) + " one approval is enough.";
        String bought = credits(lot.creditsBought()) + " credits (" + AccountLabels.kind(lot.kind()).toLowerCase() + ") for "
                + AccountLabels.money(lot.pricePaid(), cur) + ", " + t.relative(lot.boughtAt()) + " · " + t.absolute(lot.boughtAt());
        String used = credits(lot.creditsUsed()) + " used · " + credits(lot.remaining()) + " left in the lot";
        String held = credits(r.creditsHeld()) + " held for this request"
                + (lot.creditsHeld().signum() > 0 ? " · " + credits(lot.creditsHeld()) + " for other requests" : "")
                + " (cannot be spent until a decision)";
        String expiring = lot.expiresAt() == null ? "never expires"
                : (lot.expired() ? "expired " : "expires ") + t.relative(lot.expiresAt()) + " · " + t.absolute(lot.expiresAt())
                + (lot.creditsExpired().signum() > 0 ? " · " + credits(lot.creditsExpired()) + " lapsed" : "");
        String refundedBefore = lot.refundedBefore().signum() == 0 ? "nothing"
                : AccountLabels.money(lot.refundedBefore(), cur) + " (" + credits(lot.creditsRefunded()) + " credits)";
        var a = d.account();
        String account = "balance " + AccountLabels.money(a.balance(), a.currency()) + " · held " + AccountLabels.money(a.held(), a.currency())
                + " · spendable " + AccountLabels.money(a.spendable(), a.currency());
        return new RefundText(title, r.state(), subtitle, e.verdict(), refundable, deciding, cap, fourEyes, bought, used, held,
                expiring, refundedBefore, account, decision(r, t));
    }

    static String decision(Refund r, OperatorTime t) {
        String cur = r.currency();
        StringBuilder s = new StringBuilder();
        if (r.firstApprover() != null) {
            s.append("First approval by ").append(r.firstApprover()).append(" of ").append(AccountLabels.money(r.firstAmount(), cur))
                    .append(", ").append(t.relative(r.firstApprovedAt())).append(". ");
        }
        switch (r.state()) {
            case "requested" -> s.append("Waiting for a decision.");
            case "awaiting_second_approval" -> s.append("Waiting for a second operator to confirm.");
            case "denied" -> s.append("Denied by ").append(r.decidedBy()).append(", ").append(t.relative(r.decidedAt()))
                    .append(": \"").append(r.decisionReason()).append("\"");
            default -> {
                s.append("Approved ").append(AccountLabels.money(r.approvedAmount(), cur)).append(" by ").append(r.decidedBy())
                        .append(r.exception() ? " as a lead's exception" : "").append(", ").append(t.relative(r.decidedAt())).append(". ");
                if (r.payoutReference() != null && "paid".equals(r.state())) {
                    s.append("Paid out, reference ").append(r.payoutReference()).append(".");
                } else if ("failed".equals(r.state())) {
                    s.append("Payout failed: ").append(r.payoutFailure()).append(" The credits are back in the lot.");
                } else {
                    s.append("Payout under way.");
                }
            }
        }
        return s.toString();
    }

    static String credits(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
