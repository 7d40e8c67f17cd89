package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;

/**
 * Tells the rest of the console that an operator's action or edit went through: every open view hears of it on the
 * event bus, and the operator gets a confirmation naming what changed and its audit entry.
 */
public final class ActionAnnouncer {
    /** For a view that nobody else follows (tests, a view model used on its own). */
    public static final ActionAnnouncer UNHEARD = new ActionAnnouncer(new EventBus(Runnable::run), notice -> {});

    private final EventBus events;
    private final Notifier notifier;

    public ActionAnnouncer(EventBus events, Notifier notifier) {
        this.events = events;
        this.notifier = notifier;
    }

    public void keyActed(KeyActionResult r) {
        events.publish(new KeyChanged(r.key()));
        notifier.show(keyNotice(r));
    }

    public void accountActed(AccountActionResult r) {
        events.publish(new AccountChanged(r.account()));
        notifier.show(accountNotice(r));
    }

    /** An edit saved (or the other operator's version kept after a conflict): views update; the edit dialog said so itself. */
    public void accountSaved(Account a) {
        events.publish(new AccountChanged(a));
    }

    /** Credits granted, or a grant waiting for a second operator (issue 13). */
    public void creditsGranted(Account a, dev.gatehouse.api.CreditGrant g) {
        String amount = dev.gatehouse.policy.Money.display(g.amount(), g.currency());
        notifier.show(g.status().equals("pending_approval")
                ? Notice.warning(amount + " for " + a.name() + " waits for a second operator's approval")
                        .withDetail("Above the four-eyes threshold: another operator approves it; nothing is credited until then.")
                : Notice.success(amount + " granted to " + a.name()));
    }

    /** A key issued (issue 12): every list showing the account's keys hears of it; the dialog itself shows the secret. */
    public void keyIssued(dev.gatehouse.api.ApiKey key) {
        events.publish(new KeyAdded(key));
        notifier.show(Notice.success(("test".equals(key.mode()) ? "Test key " : "Live key ") + key.masked() + " issued to "
                + (key.accountName() == null ? key.accountId() : key.accountName())));
    }

    /** An account opened by hand (issue 13). */
    public void accountOpened(Account a) {
        events.publish(new AccountChanged(a));
        notifier.show(Notice.success("Opened " + a.name() + " (" + a.email() + ")").withDetail("Grant credits to get it started."));
    }

    /** "Key sk-live-AbCd…9xYz suspended", with what undoes it (or that nothing does) and its audit entry. */
    static Notice keyNotice(KeyActionResult r) {
        KeyAction action = KeyAction.fromWire(r.action()).orElse(null);
        String done = action == null ? r.action() : switch (action) {
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case REVOKE -> "revoked";
        };
        String undo = action == null ? null : switch (action) {
            case SUSPEND -> "Reinstate it to undo.";
            case REINSTATE -> null;
            case REVOKE -> "Revocation is final; it cannot be undone.";
        };
        return Notice.success("Key " + r.key().masked() + " " + done).withDetail(undo).withAudit(r.auditId());
    }

    /** "Acme Robotics suspended", with the keys a termination revoked and its audit entry. */
    static Notice accountNotice(AccountActionResult r) {
        AccountAction action = AccountAction.fromWire(r.action()).orElse(null);
        String done = action == null ? r.action() : switch (action) {
            case WARN -> "warned";
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case TERMINATE -> "terminated";
        };
        String detail = action == null ? null : switch (action) {
            case WARN, REINSTATE -> null;
            case SUSPEND -> r.account().suspendedUntil() == null ? "Reinstate it to undo." : "Until the suspension ends, or reinstate it to undo.";
            case TERMINATE -> "Termination is final" + (r.keysRevoked() > 0
                    ? "; " + r.keysRevoked() + (r.keysRevoked() == 1 ? " key" : " keys") + " revoked." : ".");
        };
        return Notice.success(r.account().name() + " " + done).withDetail(detail).withAudit(r.auditId());
    }
}
