package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CreditGrantApprovalTest {
    private final PolicySettings defaults = PolicySettings.defaults();

    @Test
    void onlyGrantsStrictlyAboveTheThresholdWait() {
        assertThat(CreditGrantApproval.needsSecondApproval(new BigDecimal("500.00"), defaults)).isFalse();
        assertThat(CreditGrantApproval.needsSecondApproval(new BigDecimal("500.000001"), defaults)).isTrue();
        assertThat(CreditGrantApproval.needsSecondApproval(new BigDecimal("0.01"), defaults)).isFalse();
    }

    @Test
    void theSecondApproverMustBeAnotherOperator() {
        assertThat(CreditGrantApproval.approvalProblem("op_a", "op_a", defaults)).get().asString().contains("another operator");
        assertThat(CreditGrantApproval.approvalProblem("op_a", "op_b", defaults)).isEmpty();
    }
}
