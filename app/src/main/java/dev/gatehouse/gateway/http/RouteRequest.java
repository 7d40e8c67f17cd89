package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.operators.Operator;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * A request that has passed the rails, as its handler sees it: the operator (role already checked), the parsed body,
 * the request's time, the If-Match version if one was sent, and the handle of its transaction.
 */
public final class RouteRequest<B> {
    private final Context ctx;
    private final Operator operator;
    private final byte[] raw;
    private final B body;
    private final Instant now;
    private final Long ifMatch;
    private Handle handle;
    private boolean versionChecked;
    private Long etag;

    RouteRequest(Context ctx, Operator operator, byte[] raw, B body, Instant now, Long ifMatch) {
        this.ctx = ctx;
        this.operator = operator;
        this.raw = raw;
        this.body = body;
        this.now = now;
        this.ifMatch = ifMatch;
    }

    RouteRequest<B> on(Handle h) {
        this.handle = h;
        return this;
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    public Operator operator() {
        return operator;
    }

    public B body() {
        return body;
    }

    /** The request's time, in milliseconds (what the database and the audit chain keep). */
    public Instant now() {
        return now;
    }

    public Handle handle() {
        return handle;
    }

    /**
     * 412 when the client sent If-Match and {@code current} (the version of the row the handler has just read or locked)
     * is another; the rails check that a handler asked whenever If-Match was sent.
     */
    public void checkVersion(String what, long current) {
        versionChecked = true;
        if (ifMatch != null && ifMatch != current) {
            throw ETags.stale(ctx, what, ifMatch, current);
        }
    }

    /** The ETag the response carries once the transaction has committed. */
    public void etag(long version) {
        this.etag = version;
    }

    byte[] raw() {
        return raw;
    }

    Long ifMatch() {
        return ifMatch;
    }

    boolean versionChecked() {
        return versionChecked;
    }

    Long etagToSend() {
        return etag;
    }
}
