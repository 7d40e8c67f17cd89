package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseAccountSummary;
import dev.gatehouse.api.AbuseComment;
import dev.gatehouse.api.AbuseDecisionRecord;
import dev.gatehouse.api.AbuseMetrics;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportChange;
import dev.gatehouse.api.AbuseReportDetail;
import dev.gatehouse.api.AbuseReporter;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.api.AbuseResolveResult;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.KeyChanged;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.SlaState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace's view model without a window: countdowns on one clock, decide-and-next, the rules preview, notices. */
class AbuseViewModelTest {
    static final Instant NOW = Instant.parse("2031-03-30T00:30:00Z");

    static AbuseReport report(String id, String category, String severity, Instant received, String key, String assignee) {
        return new AbuseReport(id, "case_" + id, category, severity, assignee == null ? "open" : "in_review", "text", "acct_1",
                "Acme", key, new AbuseReporter("external", "a@b.example", null, null), received, received.plus(Duration.ofHours(24)),
                received.plus(Duration.ofHours(1)), false, "on_track", null, assignee, assignee, null, null, null, null, 1, 1);
    }

    /** A platform held in memory: three reports, decisions recorded. */
    static final class FakeApi implements AbuseApi {
        final List<AbuseReport> queue = new ArrayList<>();
        final List<AbuseResolution> resolved = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        dev.gatehouse.api.AbuseDismissalProposal proposal;
        String appealOriginalDecider = "op_other";

        @Override public CompletableFuture<Page<AbuseReport>> reports(AbuseQuery q, String cursor, int limit) {
            return CompletableFuture.completedFuture(new Page<>(List.copyOf(queue), null));
        }
        @Override public CompletableFuture<AbuseReportDetail> report(String id) {
            AbuseReport r = queue.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            Account a = new Account("acct_1", "Acme", "a@acme.example", "active", "pro", BigDecimal.ONE, "USD", NOW, null, 1);
            return CompletableFuture.completedFuture(new AbuseReportDetail(r, "critical".equals(r.severity()), List.of(),
                    new AbuseAccountSummary(a, 10, BigDecimal.ZERO, 0, List.of()), List.of(), List.of(), null, List.of(), proposal));
        }
        @Override public CompletableFuture<AbuseMetrics> metrics() {
            return CompletableFuture.completedFuture(new AbuseMetrics(NOW, Map.of("breached", 1), null, null, null, null, Map.of(), 0));
        }
        @Override public CompletableFuture<AbuseReportChange> claim(String id) {
            return CompletableFuture.completedFuture(new AbuseReportChange(queue.get(0), List.of(), "aud_1"));
        }
        @Override public CompletableFuture<AbuseReportChange> release(String id) { return claim(id); }
        @Override public CompletableFuture<AbuseReportChange> escalate(String id, String to, String note) { return claim(id); }
        @Override public CompletableFuture<AbuseComment> comment(String id, String body) {
            return CompletableFuture.completedFuture(new AbuseComment("cmt_1", id, "op_me", "Me", body, NOW));
        }
        @Override public CompletableFuture<AbuseResolveResult> resolve(String id, AbuseResolution r, String idempotencyKey) {
            resolved.add(r);
            AbuseReport done = queue.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            queue.remove(done);
            EnforcementAction e = done.keyId() == null ? null : new EnforcementAction("enf_1", "acct_1", done.keyId(), "key",
                    "suspend", r.reason(), "op_me", NOW, null, null);
            AbuseDecisionRecord d = new AbuseDecisionRecord("dec_1", done.caseId(), "acct_1", done.keyId(), r.decision(), r.reason(),
                    r.policyClause(), null, "", "", "", null, null, null, e == null ? null : "enf_1", "op_me", NOW, List.of(id));
            return CompletableFuture.completedFuture(new AbuseResolveResult(d, List.of(done), e, List.of("resolved"), "aud_2", null));
        }
        @Override public CompletableFuture<Integer> openAppeals() {
            return CompletableFuture.completedFuture(calls.stream().anyMatch(c -> c.startsWith("appeal ")) ? 0 : 2);
        }
        @Override public CompletableFuture<List<dev.gatehouse.api.Appeal>> appeals() {
            if (calls.stream().anyMatch(c -> c.startsWith("appeal "))) {
                return CompletableFuture.completedFuture(List.of());
            }
            return CompletableFuture.completedFuture(List.of(new dev.gatehouse.api.Appeal("apl_1", "enf_1", null, "acct_1", "Acme",
                    null, "warn", appealOriginalDecider, "It was satire.", "open", null, null, null, null, "op_support", NOW, null, null, 1)));
        }
        @Override public CompletableFuture<ApiKey> key(String id) {
            keys.add(id);
            return CompletableFuture.completedFuture(new ApiKey(id, "acct_1", "k", "live", "sk-live-ab", "1234", "sk-live-ab…1234",
                    "suspended", NOW, null, null, 2, "Acme", "active"));
        }
        @Override public CompletableFuture<Account> account(String id) { return new CompletableFuture<>(); }
        @Override public CompletableFuture<dev.gatehouse.api.AbuseQueueCounts> counts() {
            Map<String, Integer> byCategory = new java.util.HashMap<>();
            queue.forEach(r -> byCategory.merge(r.category(), 1, Integer::sum));
            int mine = (int) queue.stream().filter(r -> "op_me".equals(r.assigneeId())).count();
            return CompletableFuture.completedFuture(new dev.gatehouse.api.AbuseQueueCounts(NOW, queue.size(), mine,
                    queue.size() - mine, 0, byCategory, Map.of(), Map.of()));
        }
        @Override public CompletableFuture<AbuseReportChange> split(String id, String note, String key) {
            calls.add("split " + id + ": " + note);
            return CompletableFuture.completedFuture(new AbuseReportChange(queue.get(0), List.of(), "aud_3"));
        }
        @Override public CompletableFuture<AbuseReportChange> changeSeverity(String id, long version, String severity, String reason) {
            calls.add("severity " + id + "@" + version + " " + severity + ": " + reason);
            return CompletableFuture.completedFuture(new AbuseReportChange(queue.get(0), List.of(), "aud_4"));
        }
        @Override public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> proposeDismissal(String id,
                dev.gatehouse.api.AbuseDismissalRequest body, String key) {
            calls.add("propose " + id + ": " + body.reason() + " / " + body.lawEnforcementRef());
            proposal = new dev.gatehouse.api.AbuseDismissalProposal("dsm_1", "case_" + id, id, "op_me", "Me", NOW, body.reason(),
                    body.policyClause(), body.lawEnforcementRef(), "pending", null, null, null);
            return CompletableFuture.completedFuture(proposal);
        }
        @Override public CompletableFuture<AbuseResolveResult> approveDismissal(String id, String note, String key) {
            calls.add("approve " + id + ": " + note);
            return resolve(id, new AbuseResolution("dismiss", proposal.reason(), proposal.policyClause(), null,
                    proposal.lawEnforcementRef(), null), key);
        }
        @Override public CompletableFuture<dev.gatehouse.api.AbuseDismissalProposal> rejectDismissal(String id, String note, String key) {
            calls.add("reject " + id + ": " + note);
            return CompletableFuture.completedFuture(proposal);
        }
        @Override public CompletableFuture<dev.gatehouse.api.AppealResult> decideAppeal(String id, String outcome, String reason, String key) {
            var a = appeals().join().get(0);
            calls.add("appeal " + id + " " + outcome + ": " + reason);
            return CompletableFuture.completedFuture(new dev.gatehouse.api.AppealResult(a, List.of("The warning is withdrawn."), "aud_5", null));
        }
    }

    private static AbuseViewModel vm(FakeApi api, Role role) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new AbuseViewModel(api, Runnable::run, role, "op_me", new OperatorTime(clock, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void countdownsTickOnTheOneClockAndColourBySla() {
        AbuseReport r = report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(22)), null, null);
        assertThat(QueueText.countdown(r, NOW)).isEqualTo("due in 2 h 0 min");
        assertThat(QueueText.sla(r, NOW)).isEqualTo(SlaState.ON_TRACK);
        Instant later = NOW.plus(Duration.ofMinutes(75)).plusSeconds(7);
        assertThat(QueueText.countdown(r, later)).isEqualTo("due in 44 min 53 s");
        assertThat(QueueText.sla(r, later)).isEqualTo(SlaState.DUE_SOON);
        assertThat(QueueText.countdown(r, NOW.plus(Duration.ofHours(2)))).isEqualTo("due in 0 min 00 s");
        assertThat(QueueText.sla(r, NOW.plus(Duration.ofHours(2)))).as("exactly 24 h is in time").isEqualTo(SlaState.DUE_SOON);
        assertThat(QueueText.countdown(r, NOW.plus(Duration.ofHours(5)))).isEqualTo("over by 3 h 0 min");
        assertThat(QueueText.sla(r, NOW.plus(Duration.ofHours(5)))).isEqualTo(SlaState.BREACHED);
        FakeApi api = new FakeApi();
        AbuseViewModel vm = vm(api, Role.TRUST_SAFETY);
        vm.tick(later);
        assertThat(vm.nowProperty().get()).isEqualTo(later);
    }

    @Test
    void theDueTimeReadsInTheOperatorsZoneAcrossTheDstNight() {
        // received 00:30 UTC on the night Berlin springs forward: due 24 elapsed hours later, 02:30 CEST on the wall
        AbuseReport r = report("rpt_1", "spam", "low", NOW, null, null);
        OperatorTime berlin = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));
        assertThat(berlin.absolute(r.receivedAt())).isEqualTo("2031-03-30 01:30 CET");
        assertThat(berlin.absolute(r.dueAt())).isEqualTo("2031-03-31 02:30 CEST");
        assertThat(QueueText.dueTooltip(r, berlin)).contains("2031-03-31 02:30 CEST");
    }

    @Test
    void decideAndNextResolvesWithTheStatementAndSelectsTheNextReportAndTellsTheKeysScreen() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(20)), "key_1", null));
        api.queue.add(report("rpt_2", "fraud_deception", "high", NOW.minus(Duration.ofHours(10)), null, null));
        api.queue.add(report("rpt_3", "spam", "low", NOW.minus(Duration.ofHours(5)), null, null));
        AbuseViewModel vm = vm(api, Role.TRUST_SAFETY);
        List<Object> published = new ArrayList<>();
        EventBus bus = new EventBus(Runnable::run);
        bus.subscribe(Object.class, published::add);
        List<Notice> notices = new ArrayList<>();
        vm.follow(bus, notices::add);
        vm.start();
        assertThat(vm.rows()).hasSize(3);
        vm.next();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("rpt_1");
        vm.openDecision(ReportDecision.SUSPEND_KEY);
        DecisionForm f = vm.formProperty().get();
        assertThat(f.clauseProperty().get()).startsWith("pixapi §5");
        assertThat(f.statementProperty().get()).contains("Decision: Suspend the key", "How to appeal:");
        assertThat(f.problemProperty().get()).contains("Facts");
        vm.submit();
        assertThat(f.failureProperty().get()).contains("Facts");
        assertThat(api.resolved).isEmpty();
        f.factsProperty().set("Spam sent through the key on 2031-03-29.");
        assertThat(f.problemProperty().get()).isEmpty();
        vm.submit();
        assertThat(api.resolved).hasSize(1);
        assertThat(api.resolved.get(0).decision()).isEqualTo("suspend_key");
        assertThat(vm.formProperty().get()).isNull();
        assertThat(vm.rows()).extracting(AbuseReport::id).containsExactly("rpt_2", "rpt_3");
        assertThat(vm.selectedProperty().get().id()).as("decide and next").isEqualTo("rpt_2");
        assertThat(published).anyMatch(e -> e instanceof KeyChanged k && k.key().id().equals("key_1"));
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.SUCCESS);
    }

    @Test
    void theFormPreviewsTheRules() {
        AbuseReport csam = report("rpt_9", "csam", "critical", NOW.minus(Duration.ofHours(1)), null, null);
        DecisionForm dismiss = new DecisionForm(csam, ReportDecision.DISMISS, dev.gatehouse.policy.ReportCategory.CSAM, Role.TRUST_SAFETY);
        dismiss.factsProperty().set("Adult content, no minors.");
        assertThat(dismiss.problemProperty().get()).contains("law enforcement");
        dismiss.lawEnforcementRefProperty().set("NCMEC-1");
        assertThat(dismiss.problemProperty().get()).as("proposed for a lead's approval, not refused").isEmpty();
        assertThat(dismiss.proposesDismissal()).isTrue();
        assertThat(dismiss.title()).startsWith("Propose dismissal");
        assertThat(dismiss.proposal().lawEnforcementRef()).isEqualTo("NCMEC-1");
        DecisionForm key = new DecisionForm(csam, ReportDecision.SUSPEND_KEY, dev.gatehouse.policy.ReportCategory.CSAM, Role.TRUST_SAFETY);
        assertThat(key.problemProperty().get()).contains("names no key");
        DecisionForm viewer = new DecisionForm(report("rpt_8", "spam", "low", NOW, null, null), ReportDecision.WARN,
                dev.gatehouse.policy.ReportCategory.SPAM, Role.VIEWER);
        assertThat(viewer.problemProperty().get()).contains("may not");
        DecisionForm timed = new DecisionForm(report("rpt_7", "spam", "low", NOW, null, null), ReportDecision.SUSPEND_ACCOUNT,
                dev.gatehouse.policy.ReportCategory.SPAM, Role.TRUST_SAFETY);
        timed.factsProperty().set("x");
        timed.durationProperty().set("0");
        assertThat(timed.problemProperty().get()).startsWith("Duration");
        assertThat(timed.acceptsDuration()).isTrue();
        assertThat(new DecisionForm(report("rpt_6", "spam", "low", NOW, null, null), ReportDecision.TERMINATE_ACCOUNT,
                dev.gatehouse.policy.ReportCategory.SPAM, Role.LEAD).curePeriodApplies()).isTrue();
    }

    private static <R> void send(dev.gatehouse.console.actions.ActionDialogViewModel<R> dialog, String reason) {
        dialog.refreshPreview();
        assertThat(dialog.changes()).isNotEmpty();
        dialog.reasonProperty().set(reason);
        dialog.submit();
        assertThat(dialog.errorProperty().get()).isEmpty();
    }

    private static AbuseReport inCaseOf(AbuseReport r, int reports) {
        return new AbuseReport(r.id(), r.caseId(), r.category(), r.severity(), r.state(), r.description(), r.accountId(),
                r.accountName(), r.keyId(), r.reporter(), r.receivedAt(), r.dueAt(), r.targetAt(), r.breached(), r.slaState(),
                r.firstActionAt(), r.assigneeId(), r.assigneeName(), r.claimedAt(), r.escalatedTo(), r.resolvedAt(), r.decisionId(),
                reports, 7);
    }

    @Test
    void aReportIsSplitOffItsCaseAndItsSeverityRaisedOrByALeadLoweredWithAReason() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(20)), null, null));
        AbuseViewModel vm = vm(api, Role.TRUST_SAFETY);
        vm.start();
        vm.next();
        assertThat(vm.splitDialog()).as("alone in its case").isNull();
        assertThat(vm.statusProperty().get()).contains("nothing to split");
        api.queue.set(0, inCaseOf(api.queue.get(0), 3));
        vm = vm(api, Role.TRUST_SAFETY);
        vm.start();
        vm.next();
        var split = vm.splitDialog();
        split.refreshPreview();
        assertThat(split.changes().get(0)).contains("leaves its case of 3 reports");
        send(split, "Different customer, same card number");
        assertThat(api.calls).contains("split rpt_1: Different customer, same card number");
        assertThat(vm.statusProperty().get()).startsWith("Split off");

        // trust & safety raises; lowering is for a lead
        assertThat(vm.stepSeverity(false)).as("already the lowest").isNull();
        var raise = vm.stepSeverity(true);
        raise.refreshPreview();
        assertThat(raise.title()).isEqualTo("Raise severity to medium");
        assertThat(raise.changes().get(1)).contains("24 h due time stays");
        send(raise, "Repeat offender");
        assertThat(api.calls).contains("severity rpt_1@7 medium: Repeat offender");
        AbuseReport high = report("rpt_2", "fraud_deception", "high", NOW, null, null);
        assertThat(vm.severityProblem(high, dev.gatehouse.policy.Severity.LOW)).contains("needs a lead");
        AbuseViewModel lead = vm(api, Role.LEAD);
        api.queue.set(0, high);
        lead.start();
        lead.next();
        assertThat(lead.severityProblem(high, dev.gatehouse.policy.Severity.LOW)).isEmpty();
        send(lead.stepSeverity(false), "Duplicate of a handled report");
        assertThat(api.calls).contains("severity rpt_2@1 medium: Duplicate of a handled report");
    }

    @Test
    void aCsamDismissalIsProposedAndASecondPersonALeadApprovesIt() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_9", "csam", "critical", NOW.minus(Duration.ofHours(1)), null, "op_me"));
        AbuseViewModel reviewer = vm(api, Role.TRUST_SAFETY);
        reviewer.start();
        reviewer.next();
        reviewer.openDecision(ReportDecision.DISMISS);
        DecisionForm f = reviewer.formProperty().get();
        f.factsProperty().set("Adult performers; the studio verified ages.");
        f.lawEnforcementRefProperty().set("NCMEC-77");
        reviewer.submit();
        assertThat(api.calls).contains("propose rpt_9: Adult performers; the studio verified ages. / NCMEC-77");
        assertThat(api.resolved).as("nothing resolved by one person").isEmpty();
        assertThat(reviewer.formProperty().get()).isNull();
        assertThat(reviewer.statusProperty().get()).contains("waits for a lead");
        // the proposer cannot approve it, nor can trust & safety
        assertThat(reviewer.dismissalApprovalProblem(api.proposal)).contains("lead");
        assertThat(reviewer.dismissalDialog(true)).isNull();
        AbuseViewModel otherLead = new AbuseViewModel(api, Runnable::run, Role.LEAD, "op_lead2",
                new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin")));
        AbuseViewModel proposerLead = vm(api, Role.LEAD);
        assertThat(proposerLead.dismissalApprovalProblem(api.proposal)).contains("You proposed");
        otherLead.start();
        otherLead.next();
        assertThat(otherLead.dismissalApprovalProblem(api.proposal)).isEmpty();
        send(otherLead.dismissalDialog(false), "Ask for the age records first");
        assertThat(api.calls).contains("reject rpt_9: Ask for the age records first");
        send(otherLead.dismissalDialog(true), "Records checked");
        assertThat(api.calls).contains("approve rpt_9: Records checked");
        assertThat(api.resolved).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("dismiss"));
        assertThat(otherLead.rows()).isEmpty();
    }

    @Test
    void anAppealIsDecidedFromTheOverlayButNeverByTheOriginalDecider() {
        FakeApi api = new FakeApi();
        api.appealOriginalDecider = "op_me";
        AbuseViewModel vm = vm(api, Role.TRUST_SAFETY);
        vm.start();
        vm.toggleAppeals();
        var appeal = vm.appeals().get(0);
        assertThat(vm.appealProblem(appeal)).contains("You made the original decision");
        assertThat(vm.appealDialog(appeal, dev.gatehouse.policy.AppealOutcome.OVERTURNED)).isNull();
        assertThat(vm(api, Role.SUPPORT).appealProblem(appeal)).contains("may not decide appeals");

        api.appealOriginalDecider = "op_other";
        vm.toggleAppeals();
        vm.toggleAppeals();
        appeal = vm.appeals().get(0);
        assertThat(vm.appealProblem(appeal)).isEmpty();
        var overturn = vm.appealDialog(appeal, dev.gatehouse.policy.AppealOutcome.OVERTURNED);
        overturn.refreshPreview();
        assertThat(overturn.changes().get(0)).contains("warn is lifted");
        send(overturn, "Satire, as the customer says");
        assertThat(api.calls).contains("appeal apl_1 overturned: Satire, as the customer says");
        assertThat(vm.appeals()).isEmpty();
        assertThat(vm.openAppealsProperty().get()).isZero();
    }

    @Test
    void aViewerReadsButDoesNotWorkTheQueue() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(20)), null, null));
        AbuseViewModel vm = vm(api, Role.VIEWER);
        vm.start();
        vm.next();
        vm.openDecision(ReportDecision.WARN);
        assertThat(vm.formProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).contains("reads the queue");
        vm.revealEvidence();
        assertThat(vm.revealedProperty().get()).isFalse();
    }

    @Test
    void newCriticalReportsAndHeldReportsNearBreachRaiseOneNotificationEach() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(50)), null, "op_me"));
        AbuseViewModel vm = vm(api, Role.TRUST_SAFETY);
        List<Notice> notices = new ArrayList<>();
        vm.follow(new EventBus(Runnable::run), notices::add);
        vm.start();
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.text()).contains("breaches in 10 min"));
        api.queue.add(report("rpt_2", "csam", "critical", NOW, null, null));
        vm.poll();
        vm.poll();
        assertThat(notices).hasSize(2);
        assertThat(notices.get(1).text()).contains("New critical report: CSAM");
        assertThat(vm.countsProperty().get().of("mine")).isEqualTo("1");
        assertThat(vm.openAppealsProperty().get()).isEqualTo(2);
    }

    @Test
    void keyboardCommandsClaimAndCommentAndTheHelpToggles() {
        FakeApi api = new FakeApi();
        api.queue.add(report("rpt_1", "spam", "low", NOW.minus(Duration.ofHours(20)), null, null));
        AbuseViewModel vm = vm(api, Role.LEAD);
        vm.start();
        vm.claim();
        assertThat(vm.statusProperty().get()).contains("Select a report");
        vm.next();
        vm.claim();
        assertThat(vm.statusProperty().get()).startsWith("You hold");
        vm.openComment();
        vm.submit();
        assertThat(vm.statusProperty().get()).contains("Write the comment");
        vm.composerTextProperty().set("Checked the log.");
        vm.submit();
        assertThat(vm.composerProperty().get()).isEqualTo(AbuseViewModel.Composer.NONE);
        vm.toggleAppeals();
        assertThat(vm.showingAppealsProperty().get()).isTrue();
        assertThat(vm.appeals()).singleElement().satisfies(a -> assertThat(a.statement()).isEqualTo("It was satire."));
        vm.cancel();
        assertThat(vm.showingAppealsProperty().get()).isFalse();
        vm.toggleHelp();
        assertThat(vm.helpProperty().get()).isTrue();
        vm.cancel();
        assertThat(vm.helpProperty().get()).isFalse();
        assertThat(AbuseController.KEYS).extracting(k -> k[0]).contains("J / K", "C", "R", "E", "M", "Ctrl+Enter", "?");
    }
}
