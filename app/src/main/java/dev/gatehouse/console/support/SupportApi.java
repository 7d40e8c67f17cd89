package dev.gatehouse.console.support;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.MacroSet;
import dev.gatehouse.api.NewTicketMessage;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketPatch;
import dev.gatehouse.console.accounts.AccountsApi;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** What the Support workspace reads and does; key actions on an exposed key come from the accounts calls. */
public interface SupportApi extends AccountsApi {
    /** How many reports and refunds the context shows; the rest are on their own screens. */
    int CONTEXT_ROWS = 5;

    CompletableFuture<Page<Ticket>> tickets(TicketQuery query, String cursor, int limit);

    CompletableFuture<TicketDetail> ticket(String id);

    CompletableFuture<TicketDetail> message(String ticketId, NewTicketMessage message, String idempotencyKey);

    CompletableFuture<TicketDetail> patch(String ticketId, long version, TicketPatch patch);

    CompletableFuture<MacroSet> macros();

    /** Replaces the whole macro set (lead), If-Match the version it was read at. */
    CompletableFuture<MacroSet> replaceMacros(long version, dev.gatehouse.api.MacroSetUpdate update);

    /** The account's unsolved tickets: the candidates a duplicate is merged into. */
    CompletableFuture<Page<Ticket>> unsolvedTicketsOf(String accountId);

    /** Merges ticket {@code id} into another of the same account; answers the ticket merged into. */
    CompletableFuture<TicketDetail> merge(String id, dev.gatehouse.api.TicketMerge merge, String idempotencyKey);

    /** The account's unresolved abuse reports (a few, for the context beside the ticket). */
    CompletableFuture<Page<AbuseReport>> openReports(String accountId);

    /** The account's refund requests (a few, for the context beside the ticket). */
    CompletableFuture<Page<Refund>> refunds(String accountId);

    static SupportApi of(PlatformClient client) {
        return new ClientSupportApi(client);
    }

    /** Straight through to the platform client. */
    final class ClientSupportApi extends AccountsApi.ClientAccountsApi implements SupportApi {
        ClientSupportApi(PlatformClient client) {
            super(client);
        }

        @Override
        public CompletableFuture<Page<Ticket>> tickets(TicketQuery q, String cursor, int limit) {
            return client.tickets(q.state(), q.priority(), q.assignee(), null, q.breached(), q.q(), cursor, limit);
        }

        @Override
        public CompletableFuture<TicketDetail> ticket(String id) {
            return client.ticket(id);
        }

        @Override
        public CompletableFuture<TicketDetail> message(String ticketId, NewTicketMessage message, String idempotencyKey) {
            return client.ticketMessage(ticketId, message, idempotencyKey);
        }

        @Override
        public CompletableFuture<TicketDetail> patch(String ticketId, long version, TicketPatch patch) {
            return client.patchTicket(ticketId, version, patch);
        }

        @Override
        public CompletableFuture<MacroSet> macros() {
            return client.macros();
        }

        @Override
        public CompletableFuture<MacroSet> replaceMacros(long version, dev.gatehouse.api.MacroSetUpdate update) {
            return client.replaceMacros(version, update);
        }

        @Override
        public CompletableFuture<Page<Ticket>> unsolvedTicketsOf(String accountId) {
            return client.tickets("unsolved", null, null, accountId, null, null, null, 50);
        }

        @Override
        public CompletableFuture<TicketDetail> merge(String id, dev.gatehouse.api.TicketMerge merge, String idempotencyKey) {
            return client.mergeTicket(id, merge, idempotencyKey);
        }

        @Override
        public CompletableFuture<Page<AbuseReport>> openReports(String accountId) {
            return client.openReportsOf(accountId, CONTEXT_ROWS);
        }

        @Override
        public CompletableFuture<Page<Refund>> refunds(String accountId) {
            return client.refundsOf(accountId, CONTEXT_ROWS);
        }
    }
}
