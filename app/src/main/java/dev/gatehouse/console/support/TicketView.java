package dev.gatehouse.console.support;

/**
 * The queue's views (issue 10 §5, Zendesk's views): each is a saved filter of GET /tickets, sorted by first-reply due.
 * "Unsolved" is the default view, the one the benchmark times.
 */
public enum TicketView {
    UNSOLVED("Unsolved"),
    MY_OPEN("My open"),
    UNASSIGNED("Unassigned"),
    BREACHED("Breached"),
    URGENT("Urgent"),
    SOLVED("Solved"),
    ALL("All tickets");

    private final String label;

    TicketView(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
