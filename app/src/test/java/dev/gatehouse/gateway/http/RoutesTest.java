package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.operators.OperatorStore;
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

        // ---- support (issue 10) ----

        // ---- refunds and policy (issue 10) ----

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

        // ---- team: accounts, credits, import (issue 13) ----

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
