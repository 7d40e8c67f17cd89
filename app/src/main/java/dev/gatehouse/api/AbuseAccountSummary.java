package dev.gatehouse.api;

import java.math.BigDecimal;
import java.util.List;

/** The subject account as a reviewer weighs it: age, tier, spend in the last 30 days, prior reports, enforcement. */
public record AbuseAccountSummary(Account account, long ageDays, BigDecimal spend30d, int priorReports,
                                  List<EnforcementAction> enforcement) {
    public AbuseAccountSummary {
        enforcement = List.copyOf(enforcement);
    }
}
