package dev.gatehouse.gateway.http;

import dev.gatehouse.api.ProblemType;
import io.javalin.http.Context;

/**
 * Optimistic concurrency for editable resources (DESIGN §3): the version is sent as {@code ETag: "<version>"};
 * a PATCH/PUT must send it back in If-Match: 428 without it, 412 when another change got there first.
 */
public final class ETags {
    private ETags() {}

    public static String format(long version) {
        return "\"" + version + "\"";
    }

    public static void set(Context ctx, long version) {
        ctx.header("ETag", format(version));
    }

    /** The version named by If-Match; 428 when it is missing, 400 when it is not an ETag this API sent. */
    public static long requireIfMatch(Context ctx) {
        String raw = ctx.header("If-Match");
        if (raw == null || raw.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag from your last GET of this resource, so no other operator's change is overwritten.");
        }
        String v = raw.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long version = Long.parseLong(v);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("If-Match", "must be the ETag this API sent, like \"3\"; got " + raw);
        }
    }

    /** 412 for a stale If-Match: says which version is current and sets ETag to it, so the client can re-read and retry. */
    public static ApiException stale(Context ctx, String what, long sent, long current) {
        set(ctx, current);
        return new ApiException(ProblemType.STALE_VERSION, "The " + what + " changed since you read it: you sent version "
                + sent + ", the current version is " + current + ". Reload it to see the other change, then retry.");
    }
}
