package dev.gatehouse.policy;

/**
 * Changing a report's severity (issue 9 item 1: "An operator may raise it; lowering it needs a lead and a
 * reason"). Raising only makes the queue stricter, so anyone working reports may do it; lowering moves a report
 * down the queue and loosens its target, so it is a lead's call and is recorded with a reason.
 */
public final class SeverityChange {
    private SeverityChange() {}

    public static Ruling check(Severity current, Severity proposed, Role role, String reason) {
        if (role != Role.TRUST_SAFETY && role != Role.LEAD) {
            return Ruling.refuse("Your role may not change a report's severity; trust & safety or a lead can.");
        }
        if (current == proposed) {
            return Ruling.refuse("The report is already " + current.wire() + ".");
        }
        if (proposed.isAbove(current)) {
            return Ruling.allow();
        }
        if (role != Role.LEAD) {
            return Ruling.refuse("Lowering the severity from " + current.wire() + " to " + proposed.wire()
                    + " needs a lead (issue 9: lowering needs a lead and a reason); raise it or escalate to a lead.");
        }
        if (reason == null || reason.isBlank()) {
            return Ruling.refuse("Say why the severity is lowered from " + current.wire() + " to " + proposed.wire()
                    + "; the reason goes into the report's history.");
        }
        return Ruling.allow();
    }
}
