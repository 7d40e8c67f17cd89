package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.console.shell.Notice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionAnnouncerTest {
    final ApiKey key = FakeKeysApi.key("key_1", "acct_1", "revoked");

    @Test
    void aKeyNoticeNamesTheKeyWhatHappenedWhetherItCanBeUndoneAndTheAuditEntry() {
        Notice revoked = ActionAnnouncer.keyNotice(new KeyActionResult("revoke", false, key, List.of(), "aud_1", null));
        assertThat(revoked).isEqualTo(new Notice(Notice.Kind.SUCCESS, "Key sk-live-AbCd…9xYz revoked",
                "Revocation is final; it cannot be undone.", "aud_1"));
        Notice back = ActionAnnouncer.keyNotice(new KeyActionResult("reinstate", false, key, List.of(), "aud_2", null));
        assertThat(back.text()).isEqualTo("Key sk-live-AbCd…9xYz reinstated");
        assertThat(back.detail()).isNull();
    }

    @Test
    void aTerminationSaysItIsFinalAndHowManyKeysItRevoked() {
        Account gone = FakeKeysApi.account("acct_1", "terminated", "pro", 4);
        assertThat(ActionAnnouncer.accountNotice(new AccountActionResult("terminate", false, gone, 14, List.of(), "aud_3", null)).detail())
                .isEqualTo("Termination is final; 14 keys revoked.");
        assertThat(ActionAnnouncer.accountNotice(new AccountActionResult("terminate", false, gone, 1, List.of(), "aud_3", null)).detail())
                .isEqualTo("Termination is final; 1 key revoked.");
        assertThat(ActionAnnouncer.accountNotice(new AccountActionResult("warn", false, gone, 0, List.of(), "aud_4", null)))
                .isEqualTo(new Notice(Notice.Kind.SUCCESS, "Acme Robotics warned", null, "aud_4"));
    }

    @Test
    void anActionThisConsoleDoesNotKnowIsStillReportedInThePlatformsWords() {
        Notice n = ActionAnnouncer.keyNotice(new KeyActionResult("quarantine", false, key, List.of(), "aud_5", null));
        assertThat(n.text()).isEqualTo("Key sk-live-AbCd…9xYz quarantine");
    }
}
