package dev.gatehouse.gateway.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.gateway.enforcement.StatusChanges;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Enforcement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Timed suspensions end by themselves (DESIGN §4: "suspensions can be timed and are reversible"). Each lapsed one is
 * reinstated by the actor "system" with an enforcement entry and an audit entry, like any other reinstatement.
 * Several gateway processes may sweep at once: each account is re-checked under its row lock, so it is lifted once.
 */
public final class SuspensionExpiry {
    private static final Logger log = LoggerFactory.getLogger(SuspensionExpiry.class);
    public static final String ACTOR = "system";

    private SuspensionExpiry() {}

    /** Reinstates every account whose timed suspension ended at or before {@code now}; returns how many. */
    public static int liftLapsed(Jdbi jdbi, Instant now) {
        List<String> ids = jdbi.withHandle(h -> AccountStore.lapsedSuspensions(h, now));
        int lifted = 0;
        for (String id : ids) {
            lifted += jdbi.inTransaction(h -> liftOne(h, id, now));
        }
        return lifted;
    }

    private static int liftOne(Handle h, String id, Instant now) {
        Account before = AccountStore.lock(h, id).orElse(null);
        if (before == null || !Enforcement.suspensionLapsed(AccountStatus.fromWire(before.status()).orElseThrow(),
                before.suspendedUntil(), now)) {
            return 0;
        }
        String reason = "Timed suspension ended at " + before.suspendedUntil() + ".";
        StatusChanges.changeAccountAudited(h, before, AccountAction.REINSTATE,
                new StatusChanges.Request(ACTOR, reason, null, now.truncatedTo(ChronoUnit.MILLIS)));
        return 1;
    }

    /** One round of the periodic sweep: lifts what has lapsed by the clock's now, and logs how many. */
    public static void sweep(Jdbi jdbi, Clock clock) {
        int n = liftLapsed(jdbi, clock.instant());
        if (n > 0) {
            log.info("reinstated {} accounts whose timed suspension ended", n);
        }
    }
}
