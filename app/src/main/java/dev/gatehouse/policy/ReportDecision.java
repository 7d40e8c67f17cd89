package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The decisions that resolve an abuse report (issue 9 item 4, "resolve"), each mapped onto one step of the
 * enforcement ladder of DESIGN §4 ({@link Enforcement}); dismissing enforces nothing.
 */
public enum ReportDecision {
    DISMISS("Dismiss the report", null, null),
    WARN("Warn the account", AccountAction.WARN, null),
    SUSPEND_KEY("Suspend the key", null, KeyAction.SUSPEND),
    REVOKE_KEY("Revoke the key", null, KeyAction.REVOKE),
    SUSPEND_ACCOUNT("Suspend the account", AccountAction.SUSPEND, null),
    TERMINATE_ACCOUNT("Terminate the account", AccountAction.TERMINATE, null);

    private final String label;
    private final AccountAction accountAction;
    private final KeyAction keyAction;

    ReportDecision(String label, AccountAction accountAction, KeyAction keyAction) {
        this.label = label;
        this.accountAction = accountAction;
        this.keyAction = keyAction;
    }

    public String label() {
        return label;
    }

    /** The ladder step on the subject account, if the decision acts on the account. */
    public Optional<AccountAction> accountAction() {
        return Optional.ofNullable(accountAction);
    }

    /** The ladder step on the subject key, if the decision acts on the key. */
    public Optional<KeyAction> keyAction() {
        return Optional.ofNullable(keyAction);
    }

    /** Whether the report must name a key for this decision. */
    public boolean needsKey() {
        return keyAction != null;
    }

    /** Only account suspensions can be timed ({@link Enforcement#acceptsDuration}). */
    public boolean acceptsDuration() {
        return accountAction != null ? Enforcement.acceptsDuration(accountAction)
                : keyAction != null && Enforcement.acceptsDuration(keyAction);
    }

    /** Revoke and terminate cannot be undone (DESIGN §4 "revoke and terminate are final"). */
    public boolean isFinal() {
        return keyAction == KeyAction.REVOKE || accountAction == AccountAction.TERMINATE;
    }

    /** The permission the decider needs; dismissing needs none beyond working the queue. */
    public Optional<Permission> permission() {
        if (accountAction != null) {
            return Optional.of(Permission.forAccountAction(accountAction));
        }
        return keyAction == null ? Optional.empty() : Optional.of(Permission.forKeyAction(keyAction));
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportDecision> fromWire(String value) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(value)).findFirst();
    }
}
