package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What each operator role may do to accounts and keys (issue 3, DESIGN §3). A lead may do everything.
 * trust_safety runs the enforcement ladder (ai-visual-studio §15, pixapi §4, apimart §10); support may
 * suspend a compromised key but not revoke it (ai-visual-studio §3); ops changes tiers; everyone reads.
 */
public enum Permission {
    READ("read accounts, keys, ledgers and the audit trail", Role.VIEWER, Role.SUPPORT, Role.TRUST_SAFETY, Role.OPS),
    WARN_ACCOUNT("warn an account", Role.TRUST_SAFETY),
    SUSPEND_ACCOUNT("suspend an account", Role.TRUST_SAFETY),
    REINSTATE_ACCOUNT("reinstate an account", Role.TRUST_SAFETY),
    TERMINATE_ACCOUNT("terminate an account", Role.TRUST_SAFETY),
    SUSPEND_KEY("suspend a key", Role.TRUST_SAFETY, Role.SUPPORT),
    REINSTATE_KEY("reinstate a key", Role.TRUST_SAFETY),
    REVOKE_KEY("revoke a key", Role.TRUST_SAFETY),
    CHANGE_TIER("change an account's tier", Role.OPS),
    EDIT_CONTACT("change an account's name or email", Role.SUPPORT, Role.OPS),
    MANAGE_OPERATORS("list, add, change and deactivate operators"),
    // trust and safety (issue 9)
    FILE_ABUSE_REPORT("file an abuse report", Role.TRUST_SAFETY, Role.SUPPORT, Role.OPS),
    WORK_ABUSE_REPORTS("claim, comment on, escalate and resolve abuse reports", Role.TRUST_SAFETY),
    LOWER_SEVERITY("lower a report's severity"),
    /** The second person of a CSAM dismissal (DESIGN §4: "never dismissable by one person"): a lead. */
    APPROVE_CSAM_DISMISSAL("approve or reject the proposed dismissal of a CSAM report"),
    FILE_APPEAL("file an appeal against an enforcement", Role.TRUST_SAFETY, Role.SUPPORT),
    DECIDE_APPEALS("decide appeals", Role.TRUST_SAFETY),
    // support and refunds (issue 10)
    WORK_TICKETS("open, answer and change support tickets", Role.SUPPORT),
    EDIT_MACROS("edit support macros"),
    REQUEST_REFUND("file a refund request", Role.SUPPORT),
    DECIDE_REFUNDS("approve or deny refunds", Role.SUPPORT),
    REFUND_EXCEPTION("refund beyond what the policy allows"),
    EDIT_POLICY("switch the policy preset or edit its values"),
    // ops (issue 11)
    EDIT_PRICES("schedule and cancel price changes", Role.OPS),
    EMERGENCY_PRICE_CHANGE("raise a price or tighten a limit without notice"),
    EDIT_TIERS("edit rate-limit tiers and custom limits", Role.OPS),
    EDIT_MODELS("enable, disable or deprecate a model", Role.OPS),
    IMPORT_CATALOG("import a catalog", Role.OPS),
    // team platform (issue 13) and key issuance (issue 12)
    OPEN_ACCOUNT("open a customer account", Role.SUPPORT),
    GRANT_CREDITS("grant credits to an account", Role.SUPPORT),
    ISSUE_KEY("issue an API key to an account", Role.SUPPORT, Role.TRUST_SAFETY),
    // Pausing the demo's traffic simulator touches no customer data, and anyone trying the demo needs to stop the
    // queues moving to look at something; but it is still a change every operator of that platform sees, and audited,
    // so the viewer, whose role is to change nothing, watches (issue 12 item 3).
    CONTROL_SIMULATOR("pause and resume the demo traffic simulator", Role.SUPPORT, Role.TRUST_SAFETY, Role.OPS);

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Role... roles) {
        this.description = description;
        EnumSet<Role> set = EnumSet.of(Role.LEAD);
        set.addAll(Arrays.asList(roles));
        this.roles = set;
    }

    /** "suspend an account": completes "Your role may not …". */
    public String description() {
        return description;
    }

    /** Every role holding this permission, lead included. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public static Permission forAccountAction(AccountAction action) {
        return switch (action) {
            case WARN -> WARN_ACCOUNT;
            case SUSPEND -> SUSPEND_ACCOUNT;
            case REINSTATE -> REINSTATE_ACCOUNT;
            case TERMINATE -> TERMINATE_ACCOUNT;
        };
    }

    public static Permission forKeyAction(KeyAction action) {
        return switch (action) {
            case SUSPEND -> SUSPEND_KEY;
            case REINSTATE -> REINSTATE_KEY;
            case REVOKE -> REVOKE_KEY;
        };
    }
}
