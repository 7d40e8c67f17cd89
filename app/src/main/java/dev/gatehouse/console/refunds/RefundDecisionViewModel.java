package dev.gatehouse.console.refunds;

import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.api.RefundDetail;
import dev.gatehouse.api.RefundReason;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.RefundEligibility;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The dialog for approving (first or second approval), denying, or retrying the payout of one refund, in the reason
 * dialog's way: the amount is typed as an exact decimal and checked as it is typed against the same rules the gateway
 * applies (over the refundable amount only as a lead's exception, never over the unused credits' value), the lines
 * under it say what will change, and one Idempotency-Key per dialog makes a retry safe: it can never pay twice.
 */
public final class RefundDecisionViewModel {
    public enum Kind { APPROVE, SECOND_APPROVAL, DENY, RETRY_PAYOUT }

    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,20}(\\.[0-9]{1,20})?$");

    private final Kind kind;
    private final RefundDetail detail;
    private final boolean mayMakeException;
    private final RefundsApi api;
    private final Executor fx;
    private final Consumer<RefundActionResult> onDone;
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final BooleanProperty exception = new SimpleBooleanProperty(this, "exception");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError", "");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError", "");
    private final ReadOnlyBooleanWrapper exceptionNeeded = new ReadOnlyBooleanWrapper(this, "exceptionNeeded");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final BooleanBinding valid;
    private final BooleanBinding canSubmit;
    private boolean reasonTouched;

    /** {@code mayMakeException}: the operator is a lead (REFUND_EXCEPTION). */
    public RefundDecisionViewModel(Kind kind, RefundDetail detail, boolean mayMakeException, RefundsApi api, Executor fx,
                                   Consumer<RefundActionResult> onDone) {
        this.kind = kind;
        this.detail = detail;
        this.mayMakeException = mayMakeException;
        this.api = api;
        this.fx = fx;
        this.onDone = onDone;
        amount.set(startingAmount().toPlainString());
        amount.addListener((o, a, b) -> validate());
        exception.addListener((o, a, b) -> validate());
        reason.addListener((o, a, b) -> {
            reasonTouched = true;
            validate();
        });
        valid = Bindings.createBooleanBinding(() -> amountProblem().isEmpty() && reasonProblem().isEmpty(), amount, exception, reason);
        canSubmit = valid.and(submitting.not()).and(done.not());
        validate();
    }

    /** The second approval confirms the first one's amount; an approval starts at what is refundable. */
    private BigDecimal startingAmount() {
        var r = detail.refund();
        if (kind == Kind.SECOND_APPROVAL && r.firstAmount() != null) {
            return plain(r.firstAmount());
        }
        if (kind == Kind.RETRY_PAYOUT && r.approvedAmount() != null) {
            return plain(r.approvedAmount());
        }
        BigDecimal refundable = detail.eligibility().refundable();
        return plain(refundable.signum() > 0 ? refundable.min(r.requestedAmount()) : r.requestedAmount());
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2, RoundingMode.UNNECESSARY) : s;
    }

    public boolean amountEditable() {
        return kind == Kind.APPROVE;
    }

    public boolean hasAmount() {
        return kind == Kind.APPROVE || kind == Kind.SECOND_APPROVAL;
    }

    public String title() {
        return switch (kind) {
            case APPROVE -> "Approve refund";
            case SECOND_APPROVAL -> "Give the second approval";
            case DENY -> "Deny refund";
            case RETRY_PAYOUT -> "Retry the payout";
        };
    }

    public String submitText() {
        return switch (kind) {
            case APPROVE -> "Approve";
            case SECOND_APPROVAL -> "Confirm approval";
            case DENY -> "Deny refund";
            case RETRY_PAYOUT -> "Retry payout";
        };
    }

    public String target() {
        var r = detail.refund();
        return r.id() + " · " + r.accountName() + " · requested " + AccountLabels.money(r.requestedAmount(), r.currency())
                + " on lot " + r.lotId();
    }

    /** What the typed amount is, once it is one. */
    Optional<BigDecimal> parsed() {
        String t = amount.get() == null ? "" : amount.get().strip();
        if (!DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    private Optional<String> amountProblem() {
        if (!hasAmount()) {
            return Optional.empty();
        }
        String t = amount.get() == null ? "" : amount.get().strip();
        if (t.isEmpty()) {
            return Optional.of("Type the amount to refund, e.g. 12.50.");
        }
        Optional<BigDecimal> value = parsed();
        if (value.isEmpty()) {
            return Optional.of("Type digits with one dot, e.g. 12.50 (no commas, signs or exponents).");
        }
        Optional<String> shape = RefundEligibility.amountProblem(value.get());
        if (shape.isPresent()) {
            return Optional.of(capitalized(shape.get()) + ".");
        }
        var r = detail.refund();
        var e = detail.eligibility();
        String cur = r.currency();
        if (value.get().compareTo(r.requestedAmount()) > 0) {
            return Optional.of("More than the customer asked for (" + AccountLabels.money(r.requestedAmount(), cur) + ").");
        }
        if (value.get().compareTo(e.exceptionCap()) > 0) {
            return Optional.of("More than the unused credits are worth less earlier refunds (" + AccountLabels.money(e.exceptionCap(), cur)
                    + "); no exception can refund that.");
        }
        if (value.get().compareTo(e.refundable()) > 0 && !exception.get()) {
            String cap = "More than the refundable " + AccountLabels.money(e.refundable(), cur) + " (" + e.preset() + " preset).";
            return Optional.of(mayMakeException ? cap + " Tick \"Approve as an exception\" and say why in the reason."
                    : cap + " Only a lead may approve more, as an exception.");
        }
        return Optional.empty();
    }

    private Optional<String> reasonProblem() {
        return Enforcement.reasonProblem(reason.get()).map(m -> "Reason " + m + ".");
    }

    private void validate() {
        amountError.set(amountProblem().orElse(""));
        reasonError.set(reasonTouched ? reasonProblem().orElse("") : "");
        exceptionNeeded.set(hasAmount() && mayMakeException
                && parsed().map(v -> v.compareTo(detail.eligibility().refundable()) > 0).orElse(false));
        changes.setAll(changeLines());
    }

    /** What submitting will do, in sentences the operator can check before sending. */
    List<String> changeLines() {
        var r = detail.refund();
        var e = detail.eligibility();
        String cur = r.currency();
        List<String> lines = new ArrayList<>();
        String amt = parsed().map(v -> AccountLabels.money(v, cur)).orElse("the amount");
        switch (kind) {
            case APPROVE -> {
                boolean fourEyes = parsed().map(v -> v.compareTo(e.fourEyesThreshold()) > 0).orElse(false);
                if (fourEyes) {
                    lines.add("First approval of " + amt + ": above " + AccountLabels.money(e.fourEyesThreshold(), cur)
                            + " a second operator, not you, must confirm before anything is paid.");
                    lines.add("The " + r.creditsHeld().stripTrailingZeros().toPlainString() + " held credits stay held until then.");
                } else {
                    paidLines(lines, amt);
                }
                if (exception.get()) {
                    lines.add("Recorded as a lead's exception to the " + e.preset() + " preset, with your reason.");
                }
            }
            case SECOND_APPROVAL -> {
                lines.add("Confirms " + r.firstApprover() + "'s approval of " + amt + " (four-eyes).");
                paidLines(lines, amt);
            }
            case DENY -> lines.add("The refund is denied and the " + r.creditsHeld().stripTrailingZeros().toPlainString()
                    + " held credits become spendable again. The customer keeps the credits.");
            case RETRY_PAYOUT -> {
                lines.add("Takes the credits out of lot " + r.lotId() + " again and pays " + amt + ".");
                lines.add("Uses the same payout key as before: a payment the provider already made is found, not made twice.");
            }
        }
        lines.add("Writes one audit entry with your reason.");
        return lines;
    }

    private void paidLines(List<String> lines, String amt) {
        var r = detail.refund();
        lines.add("Pays " + amt + " to the customer through the payout provider.");
        lines.add("Takes the credits it stands for out of lot " + r.lotId() + " (one 'refund' ledger line) and releases the hold.");
        lines.add("If the payout fails, the credits go back into the lot and the payout can be retried.");
    }

    /** Sends (or re-sends, with the same Idempotency-Key) the decision; on success hands the result on. */
    public void submit() {
        reasonTouched = true;
        validate();
        if (!canSubmit.get()) {
            return;
        }
        submitting.set(true);
        error.set("");
        String id = detail.refund().id();
        String why = reason.get().strip();
        CompletableFuture<RefundActionResult> call = switch (kind) {
            case APPROVE, SECOND_APPROVAL -> api.approve(id, new RefundApprovalRequest(parsed().orElseThrow().toPlainString(), why,
                    exception.get() ? Boolean.TRUE : null), idempotencyKey);
            case DENY -> api.deny(id, new RefundReason(why), idempotencyKey);
            case RETRY_PAYOUT -> api.retryPayout(id, new RefundReason(why), idempotencyKey);
        };
        call.whenComplete((result, failure) -> fx.execute(() -> {
            submitting.set(false);
            if (failure != null) {
                error.set(readable(PlatformException.of(failure)));
                return;
            }
            done.set(true);
            onDone.accept(result);
        }));
    }

    private static String readable(PlatformException e) {
        if (e.is(ProblemType.IDEMPOTENCY_CONFLICT)) {
            return "This dialog already sent a decision with different details, and the platform may have carried it out. "
                    + "Close the dialog and reload the refund before deciding again.";
        }
        return e.getMessage() + (e.retryable() ? " What you typed is kept; sending again cannot pay twice." : "");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public Kind kind() { return kind; }
    public RefundDetail detail() { return detail; }
    public boolean mayMakeException() { return mayMakeException; }
    public String idempotencyKey() { return idempotencyKey; }
    public StringProperty amountProperty() { return amount; }
    public BooleanProperty exceptionProperty() { return exception; }
    public StringProperty reasonProperty() { return reason; }
    public ReadOnlyStringProperty amountErrorProperty() { return amountError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reasonErrorProperty() { return reasonError.getReadOnlyProperty(); }
    /** A lead typed more than the refundable amount: the exception box matters now. */
    public ReadOnlyBooleanProperty exceptionNeededProperty() { return exceptionNeeded.getReadOnlyProperty(); }
    public ObservableList<String> changes() { return changes; }
    public ReadOnlyBooleanProperty submittingProperty() { return submitting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public BooleanBinding canSubmitBinding() { return canSubmit; }
}
