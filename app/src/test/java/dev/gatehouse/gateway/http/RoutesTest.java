package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.abuse.TestReports;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.support.TestTickets;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin route carries declared rails, and the rails hold on every mutation for every role. */
class RoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
    }


    @Test
    void everyRegisteredAdminRouteIsDeclaredWithItsRails() {
        List<String> registered = gw.server().registeredEndpoints().stream().filter(e -> e.contains(" /admin/v1/")).toList();
        List<Routes.Declared> declared = gw.server().declaredRoutes();
        assertThat(registered).as("admin routes Javalin serves").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(declared.stream().map(d -> d.method() + " " + d.path()).toList());
        assertThat(declared).allSatisfy(d -> {
            assertThat(d.permissions()).as(d.path()).isNotEmpty();
            switch (d.kind()) {
                case READ -> assertThat(d.method().name()).isEqualTo("GET");
                case PREVIEW, ACTION, CREATE -> assertThat(d.method().name()).isEqualTo("POST");
                case EDIT -> assertThat(d.method().name()).isIn("PATCH", "PUT");
            }
        });
    }

    /** One request a role holding {@code needs} may make; {@code target} makes a fresh row in the state it needs. */
    private record Sample(String route, Permission needs, String body, Supplier<String> target) {
        String path(String id) {
            return route.substring(route.indexOf(' ') + 1).replace("{id}", id);
        }

        String method() {
            return route.substring(0, route.indexOf(' '));
        }
    }

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        Supplier<String> account = () -> TestAccounts.create(gw.db(), "Rails Co", "free", "active", 2).accountId();
        Supplier<String> suspended = () -> TestAccounts.create(gw.db(), "Rails Held Co", "free", "suspended", 1).accountId();
        Supplier<String> key = () -> TestAccounts.create(gw.db(), "Rails Key Co", "free", "active", 1).keyIds().get(0);
        Supplier<String> suspendedKey = () -> {
            String id = key.get();
            gw.db().jdbi().useHandle(h -> h.createUpdate("UPDATE api_keys SET status = 'suspended' WHERE id = :id").bind("id", id).execute());
            return id;
        };
        samples.add(new Sample("PATCH /admin/v1/accounts/{id}", Permission.CHANGE_TIER, "{\"tier\":\"pro\"}", account));
        samples.add(new Sample("PATCH /admin/v1/accounts/{id}", Permission.EDIT_CONTACT, "{\"name\":\"Renamed Co\"}", account));
        for (AccountAction a : AccountAction.values()) {
            String body = "{\"action\":\"" + a.wire() + "\",\"reason\":\"rails test\"}";
            Supplier<String> target = a == AccountAction.REINSTATE ? suspended : account;
            for (String route : List.of("POST /admin/v1/accounts/{id}/actions", "POST /admin/v1/accounts/{id}/actions/preview")) {
                samples.add(new Sample(route, Permission.forAccountAction(a), body, target));
            }
        }
        for (KeyAction a : KeyAction.values()) {
            String body = "{\"action\":\"" + a.wire() + "\",\"reason\":\"rails test\"}";
            Supplier<String> target = a == KeyAction.REINSTATE ? suspendedKey : key;
            for (String route : List.of("POST /admin/v1/keys/{id}/actions", "POST /admin/v1/keys/{id}/actions/preview")) {
                samples.add(new Sample(route, Permission.forKeyAction(a), body, target));
            }
        }
        Supplier<String> operator = () -> {
            String id = "op_rails_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            new OperatorStore(gw.db().jdbi()).create(id, "Rails Operator", id + "@test.gatehouse.dev", Role.SUPPORT);
            return id;
        };
        Supplier<String> deactivated = () -> {
            String id = operator.get();
            gw.db().jdbi().useHandle(h -> h.createUpdate("UPDATE operators SET disabled = TRUE WHERE id = :id").bind("id", id).execute());
            return id;
        };
        samples.add(new Sample("POST /admin/v1/operators", Permission.MANAGE_OPERATORS,
                "{\"name\":\"Rails New\",\"email\":\"rails-new@test.gatehouse.dev\",\"role\":\"viewer\",\"reason\":\"rails test\"}", operator));
        samples.add(new Sample("PATCH /admin/v1/operators/{id}", Permission.MANAGE_OPERATORS,
                "{\"role\":\"ops\",\"reason\":\"rails test\"}", operator));
        for (String a : List.of("deactivate", "reactivate", "rotate_token")) {
            samples.add(new Sample("POST /admin/v1/operators/{id}/actions", Permission.MANAGE_OPERATORS,
                    "{\"action\":\"" + a + "\",\"reason\":\"rails test\"}", a.equals("reactivate") ? deactivated : operator));
        }
        // ---- abuse and appeals (issue 9) ----
        String reportedAccount = TestAccounts.create(gw.db(), "Rails Reported Co", "free", "active", 1).accountId();
        Supplier<String> report = () -> TestReports.file(gw, "other").reportId();
        Supplier<String> lowReport = () -> TestReports.file(gw, "spam").reportId();
        Supplier<String> claimedReport = () -> {
            String id = report.get();
            TestReports.claim(gw, Role.TRUST_SAFETY, id);
            return id;
        };
        Supplier<String> groupedReport = () -> {
            var first = TestReports.file(gw, "spam");
            return TestReports.fileAbout(gw, "other", first.accountId(), first.keyId()).reportId();
        };
        Supplier<String> appeal = () -> {
            var acct = TestAccounts.create(gw.db(), "Rails Appeal Co", "free", "active", 1).accountId();
            return TestReports.appeal(gw, TestReports.warning(gw, acct, "op_rails_original_decider", java.time.Instant.now()));
        };
        Supplier<String> warning = () -> TestReports.warning(gw,
                TestAccounts.create(gw.db(), "Rails Warned Co", "free", "active", 1).accountId(), "op_lead", java.time.Instant.now());
        samples.add(new Sample("POST /admin/v1/abuse-reports", Permission.FILE_ABUSE_REPORT,
                TestReports.intake("spam", reportedAccount, null), report));
        samples.add(new Sample("PATCH /admin/v1/abuse-reports/{id}", Permission.WORK_ABUSE_REPORTS, "{\"severity\":\"critical\"}", lowReport));
        samples.add(new Sample("PATCH /admin/v1/abuse-reports/{id}", Permission.LOWER_SEVERITY,
                "{\"severity\":\"low\",\"reason\":\"rails test\"}", report));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/claim", Permission.WORK_ABUSE_REPORTS, "{}", report));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/release", Permission.WORK_ABUSE_REPORTS, "{}", claimedReport));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/split", Permission.WORK_ABUSE_REPORTS,
                "{\"note\":\"rails test\"}", groupedReport));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/comments", Permission.WORK_ABUSE_REPORTS,
                "{\"body\":\"rails test\"}", report));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/escalate", Permission.WORK_ABUSE_REPORTS,
                "{\"to\":\"law_enforcement\",\"note\":\"rails test\"}", claimedReport));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/resolve", Permission.WORK_ABUSE_REPORTS,
                "{\"decision\":\"warn\",\"reason\":\"rails test\",\"policy_clause\":\"ai-visual-studio §7\"}", report));
        Supplier<String> claimedCsam = () -> {
            String id = TestReports.file(gw, "csam").reportId();
            TestReports.claim(gw, Role.TRUST_SAFETY, id);
            return id;
        };
        Supplier<String> proposedDismissal = () -> {
            String id = claimedCsam.get();
            TestReports.proposeDismissal(gw, Role.TRUST_SAFETY, id);
            return id;
        };
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/dismissal", Permission.WORK_ABUSE_REPORTS,
                TestReports.DISMISSAL, claimedCsam));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/dismissal/approve", Permission.APPROVE_CSAM_DISMISSAL,
                "{\"note\":\"rails test\"}", proposedDismissal));
        samples.add(new Sample("POST /admin/v1/abuse-reports/{id}/dismissal/reject", Permission.APPROVE_CSAM_DISMISSAL,
                "{\"note\":\"rails test\"}", proposedDismissal));
        samples.add(new Sample("POST /admin/v1/appeals", Permission.FILE_APPEAL, "{\"enforcement_id\":\"" + warning.get()
                + "\",\"statement\":\"rails test\"}", report));
        samples.add(new Sample("POST /admin/v1/appeals/{id}/decide", Permission.DECIDE_APPEALS,
                "{\"outcome\":\"overturned\",\"reason\":\"rails test\"}", appeal));

        // ---- support (issue 10) ----
        String ticketAccount = account.get();
        String mergeTarget = TestTickets.create(gw, ticketAccount);
        Supplier<String> ticket = () -> TestTickets.create(gw, ticketAccount);
        samples.add(new Sample("POST /admin/v1/tickets", Permission.WORK_TICKETS, "{\"account_id\":\"" + ticketAccount
                + "\",\"category\":\"billing\",\"subject\":\"Rails\",\"body\":\"rails test\"}", ticket));
        samples.add(new Sample("POST /admin/v1/tickets/{id}/messages", Permission.WORK_TICKETS, "{\"body\":\"rails test\"}", ticket));
        samples.add(new Sample("PATCH /admin/v1/tickets/{id}", Permission.WORK_TICKETS, "{\"state\":\"open\"}", ticket));
        samples.add(new Sample("POST /admin/v1/tickets/{id}/merge", Permission.WORK_TICKETS,
                "{\"into\":\"" + mergeTarget + "\",\"reason\":\"rails test\"}", ticket));
        samples.add(new Sample("PUT /admin/v1/macros", Permission.EDIT_MACROS,
                "{\"macros\":[{\"name\":\"Rails\",\"body\":\"Hello {{customer.name}}\"}],\"reason\":\"rails test\"}",
                () -> "macros"));

        // ---- refunds and policy (issue 10) ----
        Supplier<String> refund = () -> dev.gatehouse.gateway.refunds.TestRefunds.request(gw, "5.00");
        Supplier<String> failedRefund = () -> dev.gatehouse.gateway.refunds.TestRefunds.failedPayout(gw, "5.00");
        dev.gatehouse.gateway.refunds.TestRefunds.Lot intakeLot = dev.gatehouse.gateway.refunds.TestRefunds.purchase(gw.db(), "Rails Refund Co", "25");
        samples.add(new Sample("POST /admin/v1/refunds", Permission.REQUEST_REFUND, "{\"account_id\":\"" + intakeLot.accountId()
                + "\",\"lot_id\":\"" + intakeLot.lotId() + "\",\"amount\":\"1.00\",\"reason\":\"rails test\"}", () -> ""));
        samples.add(new Sample("POST /admin/v1/refunds/{id}/approve", Permission.DECIDE_REFUNDS,
                "{\"amount\":\"5.00\",\"reason\":\"rails test\"}", refund));
        samples.add(new Sample("POST /admin/v1/refunds/{id}/approve", Permission.REFUND_EXCEPTION,
                "{\"amount\":\"5.00\",\"reason\":\"rails test\",\"exception\":true}", refund));
        samples.add(new Sample("POST /admin/v1/refunds/{id}/deny", Permission.DECIDE_REFUNDS, "{\"reason\":\"rails test\"}", refund));
        samples.add(new Sample("POST /admin/v1/refunds/{id}/retry-payout", Permission.DECIDE_REFUNDS,
                "{\"reason\":\"rails test\"}", failedRefund));
        Supplier<String> policy = () -> {
            gw.db().jdbi().useHandle(h -> h.createUpdate("UPDATE policy_settings SET version = 1").execute());
            return "";
        };
        samples.add(new Sample("PUT /admin/v1/policy", Permission.EDIT_POLICY, "{\"preset\":\"pixapi\",\"reason\":\"rails test\"}", policy));
        samples.add(new Sample("POST /admin/v1/policy/preview", Permission.EDIT_POLICY,
                "{\"preset\":\"decart\",\"reason\":\"rails test\"}", policy));

        // ---- pricing and tiers (issue 11) ----
        Supplier<String> priced = () -> dev.gatehouse.gateway.pricing.TestPrices.chatModel(gw.db(), "mdl_rails_price", "2.00", "8.00");
        Supplier<String> bulkPriced = () -> dev.gatehouse.gateway.pricing.TestPrices.chatModel(gw.db(), "mdl_rails_bulk", "2.00", "8.00");
        String lower = "{\"model_id\":\"mdl_rails_price\",\"lines\":[{\"unit\":\"input_mtok\",\"base\":\"1.00\"},"
                + "{\"unit\":\"output_mtok\",\"base\":\"4.00\"}],\"reason\":\"rails test\"}";
        String raiseNow = "{\"model_id\":\"mdl_rails_price\",\"lines\":[{\"unit\":\"input_mtok\",\"base\":\"3.00\"},"
                + "{\"unit\":\"output_mtok\",\"base\":\"9.00\"}],\"reason\":\"rails test: provider raised its price overnight\",\"emergency\":true}";
        for (String route : List.of("POST /admin/v1/price-changes", "POST /admin/v1/price-changes/preview")) {
            samples.add(new Sample(route, Permission.EDIT_PRICES, lower, priced));
            samples.add(new Sample(route, Permission.EMERGENCY_PRICE_CHANGE, raiseNow, priced));
        }
        bulkPriced.get();
        java.time.Instant hashedAt = java.time.Instant.now();
        for (String percent : List.of("-10", "10")) {
            boolean emergency = percent.equals("10");
            var bulkBody = new dev.gatehouse.api.PriceChangeRequest(null, null,
                    new dev.gatehouse.api.PriceChangeRequest.PriceFilter(null, null, null, List.of("mdl_rails_bulk")),
                    new dev.gatehouse.api.PriceChangeRequest.PriceAdjustment(percent, null, null), null, "rails test", emergency, null);
            String hash = dev.gatehouse.gateway.pricing.TestPrices.previewHash(gw.db(), bulkBody, hashedAt);
            String body = "{\"filter\":{\"model_ids\":[\"mdl_rails_bulk\"]},\"adjustment\":{\"percent\":\"" + percent
                    + "\"},\"reason\":\"rails test\"" + (emergency ? ",\"emergency\":true" : "") + ",\"preview_hash\":\"" + hash + "\"}";
            samples.add(new Sample("POST /admin/v1/price-changes/bulk", emergency ? Permission.EMERGENCY_PRICE_CHANGE : Permission.EDIT_PRICES,
                    body, bulkPriced));
        }
        Supplier<String> scheduledRaise = () -> {
            String model = dev.gatehouse.gateway.pricing.TestPrices.chatModel(gw.db(), "mdl_rails_cancel", "2.00", "8.00");
            return gw.db().jdbi().inTransaction(h -> dev.gatehouse.gateway.pricing.PriceChanges.schedule(h, model,
                    List.of(new dev.gatehouse.api.PriceLineDraft("input_mtok", null, "2.50"), new dev.gatehouse.api.PriceLineDraft("output_mtok", null, "8.00")),
                    java.time.Instant.now().plus(java.time.Duration.ofDays(40)), "rails test", "op_rails", false,
                    java.time.Instant.now()).id());
        };
        samples.add(new Sample("DELETE /admin/v1/price-changes/{id}", Permission.EDIT_PRICES, "{\"reason\":\"rails test\"}", scheduledRaise));
        Supplier<String> freshModel = () -> dev.gatehouse.gateway.pricing.TestPrices.chatModel(gw.db(),
                "mdl_rails_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), "1.00", "2.00");
        samples.add(new Sample("PATCH /admin/v1/models/{id}", Permission.EDIT_MODELS, "{\"status\":\"deprecated\",\"reason\":\"rails test\"}", freshModel));
        samples.add(new Sample("PATCH /admin/v1/models/{id}", Permission.EMERGENCY_PRICE_CHANGE,
                "{\"status\":\"disabled\",\"reason\":\"rails test: security\",\"emergency\":true}", freshModel));
        Supplier<String> starter = () -> {
            gw.db().jdbi().useHandle(h -> {
                h.createUpdate("UPDATE limit_changes SET state = 'superseded' WHERE target = 'starter' AND state = 'scheduled'").execute();
                h.createUpdate("UPDATE rate_tiers SET rpm = 60, rpd = 1000, concurrent = 5, version = 1 WHERE name = 'starter'").execute();
            });
            return "starter";
        };
        Supplier<String> enterprise = () -> TestAccounts.create(gw.db(), "Rails Enterprise Co", "enterprise", "active", 1).accountId();
        String loosen = "{\"rpm\":70,\"rpd\":1200,\"concurrent\":6,\"reason\":\"rails test\"}";
        String tightenNow = "{\"rpm\":50,\"rpd\":900,\"concurrent\":4,\"reason\":\"rails test: abuse wave\",\"emergency\":true}";
        for (String route : List.of("PUT /admin/v1/tiers/{id}", "POST /admin/v1/tiers/{id}/preview")) {
            samples.add(new Sample(route, Permission.EDIT_TIERS, loosen, starter));
            samples.add(new Sample(route, Permission.EMERGENCY_PRICE_CHANGE, tightenNow, starter));
        }
        for (String route : List.of("PUT /admin/v1/accounts/{id}/limits", "POST /admin/v1/accounts/{id}/limits/preview")) {
            samples.add(new Sample(route, Permission.EDIT_TIERS, "{\"rpm\":500,\"rpd\":100000,\"concurrent\":50,\"reason\":\"rails test\"}", enterprise));
            samples.add(new Sample(route, Permission.EMERGENCY_PRICE_CHANGE,
                    "{\"rpm\":100,\"rpd\":5000,\"concurrent\":10,\"reason\":\"rails test: abuse\",\"emergency\":true}", enterprise));
        }

        Supplier<String> scheduledLimit = () -> {
            String acct = TestAccounts.create(gw.db(), "Rails Limit Cancel", "enterprise", "active", 1).accountId();
            java.time.Instant now = java.time.Instant.now();
            String id = "lim_rails" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            var l = new dev.gatehouse.policy.TierLimits(100, 5000, 10);
            gw.db().jdbi().useHandle(h -> dev.gatehouse.gateway.tiers.TierStore.insertChange(h, new dev.gatehouse.gateway.tiers.TierStore.NewChange(
                    id, "account", acct, "scheduled", "tightening", l, new dev.gatehouse.policy.TierLimits(50, 5000, 10),
                    now.plus(java.time.Duration.ofDays(40)), now, now.plus(java.time.Duration.ofDays(30)), "rails test", "op_rails", false, null)));
            return id;
        };
        samples.add(new Sample("DELETE /admin/v1/limit-changes/{id}", Permission.EDIT_TIERS, "{\"reason\":\"rails test\"}", scheduledLimit));
        Supplier<String> discounts = () -> {
            gw.db().jdbi().useHandle(h -> {
                h.createUpdate("DELETE FROM volume_discount_steps").execute();
                h.createUpdate("DELETE FROM volume_discount_changes").execute();
                h.createUpdate("UPDATE volume_discount_head SET version = 1").execute();
                java.time.Instant past = java.time.Instant.now().minus(java.time.Duration.ofDays(60));
                dev.gatehouse.gateway.pricing.VolumeDiscountStore.insert(h, new dev.gatehouse.api.VolumeDiscountChange("vdc_rails_base", "applied",
                        "decrease", List.of(new dev.gatehouse.api.VolumeDiscountStep(new java.math.BigDecimal("1000"), new java.math.BigDecimal("5"))),
                        past, past, past, false, "rails test", "op_rails", past));
            });
            return "";
        };
        samples.add(new Sample("PUT /admin/v1/volume-discounts", Permission.EDIT_PRICES,
                "{\"steps\":[{\"monthly_spend_from\":\"1000\",\"percent_off\":\"10\"}],\"reason\":\"rails test\"}", discounts));
        samples.add(new Sample("PUT /admin/v1/volume-discounts", Permission.EMERGENCY_PRICE_CHANGE,
                "{\"steps\":[],\"reason\":\"rails test: discount abused\",\"emergency\":true}", discounts));

        // ---- key issuance and simulator (issue 12) ----
        samples.add(new Sample("POST /admin/v1/accounts/{id}/keys", Permission.ISSUE_KEY,
                "{\"name\":\"rails key\",\"mode\":\"live\",\"reason\":\"rails test\"}", account));
        // the rails around pause and resume, on a control that only flips its state (the simulator itself is tested in
        // gateway/demo against a real data plane)
        Supplier<String> simulator = () -> {
            gw.server().simulator().attach(new dev.gatehouse.gateway.demo.FlippingSimulator());
            return "";
        };
        samples.add(new Sample("POST /admin/v1/simulator/pause", Permission.CONTROL_SIMULATOR, "{\"reason\":\"rails test\"}", simulator));
        samples.add(new Sample("POST /admin/v1/simulator/resume", Permission.CONTROL_SIMULATOR, "{}", simulator));

        // ---- team: accounts, credits, import (issue 13) ----
        Supplier<String> noRailsOpening = () -> {
            gw.db().jdbi().useHandle(h -> h.createUpdate("DELETE FROM accounts WHERE email = 'rails-open@rails-open.dev'").execute());
            return "";
        };
        samples.add(new Sample("POST /admin/v1/accounts", Permission.OPEN_ACCOUNT,
                "{\"name\":\"Rails Opened\",\"email\":\"rails-open@rails-open.dev\",\"tier\":\"enterprise\",\"reason\":\"rails test\"}",
                noRailsOpening));
        samples.add(new Sample("POST /admin/v1/accounts/{id}/credits", Permission.GRANT_CREDITS,
                "{\"kind\":\"manual_grant\",\"amount\":\"10.00\",\"reason\":\"rails test\"}", account));
        Supplier<String> pendingGrant = () -> {
            String acct = account.get();
            String id = "grt_rails" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            gw.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO credit_grants (id, account_id, kind, amount, price_paid, reason, "
                    + "status, requested_by, requested_at) VALUES (:id, :acct, 'manual_grant', 900, 0, 'rails', 'pending_approval', "
                    + "'op_rails_maker', CURRENT_TIMESTAMP)").bind("id", id).bind("acct", acct).execute());
            return id;
        };
        String catalog = "{\\\"data\\\":[{\\\"slug\\\":\\\"rails-import-model\\\",\\\"name\\\":\\\"Rails Import\\\","
                + "\\\"provider\\\":\\\"Rails\\\",\\\"modality\\\":\\\"chat\\\",\\\"price_card\\\":[{\\\"unit\\\":\\\"input_mtok\\\","
                + "\\\"base\\\":\\\"1.00\\\"},{\\\"unit\\\":\\\"output_mtok\\\",\\\"base\\\":\\\"2.00\\\"}]}]}";
        Supplier<String> noImportedModel = () -> {
            gw.db().jdbi().useHandle(h -> h.createUpdate("DELETE FROM models WHERE slug = 'rails-import-model'").execute());
            return "";
        };
        noImportedModel.get();
        String importHash = gw.post(Role.LEAD, "/admin/v1/models/import/preview", "{\"content\":\"" + catalog + "\"}")
                .json().get("preview_hash").asText();
        samples.add(new Sample("POST /admin/v1/models/import/preview", Permission.IMPORT_CATALOG,
                "{\"content\":\"" + catalog + "\"}", noImportedModel));
        samples.add(new Sample("POST /admin/v1/models/import", Permission.IMPORT_CATALOG,
                "{\"content\":\"" + catalog + "\",\"preview_hash\":\"" + importHash + "\",\"reason\":\"rails test\"}", noImportedModel));
        for (String decision : List.of("approve", "reject")) {
            samples.add(new Sample("POST /admin/v1/credit-grants/{id}/" + decision, Permission.GRANT_CREDITS,
                    "{\"reason\":\"rails test\"}", pendingGrant));
        }

        return samples;
    }

    private static long auditCount() {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }

    private static TestGateway.Response send(Role role, Sample s, String id, String body) {
        Map<String, String> headers = new HashMap<>();
        if (s.method().equals("PATCH") || s.method().equals("PUT")) headers.put("If-Match", "\"1\"");
        return gw.send(role, s.method(), s.path(id), body, headers);
    }

    @Test
    void everyMutationWritesOneAuditEntryForARoleThatMayAndNothingButA403ForEveryOther() {
        List<Routes.Declared> declared = gw.server().declaredRoutes().stream().filter(d -> d.kind() != Routes.Kind.READ).toList();
        List<Sample> samples = samples();
        // every POST/PATCH/PUT/DELETE route, and every permission it declares, is driven here: a new one needs a sample
        Map<String, Set<Permission>> covered = samples.stream().collect(Collectors.groupingBy(Sample::route,
                Collectors.mapping(Sample::needs, Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)))));
        assertThat(covered).containsOnlyKeys(declared.stream().map(d -> d.method() + " " + d.path()).toList());
        declared.forEach(d -> assertThat(covered.get(d.method() + " " + d.path())).as(d.path()).isEqualTo(d.permissions()));

        Set<String> refusedBeforeTheBody = new HashSet<>();
        for (Sample s : samples) {
            Routes.Declared route = declared.stream().filter(d -> (d.method() + " " + d.path()).equals(s.route())).findFirst().orElseThrow();
            for (Role role : Role.values()) {
                String id = s.target().get();
                long before = auditCount();
                var r = send(role, s, id, s.body());
                String what = role + " " + s.route() + " " + s.body();
                if (s.needs().allows(role)) {
                    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(route.kind() == Routes.Kind.CREATE ? 201 : 200);
                    assertThat(auditCount()).as(what).isEqualTo(before + (route.mutates() ? 1 : 0));
                } else {
                    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(403);
                    assertThat(r.json().get("type").asText()).endsWith("/forbidden");
                    assertThat(auditCount()).as(what).isEqualTo(before);
                }
                if (route.permissions().stream().noneMatch(p -> p.allows(role)) && refusedBeforeTheBody.add(role + s.route())) {
                    // a role that may not act gets 403 whatever it sends: the body is never read
                    for (String junk : List.of("{not json", "", "{\"action\":\"" + "x".repeat(5000) + "\"}", "[[[[[[[[")) {
                        var refused = send(role, s, id, junk);
                        assertThat(refused.status()).as(role + " " + s.route() + " junk").isEqualTo(403);
                    }
                    assertThat(auditCount()).isEqualTo(before);
                }
            }
        }
        assertThat(refusedBeforeTheBody).isNotEmpty();
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
        assertThat(gw.get(Role.VIEWER, "/admin/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
    }
}
