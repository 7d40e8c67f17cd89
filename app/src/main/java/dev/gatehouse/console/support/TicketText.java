package dev.gatehouse.console.support;

import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.console.accounts.OperatorTime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the Support workspace puts a ticket into words: SLA badges, deadlines and redaction markers. */
public final class TicketText {
    /** A marker the platform's secret scanner left, e.g. "[card 411111…1111 removed]" or "[password removed]". */
    private static final Pattern MARKER = Pattern.compile("\\[[^\\[\\]\\n]{1,120} removed]");

    private TicketText() {}

    /**
     * An SLA badge: its words, the same for a narrow table cell ("3 h 12 min left", "1 d 11 h late"), its style class
     * (sla-ok, sla-soon, sla-breached, sla-done) and a tooltip.
     */
    public record Badge(String text, String shortText, String style, String tooltip) {
        Badge(String text, String style, String tooltip) {
            this(text, text, style, tooltip);
        }
    }

    /**
     * The first-reply clock of a ticket: "due in 3 h 12 min", "breached 20 min ago", "replied late", "replied",
     * "closed". Under an hour left is "soon" (amber); breached is red (DESIGN §6: due time and breach shown).
     */
    public static Badge sla(Ticket t, OperatorTime time) {
        String due = "First reply due " + time.absolute(t.firstReplyDueAt());
        if (t.firstReplyAt() != null) {
            return t.breached()
                    ? new Badge("replied late", "sla-breached", due + "; replied " + time.absolute(t.firstReplyAt()))
                    : new Badge("replied", "sla-done", due + "; replied " + time.absolute(t.firstReplyAt()));
        }
        if ("closed".equals(t.state()) || "solved".equals(t.state())) {
            return new Badge(t.breached() ? "no reply, late" : "no reply needed", t.breached() ? "sla-breached" : "sla-done",
                    due + "; " + t.state() + " without a reply");
        }
        Duration left = Duration.between(time.now(), t.firstReplyDueAt());
        // "in 3 h 12 min" / "20 min ago" without the direction, which the badge's own word gives
        String relative = time.relative(t.firstReplyDueAt());
        String span = relative.equals("just now") ? "now" : relative.replaceFirst("^in ", "").replaceFirst(" ago$", "");
        // a table cell has room for the larger unit only: "22 h" of "22 h 1 min"
        span = span.replaceFirst("^(\\d+ (?:mo|d|h|min)) .*$", "$1");
        if (t.breached()) {
            return new Badge("breached " + time.relative(t.firstReplyDueAt()), span.equals("now") ? "late" : span + " late", "sla-breached", due);
        }
        return new Badge("due " + time.relative(t.firstReplyDueAt()), span.equals("now") ? "due now" : span + " left",
                left.toMinutes() < 60 ? "sla-soon" : "sla-ok", due);
    }

    /** The owner-notification deadline of an exposed key (ai-visual-studio §3: within 24 hours). */
    public static Badge notifyOwner(TicketExposedKey k, OperatorTime time) {
        if (k.ownerNotifiedAt() != null) {
            return new Badge("Owner notified " + time.relative(k.ownerNotifiedAt()), "sla-done",
                    "An agent replied to the key's owner " + time.absolute(k.ownerNotifiedAt()));
        }
        boolean late = time.now().isAfter(k.notifyOwnerBy());
        return new Badge((late ? "Owner notification overdue since " : "Notify the owner by ") + time.absolute(k.notifyOwnerBy())
                + " (" + time.relative(k.notifyOwnerBy()) + ")", late ? "sla-breached" : "sla-soon",
                "ai-visual-studio §3: a compromised key is revoked and its owner notified within 24 hours of finding it. "
                        + "A reply to the customer on this ticket counts when the key is theirs.");
    }

    /** A piece of a message body: plain text, or a redaction marker shown as a chip. */
    public record Segment(String text, boolean marker) {}

    /** The body cut into plain text and redaction markers, in order. */
    public static List<Segment> segments(String body) {
        List<Segment> out = new ArrayList<>();
        Matcher m = MARKER.matcher(body);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(body.substring(at, m.start()), false));
            }
            out.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < body.length()) {
            out.add(new Segment(body.substring(at), false));
        }
        return out;
    }

    /** "card, platform key" from the wire slugs. */
    public static String redactions(List<String> slugs) {
        return String.join(", ", slugs.stream().map(s -> s.replace('_', ' ')).toList());
    }

    /** "On hold" from "on_hold". */
    public static String word(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "—";
        }
        String w = wire.replace('_', ' ');
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
