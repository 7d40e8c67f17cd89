package dev.gatehouse.console.support;

/**
 * A view of the queue plus the search text; {@code me} is the signed-in operator's id, for "my open". Turned into the
 * filters of GET /admin/v1/tickets by the methods below.
 */
public record TicketQuery(TicketView view, String q, String me) {
    public TicketQuery {
        view = view == null ? TicketView.UNSOLVED : view;
        q = q == null || q.isBlank() ? null : q.strip();
    }

    /** Anything narrower than the default view: the list then says "no tickets match" rather than "the queue is empty". */
    public boolean narrowed() {
        return view != TicketView.UNSOLVED || q != null;
    }

    public String state() {
        return switch (view) {
            case UNSOLVED, MY_OPEN, UNASSIGNED, BREACHED, URGENT -> "unsolved";
            case SOLVED -> "solved";
            case ALL -> null;
        };
    }

    public String assignee() {
        return switch (view) {
            case MY_OPEN -> me;
            case UNASSIGNED -> "none";
            default -> null;
        };
    }

    public String priority() {
        return view == TicketView.URGENT ? "urgent" : null;
    }

    public String breached() {
        return view == TicketView.BREACHED ? "true" : null;
    }
}
