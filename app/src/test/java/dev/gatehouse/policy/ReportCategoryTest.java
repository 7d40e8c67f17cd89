package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.gatehouse.policy.ReportCategory.*;
import static dev.gatehouse.policy.Severity.CRITICAL;
import static dev.gatehouse.policy.Severity.HIGH;
import static dev.gatehouse.policy.Severity.LOW;
import static dev.gatehouse.policy.Severity.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

class ReportCategoryTest {
    private static final Map<ReportCategory, Severity> DEFAULT_SEVERITY = Map.ofEntries(
            Map.entry(CSAM, CRITICAL), Map.entry(NON_CONSENSUAL_IMAGERY, CRITICAL), Map.entry(TERRORISM_VIOLENCE, CRITICAL),
            Map.entry(HATE_HARASSMENT, HIGH), Map.entry(FRAUD_DECEPTION, HIGH), Map.entry(MALWARE_ATTACK, HIGH),
            Map.entry(IP_INFRINGEMENT, MEDIUM), Map.entry(KEY_SHARING_RESALE, MEDIUM),
            Map.entry(RATE_LIMIT_CIRCUMVENTION, MEDIUM), Map.entry(OTHER, MEDIUM),
            Map.entry(MULTI_ACCOUNT, LOW), Map.entry(SPAM, LOW));

    private static final Map<ReportCategory, String> WIRE = Map.ofEntries(
            Map.entry(CSAM, "csam"), Map.entry(NON_CONSENSUAL_IMAGERY, "non_consensual_imagery"),
            Map.entry(TERRORISM_VIOLENCE, "terrorism_violence"), Map.entry(HATE_HARASSMENT, "hate_harassment"),
            Map.entry(FRAUD_DECEPTION, "fraud_deception"), Map.entry(MALWARE_ATTACK, "malware_attack"),
            Map.entry(IP_INFRINGEMENT, "ip_infringement"), Map.entry(KEY_SHARING_RESALE, "key_sharing_resale"),
            Map.entry(RATE_LIMIT_CIRCUMVENTION, "rate_limit_circumvention"), Map.entry(MULTI_ACCOUNT, "multi_account"),
            Map.entry(SPAM, "spam"), Map.entry(OTHER, "other"));

    @Test
    void theTwelveCategoriesOfIssue9HaveTheirWireNames() {
        assertThat(ReportCategory.values()).hasSize(12);
        for (ReportCategory c : ReportCategory.values()) {
            assertThat(c.wire()).isEqualTo(WIRE.get(c));
            assertThat(ReportCategory.fromWire(c.wire())).contains(c);
            assertThat(c.label()).isNotBlank();
        }
        assertThat(ReportCategory.fromWire("CSAM")).isEmpty();
        assertThat(ReportCategory.fromWire("child_abuse")).isEmpty();
        assertThat(ReportCategory.fromWire(null)).isEmpty();
    }

    @Test
    void designCriticalCategoriesDefaultToCriticalAndTheRestAsDecided() {
        for (ReportCategory c : ReportCategory.values()) {
            assertThat(c.defaultSeverity()).as("%s", c).isEqualTo(DEFAULT_SEVERITY.get(c));
        }
    }

    @Test
    void onlyIllegalContentAndSecurityThreatsAreSevere() {
        for (ReportCategory c : ReportCategory.values()) {
            boolean expected = c == CSAM || c == NON_CONSENSUAL_IMAGERY || c == TERRORISM_VIOLENCE
                    || c == FRAUD_DECEPTION || c == MALWARE_ATTACK;
            assertThat(c.severe()).as("%s", c).isEqualTo(expected);
        }
    }

    @Test
    void everyCategoryCitesAQuotedClause() {
        for (ReportCategory c : ReportCategory.values()) {
            assertThat(c.clause()).as("%s", c).containsPattern("^[a-z-]+ §\\d+: \".+\"$");
        }
    }

    @Test
    void severityTargetsFollowDesign() {
        assertThat(CRITICAL.target()).isEqualTo(Duration.ofHours(1));
        assertThat(HIGH.target()).isEqualTo(Duration.ofHours(4));
        assertThat(MEDIUM.target()).isEqualTo(Duration.ofHours(24));
        assertThat(LOW.target()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void severityOrderIsWorstFirst() {
        assertThat(CRITICAL.isAbove(HIGH)).isTrue();
        assertThat(HIGH.isAbove(MEDIUM)).isTrue();
        assertThat(MEDIUM.isAbove(LOW)).isTrue();
        assertThat(LOW.isAbove(CRITICAL)).isFalse();
        for (Severity s : Severity.values()) {
            assertThat(s.isAbove(s)).isFalse();
            assertThat(Severity.fromWire(s.wire())).contains(s);
        }
        assertThat(Severity.fromWire("urgent")).isEmpty();
    }
}
