package dev.gatehouse.gateway.http;

/** Builds cursors of the right kind but wrong content, to check they are refused. */
final class CursorTestAccess {
    private CursorTestAccess() {}

    static String audit(String value) {
        return Cursor.encode("audit", value);
    }
}
