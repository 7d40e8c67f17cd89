package dev.gatehouse.gateway.bench;

import dev.gatehouse.gateway.Database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The support queue's rows of the list benchmark (issue 10 item 6: the default ticket view, p95 ≤ 25 ms): the
 * console's default view is the unsolved tickets by first-reply due; then the other views a support agent opens.
 */
public final class TicketListBenchmark {
    private TicketListBenchmark() {}

    /** Query name → path (under /admin/v1), drawing its parameters from {@code r}. */
    public static Map<String, Supplier<String>> queries(Database db, Random r) {
        List<String> accounts = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT account_id FROM tickets ORDER BY account_id LIMIT 2000").mapTo(String.class).list());
        List<String> words = List.of("charged", "invoice", "refund", "sign in", "429", "video", "timeout", "webhook", "model", "veo");
        Map<String, Supplier<String>> queries = new LinkedHashMap<>();
        if (accounts.isEmpty()) {
            return queries;
        }
        queries.put("tickets, default view (unsolved)", () -> "/tickets?state=unsolved");
        queries.put("tickets, unassigned", () -> "/tickets?state=unsolved&assignee=none");
        queries.put("tickets, my open", () -> "/tickets?state=unsolved&assignee=op_support");
        queries.put("tickets, breached", () -> "/tickets?state=unsolved&breached=true");
        queries.put("tickets, urgent", () -> "/tickets?state=unsolved&priority=urgent");
        queries.put("tickets of an account", () -> "/tickets?account_id=" + accounts.get(r.nextInt(accounts.size())));
        queries.put("tickets by text", () -> "/tickets?q=" + URLEncoder.encode(words.get(r.nextInt(words.size())), StandardCharsets.UTF_8));
        return queries;
    }
}
