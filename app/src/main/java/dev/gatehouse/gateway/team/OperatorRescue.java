package dev.gatehouse.gateway.team;

import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.operators.OperatorTokens;
import dev.gatehouse.policy.Role;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code gateway operators create}: an operator added straight in the database by whoever runs it, for when the last
 * lead token is lost (issue 13). Audited like the API's create, with the machine user as the actor, in one transaction.
 */
public final class OperatorRescue {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** The new operator and its token, to be printed once. */
    public record Created(String id, String token) {}

    private OperatorRescue() {}

    /** @throws IllegalArgumentException with a message for the person at the terminal */
    public static Created create(Jdbi jdbi, Clock clock, String name, String email, Role role, Instant expiresAt, String actor) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("--name must be 1 to 200 characters");
        }
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw new IllegalArgumentException("--email must be an email address like name@example.com");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("--expires-at must be in the future (now is " + now + ")");
        }
        return jdbi.inTransaction(h -> {
            if (OperatorRows.emailTaken(h, e)) {
                throw new IllegalArgumentException("an operator with email " + e + " exists already; use another email, "
                        + "or have a lead rotate that operator's token");
            }
            String id = PrefixedIds.next("op_", now);
            String token = OperatorTokens.newToken();
            OperatorRows.insert(h, id, n, e, role.wire(), OperatorTokens.hash(token), now, expiresAt);
            AuditLog.append(h, new AuditLog.Draft(now, actor, "operator.create", id,
                    "created from the command line (gateway operators create)", null,
                    Map.of("name", n, "email", e, "role", role.wire())));
            return new Created(id, token);
        });
    }
}
