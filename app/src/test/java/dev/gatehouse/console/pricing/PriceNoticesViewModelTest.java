package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceNotice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PriceNoticesViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    static PriceNotice notice(String id, boolean emergency) {
        return new PriceNotice(id, "chg_1", "acct_1", "Big Co", "mdl_1", "GPT-4.1", NOW, NOW.plusSeconds(30 * 86400),
                "input $3.00 → $3.30 (+10.00 %)", "Provider raised its price", emergency);
    }

    @Test
    void filtersGoToThePlatformAndMorePagesAppend() {
        List<String> calls = new ArrayList<>();
        PriceNoticesApi api = (account, model, cursor, limit) -> {
            calls.add(account + "|" + model + "|" + cursor + "|" + limit);
            return CompletableFuture.completedFuture(cursor == null
                    ? new Page<>(List.of(notice("pn_1", false), notice("pn_2", true)), "c2")
                    : new Page<>(List.of(notice("pn_3", false)), null));
        };
        PriceNoticesViewModel vm = new PriceNoticesViewModel(api, Runnable::run, ZoneOffset.UTC);
        vm.accountFilterProperty().set(" acct_1 ");
        vm.search();
        assertThat(calls).containsExactly("acct_1|null|null|100");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.rows().get(0).account()).isEqualTo("Big Co · acct_1");
        assertThat(vm.rows().get(0).effective()).isEqualTo("28 Dec 2026 09:00 Z");
        assertThat(vm.rows().get(1).emergency()).isTrue();
        assertThat(vm.moreProperty().get()).isTrue();
        vm.loadMore();
        assertThat(calls).last().isEqualTo("acct_1|null|c2|100");
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.moreProperty().get()).isFalse();
        vm.loadMore();
        assertThat(calls).hasSize(2);
        vm.accountFilterProperty().set("");
        vm.modelFilterProperty().set("mdl_1");
        vm.search();
        assertThat(calls).last().isEqualTo("null|mdl_1|null|100");
        assertThat(vm.rows()).hasSize(2);
    }
}
