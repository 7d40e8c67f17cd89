package dev.gatehouse.console.refunds;

import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PolicyPreview;
import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundEligibilityView;
import dev.gatehouse.api.RefundLot;
import dev.gatehouse.api.RefundReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records each call with a future the test completes; builds refunds and details for the refund view model tests. */
final class FakeRefundsApi implements RefundsApi {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    record Call(String name, List<Object> args, CompletableFuture<Object> future) {
        Object arg(int i) {
            return args.get(i);
        }

        void reply(Object value) {
            future.complete(value);
        }

        void fail(Throwable t) {
            future.completeExceptionally(t);
        }
    }

    final List<Call> calls = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> record(String name, Object... args) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        calls.add(new Call(name, Arrays.asList(args), f));
        return (CompletableFuture<T>) f;
    }

    Call last(String name) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).name().equals(name)) return calls.get(i);
        }
        throw new AssertionError("no call " + name + " in " + calls.stream().map(Call::name).toList());
    }

    List<Call> calls(String name) {
        return calls.stream().filter(c -> c.name().equals(name)).toList();
    }

    @Override public CompletableFuture<Page<Refund>> refunds(RefundQuery q, String cursor, int limit) { return record("refunds", q, cursor, limit); }
    @Override public CompletableFuture<RefundDetail> refund(String id) { return record("refund", id); }
    @Override public CompletableFuture<RefundActionResult> approve(String id, RefundApprovalRequest b, String key) { return record("approve", id, b, key); }
    @Override public CompletableFuture<RefundActionResult> deny(String id, RefundReason b, String key) { return record("deny", id, b, key); }
    @Override public CompletableFuture<RefundActionResult> retryPayout(String id, RefundReason b, String key) { return record("retry", id, b, key); }
    @Override public CompletableFuture<PolicyView> policy() { return record("policy"); }
    @Override public CompletableFuture<PolicyPreview> previewPolicy(PolicyUpdate u) { return record("previewPolicy", u); }
    @Override public CompletableFuture<PolicyView> updatePolicy(long version, PolicyUpdate u) { return record("updatePolicy", version, u); }

    static BigDecimal m(String s) {
        return new BigDecimal(s).setScale(6);
    }

    static Refund refund(String id, String state, String requested, String firstApprover) {
        return new Refund(id, "acct_1", "Northwind Labs", "lot_1", "purchase", state, "partially_eligible", m(requested), m("20"),
                state.equals("paid") ? m(requested) : null, "USD", state.equals("requested") || state.startsWith("awaiting") ? m(requested) : m("0"),
                m("0"), "Bought the wrong pack", "op_support", NOW.minusSeconds(3600), firstApprover,
                firstApprover == null ? null : m(requested), firstApprover == null ? null : NOW.minusSeconds(600), false,
                null, null, null, state.equals("paid") ? "po_1" : null, state.equals("failed") ? "declined" : null, 0, 1);
    }

    /** Refundable 20.00 of the requested amount; the unused credits are worth 25.00 (the most a lead's exception pays). */
    static RefundDetail detail(Refund r) {
        var e = new RefundEligibilityView("partially_eligible", r.requestedAmount(), m("20"), m("25"), m("20"), "Pixapi",
                "refund cap", "pixapi §8", List.of(new RefundEligibilityView.Line("only 20.000000 of the requested "
                + r.requestedAmount().toPlainString() + " is refundable", "refund cap", "pixapi §8")), r.requestedAt(), m("500"),
                r.requestedAmount().compareTo(m("500")) > 0);
        var lot = new RefundLot("lot_1", "purchase", NOW.minusSeconds(86_400 * 2), null, false, m("30"), m("5"), m("0"), m("0"),
                m("0"), m("25"), m("30"), m("0"), "USD");
        var history = List.of(new LedgerEntry("led_1", "acct_1", NOW.minusSeconds(86_400 * 2), "purchase", m("30"), "lot_1", m("30"),
                "USD", "credit pack", "system"));
        return new RefundDetail(r, e, lot, history, new RefundDetail.Credits("acct_1", "Northwind Labs", "active", m("25"),
                r.creditsHeld(), m("25").subtract(r.creditsHeld()), "USD"));
    }

    static PolicyView policy(String preset, String name, String window, String kinds, String fin, long version) {
        return new PolicyView(preset, name, name, false, version, null, null, List.of(
                new PolicyView.Rule("refund_window_days", "refund window (days)", window, window, preset + " §8", "clause", false),
                new PolicyView.Rule("refundable_kinds", "refundable lot kinds", kinds, kinds, preset + " §8", "clause", false),
                new PolicyView.Rule("refunds_exception_only", "refunds only as an exception", "false", "no", "default (DESIGN §4)", "c", true),
                new PolicyView.Rule("purchases_final", "credit purchases are final", fin, fin, "default (DESIGN §4)", "c", true)),
                List.of(new PolicyView.Preset("pixapi", "Pixapi"), new PolicyView.Preset("decart", "Decart")));
    }
}
