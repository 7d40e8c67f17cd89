package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notice before prices rise or limits tighten (DESIGN §4 "notice for changes").
 * <ul>
 *   <li>ai-visual-studio §18: "Change rate limits or pricing with 30 days' notice"; §5: "We reserve the right to
 *       adjust pricing with 30 days' notice";</li>
 *   <li>apibox §3: "We will announce any price changes in advance";</li>
 *   <li>ai-visual-studio §18: "Make emergency changes without notice if required for security" — here only a lead,
 *       with a reason, and the change is marked as an emergency override.</li>
 * </ul>
 * A change that tightens anything (or is mixed) takes effect no sooner than 30 days after it is scheduled; a change that
 * only eases may apply at once. 30 days is 720 hours of elapsed time: instants are compared in UTC, so an
 * {@code effective_at} written with any offset, across a DST change, means the same moment.
 */
public final class NoticeRule {
    public static final Duration NOTICE = Duration.ofDays(30);
    public static final int MAX_REASON_LENGTH = 2000;

    private NoticeRule() {}

    /**
     * A change to schedule: when it is scheduled (now, from the caller's clock), when it should take effect (null: at
     * once), whether the operator asks for an emergency override, their role and their reason.
     */
    public record Request(Instant scheduledAt, Instant effectiveAt, boolean emergency, Role role, String reason) {}

    /**
     * The verdict: the change's kind; when it would take effect; the earliest instant the rule allows (scheduledAt + 30
     * days for a tightening, scheduledAt otherwise); whether that notice is kept; whether an emergency override waived
     * it (to be marked everywhere); and the field errors that refuse it (empty when allowed).
     */
    public record Verdict(ChangeKind kind, Instant effectiveAt, Instant earliestAllowed, boolean noticeSatisfied,
                          boolean emergencyOverride, List<FieldError> errors) {
        public Verdict {
            errors = List.copyOf(errors);
        }

        public boolean allowed() {
            return errors.isEmpty();
        }
    }

    /** The kind of a limit change: lowering any of rpm, rpd, concurrent tightens, raising any loosens. */
    public static ChangeKind classify(TierLimits before, TierLimits after) {
        boolean tighter = after.rpm() < before.rpm() || after.rpd() < before.rpd() || after.concurrent() < before.concurrent();
        boolean easier = after.rpm() > before.rpm() || after.rpd() > before.rpd() || after.concurrent() > before.concurrent();
        return ChangeKind.of(tighter, easier);
    }

    /** The earliest instant a change of {@code kind} scheduled at {@code scheduledAt} may take effect. */
    public static Instant earliestAllowed(ChangeKind kind, Instant scheduledAt) {
        return kind.needsNotice() ? scheduledAt.plus(NOTICE) : scheduledAt;
    }

    /** How long a suggested start stays ahead of the notice while the operator finishes the form and saves. */
    static final Duration SUGGESTION_SLACK = Duration.ofMinutes(1);

    /**
     * What an editor's "Use earliest" fills in for a raise scheduled now: the first whole hour at least
     * {@link #SUGGESTION_SLACK} after the earliest allowed instant. The exact earliest instant moves on with the clock,
     * so a form filled with it would be short of notice by the time it is saved (the gateway checks against its own
     * clock); a whole hour is also what a customer notice can name.
     */
    public static Instant suggestedStart(ChangeKind kind, Instant now) {
        Instant atLeast = earliestAllowed(kind, now).plus(SUGGESTION_SLACK);
        Instant hour = atLeast.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(atLeast) ? hour : hour.plus(1, ChronoUnit.HOURS);
    }

    public static Verdict decide(ChangeKind kind, Request r) {
        Instant earliest = earliestAllowed(kind, r.scheduledAt());
        Instant effective = r.effectiveAt() == null ? r.scheduledAt() : r.effectiveAt();
        boolean noticeKept = !effective.isBefore(earliest);
        List<FieldError> errors = new ArrayList<>();

        boolean overrideValid = false;
        if (r.emergency()) {
            if (r.role() != Role.LEAD) {
                errors.add(new FieldError("emergency", "only a lead may override the 30-day notice"));
            }
            if (r.reason() == null || r.reason().isBlank()) {
                errors.add(new FieldError("reason", "is required for an emergency override: say why the notice cannot be given"));
            } else if (r.reason().length() > MAX_REASON_LENGTH) {
                errors.add(new FieldError("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
            }
            overrideValid = errors.isEmpty();
        }

        if (r.effectiveAt() != null && r.effectiveAt().isBefore(r.scheduledAt())) {
            errors.add(new FieldError("effective_at", "is in the past (" + r.effectiveAt() + "); the earliest allowed instant is " + earliest));
        } else if (!noticeKept && !overrideValid) {
            // only a tightening can fall short: an easing's earliest instant is scheduledAt itself
            errors.add(new FieldError("effective_at", (r.effectiveAt() == null ? "is required: " : "is too soon: ")
                    + "this change raises a price or tightens a limit, so it takes effect at least 30 days after it is"
                    + " scheduled; the earliest allowed instant is " + earliest));
        }
        boolean waived = errors.isEmpty() && overrideValid && !noticeKept;
        return new Verdict(kind, effective, earliest, noticeKept, waived, errors);
    }

    /**
     * An {@code effective_at} as a request gave it: absent (empty: at once) or an ISO-8601 instant with an offset,
     * e.g. 2026-12-01T09:00:00Z or 2026-10-31T11:00:00+01:00. A local time without an offset is refused, since it
     * would mean a different moment in every zone.
     */
    public static Validated<Optional<Instant>> effectiveAt(String text) {
        if (text == null || text.isBlank()) {
            return Validated.valid(Optional.empty());
        }
        try {
            Instant at = OffsetDateTime.parse(text.strip()).toInstant();
            if (!StorableTime.holds(at)) {
                return Validated.invalid("effective_at", "must be within " + StorableTime.RANGE + ", like 2026-12-01T09:00:00Z");
            }
            return Validated.valid(Optional.of(at));
        } catch (DateTimeParseException e) {
            return Validated.invalid("effective_at", "must be an instant with an offset, like 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00");
        }
    }
}
