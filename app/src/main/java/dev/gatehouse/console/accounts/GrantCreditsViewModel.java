package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.CreditGrant;
import dev.gatehouse.api.NewCreditGrant;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.CreditGrantApproval;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.PolicySettings;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.Validated;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * "Grant credits" (issue 13): a manual grant, a promotion or a purchase (with its price), an optional expiry, and a
 * required reason; the preview says what the balance becomes, or that a grant above the four-eyes threshold waits for
 * a second operator ({@link CreditGrantApproval}). One Idempotency-Key per dialog: a retry never grants twice.
 */
public final class GrantCreditsViewModel {
    public static final List<String> KINDS = List.of("manual_grant", "promotion", "purchase");

    /** The call the dialog makes. */
    @FunctionalInterface
    public interface Granter {
        CompletableFuture<CreditGrant> grant(String accountId, NewCreditGrant body, String idempotencyKey);
    }

    private final Account account;
    private final Granter api;
    private final Executor fx;
    private final OperatorTime time;
    private final PolicySettings policy;
    private final Consumer<CreditGrant> onGranted;
    private String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty kind = new SimpleStringProperty(this, "kind", "manual_grant");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty pricePaid = new SimpleStringProperty(this, "pricePaid", "");
    private final StringProperty expires = new SimpleStringProperty(this, "expires", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ObjectBinding<List<String>> preview;

    public GrantCreditsViewModel(Account account, Granter api, Executor fx, OperatorTime time, PolicySettings policy,
                                 Consumer<CreditGrant> onGranted) {
        this.account = account;
        this.api = api;
        this.fx = fx;
        this.time = time;
        this.policy = policy;
        this.onGranted = onGranted;
        this.preview = Bindings.createObjectBinding(this::describe, kind, amount, pricePaid, expires);
    }

    public static String kindLabel(String kind) {
        return switch (kind == null ? "" : kind) {
            case "manual_grant" -> "Manual grant";
            case "promotion" -> "Promotion";
            case "purchase" -> "Purchase (paid)";
            default -> kind == null ? "" : kind;
        };
    }

    private Optional<BigDecimal> amountValue() {
        Validated<BigDecimal> v = Pricing.decimal("amount", amount.get());
        return v.isValid() && v.value().signum() > 0 && v.value().stripTrailingZeros().scale() <= Money.SCALE
                ? Optional.of(Money.normalize(v.value())) : Optional.empty();
    }

    private List<String> describe() {
        Optional<BigDecimal> value = amountValue();
        if (value.isEmpty()) {
            return List.of("Type an amount to see what changes.");
        }
        String money = Money.display(value.get(), account.currency());
        List<String> lines = new ArrayList<>();
        if (CreditGrantApproval.needsSecondApproval(value.get(), policy)) {
            lines.add(money + " is above " + Money.display(policy.fourEyesThreshold().value(), account.currency())
                    + ": the grant waits until a second, different operator approves it. Nothing is credited until then.");
        } else {
            lines.add("Adds a " + kindLabel(kind.get()).toLowerCase() + " lot of " + money + " to " + account.name()
                    + "; the balance goes from " + Money.display(account.balance(), account.currency()) + " to "
                    + Money.display(account.balance().add(value.get()), account.currency()) + ".");
        }
        lines.add(expiresAt().map(at -> "The credit expires on " + time.date(at) + ".").orElse("The credit does not expire."));
        lines.add("purchase".equals(kind.get()) ? "A purchase is refundable within the refund window (its price is what is refunded)."
                : "Granted and promotional credit is never refunded (pixapi §8).");
        lines.add("Writes one lot, one ledger line and one audit entry, in one transaction.");
        return lines;
    }

    private Optional<Instant> expiresAt() {
        String t = expires.get() == null ? "" : expires.get().strip();
        try {
            return t.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!KINDS.contains(kind.get())) {
            p.add("Choose a kind.");
        }
        if (amountValue().isEmpty()) {
            p.add("Amount must be a positive decimal like 250.00 (at most 6 decimals).");
        }
        if ("purchase".equals(kind.get())) {
            Validated<BigDecimal> paid = Pricing.decimal("price_paid", pricePaid.get());
            if (!paid.isValid() || paid.value().signum() < 0) {
                p.add("Price paid is required for a purchase: what the customer paid, e.g. 100.00.");
            }
        }
        String t = expires.get() == null ? "" : expires.get().strip();
        if (!t.isEmpty() && expiresAt().map(at -> !at.isAfter(time.now())).orElse(true)) {
            p.add("Expiry is a future date like 2027-06-30 (or empty: never).");
        }
        Enforcement.reasonProblem(reason.get()).ifPresent(m -> p.add("Reason " + m + "."));
        return p;
    }

    public void submit() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            error.set(String.join(" ", p));
            return;
        }
        saving.set(true);
        error.set("");
        NewCreditGrant body = new NewCreditGrant(kind.get(), amountValue().orElseThrow().toPlainString(), expiresAt().orElse(null),
                "purchase".equals(kind.get()) ? pricePaid.get().strip() : null, reason.get().strip());
        api.grant(account.id(), body, idempotencyKey).whenComplete((grant, failure) -> fx.execute(() -> {
            saving.set(false);
            if (failure == null) {
                done.set(true);
                onGranted.accept(grant);
                return;
            }
            PlatformException e = PlatformException.of(failure);
            if (!e.retryable()) {
                idempotencyKey = UUID.randomUUID().toString();
            }
            error.set(e.getMessage() + (e.retryable() ? " What you typed is kept; Grant again sends the same request and cannot grant twice." : ""));
        }));
    }

    public Account account() { return account; }
    public StringProperty kindProperty() { return kind; }
    public StringProperty amountProperty() { return amount; }
    public StringProperty pricePaidProperty() { return pricePaid; }
    public StringProperty expiresProperty() { return expires; }
    public StringProperty reasonProperty() { return reason; }
    public ObjectBinding<List<String>> previewProperty() { return preview; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
}
