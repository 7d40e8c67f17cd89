package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MacroTemplateTest {
    @Test
    void rendersKnownPlaceholdersFromTheValuesGiven() {
        String t = "Hi {{customer.name}}, your balance is {{ account.balance }} on ticket {{ticket.id}}. {{agent.name}}";
        assertThat(MacroTemplate.render(t, Map.of("customer.name", "Ada", "account.balance", "12.50 USD", "ticket.id", "tkt_1")))
                .isEqualTo("Hi Ada, your balance is 12.50 USD on ticket tkt_1. ");
    }

    @Test
    void valuesAreInsertedLiterallyNeverAsPatterns() {
        assertThat(MacroTemplate.render("{{customer.name}}", Map.of("customer.name", "$1 \\ {{account.id}}")))
                .isEqualTo("$1 \\ {{account.id}}");
    }

    @Test
    void unknownPlaceholdersAreNamedOnceInOrderAndLeftAloneWhenRendering() {
        String t = "{{acount.balance}} {{customer.name}} {{foo}} {{acount.balance}}";
        assertThat(MacroTemplate.unknownPlaceholders(t)).containsExactly("acount.balance", "foo");
        assertThat(MacroTemplate.unknownPlaceholders("plain {text} and {{ customer.email }}")).isEmpty();
        assertThat(MacroTemplate.render("{{foo}}", Map.of())).isEqualTo("{{foo}}");
    }

    @Test
    void longRunsOfBracesStayLinear() {
        String hostile = "{{".repeat(200_000) + "x";
        long started = System.nanoTime();
        assertThat(MacroTemplate.unknownPlaceholders(hostile)).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }
}
