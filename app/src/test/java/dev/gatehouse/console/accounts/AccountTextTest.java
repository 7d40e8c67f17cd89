package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.CreditLot;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.gatehouse.console.accounts.FakeKeysApi.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The 360° view's words, computed in the view model (the controller only sets them). */
class AccountTextTest {
    static final OperatorTime TIME = AccountDetailViewModelTest.TIME;

    static CreditLot lot(String remaining, Long expiresInDays, boolean expired) {
        return new CreditLot("lot_" + remaining, "acct_1", "purchase", new BigDecimal("50.000000"), new BigDecimal(remaining),
                new BigDecimal("50.000000"), "USD", NOW.minusSeconds(86400L * 10),
                expiresInDays == null ? null : NOW.plusSeconds(86400L * expiresInDays), expired);
    }

    @Test
    void theHeaderSaysWhoSinceWhenAndUntilWhenSuspended() {
        Account a = FakeKeysApi.account("acct_1", "active", "pro", 1);
        AccountText active = AccountText.of(a, TIME);
        assertThat(active.tier()).isEqualTo("Pro tier");
        assertThat(active.contact()).isEqualTo("ops@acme.io · acct_1");
        assertThat(active.since()).isEqualTo("Customer since 2026-08-24 12:00 UTC (3 mo ago)");
        assertThat(active.balance()).isEqualTo("$42.50 USD");
        assertThat(active.suspended()).isFalse();

        Account held = new Account("acct_1", a.name(), a.email(), "suspended", "pro", a.balance(), "USD", a.createdAt(),
                NOW.plusSeconds(72 * 3600), 2);
        assertThat(AccountText.of(held, TIME).suspended()).isTrue();
        assertThat(AccountText.of(held, TIME).suspension())
                .isEqualTo("Suspended until 2026-11-25 12:00 UTC (in 3 d): the API refuses all of its keys.");
        Account indefinitely = new Account("acct_1", a.name(), a.email(), "suspended", "pro", a.balance(), "USD", a.createdAt(), null, 2);
        assertThat(AccountText.of(indefinitely, TIME).suspension()).isEqualTo("Suspended until reinstated: the API refuses all of its keys.");
    }

    @Test
    void theSummariesCountLotsExpiringCreditAndKeysByStatus() {
        Account a = FakeKeysApi.account("acct_1", "active", "pro", 1);
        var detail = new AccountDetail(a, List.of(lot("20.000000", 10L, false), lot("5.000000", 90L, false), lot("0.000000", -5L, true)),
                List.of(FakeKeysApi.key("key_1", "acct_1", "active")), 12, Map.of("active", 9, "revoked", 3), List.of(), null);
        AccountText.Summary s = AccountText.Summary.of(detail, TIME);
        assertThat(s.balanceNote()).isEqualTo("Spendable: the remaining credit of 2 unexpired lots; $20.00 of it expires within 30 days."
                + " The soonest-expiring lot is drawn first.");
        assertThat(s.lots()).isEqualTo("3 lots · 1 expired");
        assertThat(s.keys()).isEqualTo("12 keys · 9 active · 3 revoked · showing the first 1 (active first); the Keys screen lists all");

        var single = new AccountDetail(a, List.of(lot("5.000000", null, false)), List.of(FakeKeysApi.key("key_1", "acct_1", "active")), 1,
                Map.of("active", 1), List.of(), null);
        assertThat(AccountText.Summary.of(single, TIME).balanceNote()).startsWith("Spendable: the remaining credit of 1 unexpired lot.");
        assertThat(AccountText.Summary.of(single, TIME).lots()).isEqualTo("1 lot");
        // issue 10 "Hold": credits a pending refund holds are part of the balance but cannot be spent
        var holding = new AccountDetail(a, List.of(lot("5.000000", null, false)), List.of(), 0, Map.of(), List.of(),
                new java.math.BigDecimal("1.500000"));
        assertThat(AccountText.Summary.of(holding, TIME).balanceNote()).startsWith("$1.50 of it is held by pending refund "
                + "requests and cannot be spent until they are decided; spendable: $3.50. The balance is the remaining credit of 1 unexpired lot.");
        assertThat(AccountText.Summary.of(single, TIME).keys()).isEqualTo("1 key · 1 active");
    }

    @Test
    void theViewModelOffersTheWordsTheControllerShows() {
        FakeKeysApi api = new FakeKeysApi();
        var viewer = new AccountDetailViewModel(api, Runnable::run, Role.VIEWER, TIME);
        assertThat(viewer.headerProperty().get()).isNull();
        viewer.open("acct_1");
        var key = FakeKeysApi.key("key_1", "acct_1", "suspended");
        var suspension = new EnforcementAction("enf_1", "acct_1", "key_1", "key", "suspend", "Leaked", "ana", NOW, null, null);
        api.last("account").reply(new AccountDetail(FakeKeysApi.account("acct_1", "active", "pro", 1), List.of(), List.of(key), 1,
                Map.of("suspended", 1), List.of(suspension), null));
        assertThat(viewer.headerProperty().get().name()).isEqualTo("Acme Robotics");
        assertThat(viewer.summaryProperty().get().keys()).isEqualTo("1 key · 1 suspended");
        assertThat(viewer.actionsNoteProperty().get()).startsWith("Your role (Viewer) may look but not warn");
        assertThat(viewer.enforcementAction(suspension)).as("a key by its masked form, never more").isEqualTo("Suspend key sk-live-AbCd…9xYz");

        api.last("ledger").reply(new Page<LedgerEntry>(List.of(FakeKeysApi.usage("led_1", "acct_1")), "c1"));
        assertThat(viewer.ledgerCountProperty().get()).isEqualTo("1 entries shown · older ones available");
        viewer.loadMoreLedger();
        api.last("ledger").fail(new dev.gatehouse.console.client.PlatformException("The gateway is down.", 503, true));
        assertThat(viewer.ledger()).hasSize(1);

        var lead = new AccountDetailViewModel(api, Runnable::run, Role.LEAD, TIME);
        lead.open("acct_2");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_2", "terminated", "pro", 1)));
        assertThat(lead.actionsNoteProperty().get()).isEqualTo("Terminated accounts are final: no action can change this one.");
        api.last("ledger").fail(new dev.gatehouse.console.client.PlatformException("The gateway is down.", 503, true));
        assertThat(lead.ledgerMessageProperty().get()).isEqualTo("Couldn't load the ledger: The gateway is down.");
        lead.open("acct_3");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_3", "active", "pro", 1)));
        api.last("ledger").reply(new Page<LedgerEntry>(List.of(), null));
        assertThat(lead.ledgerMessageProperty().get()).isEqualTo("No ledger entries yet: no purchases, grants or usage on this account.");
        assertThat(lead.ledgerCountProperty().get()).isEmpty();
    }

    @Test
    void tableCellsSayFreeNeverExpiredAndUntilReinstated() {
        CreditLot reward = new CreditLot("lot_1", "acct_1", "signup_reward", new BigDecimal("5.000000"), new BigDecimal("5.000000"),
                BigDecimal.ZERO, "USD", NOW, NOW.minusSeconds(3 * 86400L), true);
        assertThat(AccountText.lotPaid(reward)).isEqualTo("free");
        assertThat(AccountText.lotExpires(reward, TIME)).isEqualTo("expired 3 d ago · 2026-11-19");
        CreditLot bought = lot("20.000000", null, false);
        assertThat(AccountText.lotPaid(bought)).isEqualTo("$50.00");
        assertThat(AccountText.lotExpires(bought, TIME)).isEqualTo("never");

        var open = new EnforcementAction("enf_1", "acct_1", null, "account", "suspend", "Chargeback", "ana", NOW, null, null);
        var timed = new EnforcementAction("enf_2", "acct_1", null, "account", "suspend", "Chargeback", "ana", NOW, 72, NOW.plusSeconds(72 * 3600));
        var warning = new EnforcementAction("enf_3", "acct_1", null, "account", "warn", "Spam", "ana", NOW, null, null);
        assertThat(AccountText.enforcementUntil(open, TIME)).isEqualTo("until reinstated");
        assertThat(AccountText.enforcementUntil(timed, TIME)).isEqualTo("in 3 d · 2026-11-25");
        assertThat(AccountText.enforcementUntil(warning, TIME)).isEqualTo("—");

        var unnamed = new dev.gatehouse.api.ApiKey("key_9", "acct_1", "", "live", "sk-live-AbCd", "9xYz", "sk-live-AbCd…9xYz", "active",
                NOW, null, null, 1, "Acme Robotics", "active");
        assertThat(AccountText.keyName(unnamed)).isEqualTo("—");
        assertThat(AccountText.keyName(FakeKeysApi.key("key_1", "acct_1", "active"))).isEqualTo("production");
    }
}
