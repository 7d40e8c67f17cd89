package dev.gatehouse.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.SimulatorStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Who the simulator plays, set up through the admin API at start as an operator would: its own support operator
 * ("Traffic simulator"), demo accounts chosen from the seed, one demo key per part issued for itself (named
 * "simulator · …", so they show on the Keys screen and an operator can suspend them), an account of its own with a
 * small balance to spend down, the chat and image models to call, and purchase lots a refund may be asked for.
 */
final class SimulatorCast {
    static final String OPERATOR_EMAIL = "traffic-simulator@demo.gatehouse.dev";
    static final String DRAIN_EMAIL = "billing@drain-demo.simulator.dev";
    /** What the drain account gets at the start and at each top-up: a few images' worth. */
    static final String DRAIN_CREDIT = "0.25";
    private static final String REASON = "demo traffic simulator (issue 12): demo keys it drives";

    /** A key the simulator holds: its secret (known only here, as for any customer) and what operators see. */
    record Key(String id, String secret, String masked, TrafficPlan.Scenario scenario, String accountId, String accountName) {
        SimulatorStatus.Key shown() {
            return new SimulatorStatus.Key(id, masked, scenario.name().toLowerCase(), accountId, accountName);
        }
    }

    /** A purchase lot a refund may be asked for. */
    record Lot(String accountId, String lotId, BigDecimal remaining) {}

    /** An image model and a size it offers. */
    record ImageModel(String model, String size) {}

    final String operatorToken;
    final List<Key> keys;
    final List<String> chatModels;
    final List<ImageModel> imageModels;
    final List<String> ticketAccounts;
    final List<Lot> lots;
    final String drainAccountId;

    private SimulatorCast(String operatorToken, List<Key> keys, List<String> chatModels, List<ImageModel> imageModels,
                          List<String> ticketAccounts, List<Lot> lots, String drainAccountId) {
        this.operatorToken = operatorToken;
        this.keys = List.copyOf(keys);
        this.chatModels = List.copyOf(chatModels);
        this.imageModels = List.copyOf(imageModels);
        this.ticketAccounts = List.copyOf(ticketAccounts);
        this.lots = List.copyOf(lots);
        this.drainAccountId = drainAccountId;
    }

    List<Key> keys(TrafficPlan.Scenario scenario) {
        return keys.stream().filter(k -> k.scenario() == scenario).toList();
    }

    /** Sets the cast up on the gateway at {@code calls}, with a lead's token; throws with what went wrong. */
    static SimulatorCast assemble(PlatformCalls calls, String leadToken, long seed) {
        Random random = new Random(seed);
        String token = operator(calls, leadToken);
        Set<String> taken = new LinkedHashSet<>();
        List<Key> keys = new ArrayList<>();
        for (String tier : List.of("starter", "starter", "pro", "pro", "enterprise", "enterprise")) {
            account(calls, token, tier, "5", random, taken).ifPresent(a -> keys.add(issue(calls, token, a, TrafficPlan.Scenario.STEADY)));
        }
        account(calls, token, "pro", "5", random, taken).ifPresent(a -> keys.add(issue(calls, token, a, TrafficPlan.Scenario.LEAKED)));
        account(calls, token, "starter", "2", random, taken).ifPresent(a -> keys.add(issue(calls, token, a, TrafficPlan.Scenario.MISUSE)));
        account(calls, token, "free", "1", random, taken).ifPresent(a -> keys.add(issue(calls, token, a, TrafficPlan.Scenario.BURST)));
        JsonNode drain = drainAccount(calls, token);
        keys.add(issue(calls, token, drain, TrafficPlan.Scenario.DRAIN));
        if (keys.stream().noneMatch(k -> k.scenario() == TrafficPlan.Scenario.STEADY)) {
            throw new IllegalStateException("no active demo account with credits to drive: is this a demo platform?");
        }

        List<String> chat = new ArrayList<>();
        List<ImageModel> images = new ArrayList<>();
        for (JsonNode m : list(calls, token, "/admin/v1/models?modality=chat&status=active&limit=40")) {
            chat.add(m.path("slug").asText(m.path("id").asText()));
        }
        for (JsonNode m : list(calls, token, "/admin/v1/models?modality=image&status=active&limit=20")) {
            if (m.path("resolutions").size() > 0) {
                images.add(new ImageModel(m.path("slug").asText(m.path("id").asText()), m.path("resolutions").get(0).asText()));
            }
        }
        planeModelIds(calls, keys.get(0).secret(), chat, images);

        List<String> ticketAccounts = new ArrayList<>(taken);
        List<Lot> lots = new ArrayList<>();
        for (JsonNode a : list(calls, token, "/admin/v1/accounts?status=active&tier=pro&limit=30")) {
            ticketAccounts.add(a.path("id").asText());
            JsonNode detail = calls.admin(token, "GET", "/admin/v1/accounts/" + a.path("id").asText(), null).json();
            for (JsonNode lot : detail.path("lots")) {
                if ("purchase".equals(lot.path("kind").asText()) && !lot.path("expired").asBoolean()
                        && new BigDecimal(lot.path("remaining").asText("0")).compareTo(BigDecimal.ONE) > 0) {
                    lots.add(new Lot(a.path("id").asText(), lot.path("id").asText(), new BigDecimal(lot.path("remaining").asText())));
                }
            }
        }
        return new SimulatorCast(token, keys, chat, images, ticketAccounts, lots, drain.path("id").asText());
    }

    /**
     * The simulator's own support operator: made once, its token rotated on later starts (tokens are stored hashed).
     * On a later start (a durable demo) the keys an earlier run issued are revoked first: their secrets died with that run.
     */
    private static String operator(PlatformCalls calls, String leadToken) {
        for (JsonNode o : list(calls, leadToken, "/admin/v1/operators?limit=200")) {
            if (OPERATOR_EMAIL.equals(o.path("email").asText())) {
                String id = o.path("id").asText();
                revokeEarlierKeys(calls, leadToken, id);
                if (!"active".equals(o.path("status").asText())) {
                    must(calls.admin(leadToken, "POST", "/admin/v1/operators/" + id + "/actions",
                            Map.of("action", "reactivate", "reason", REASON)), "reactivate the simulator's operator");
                }
                return must(calls.admin(leadToken, "POST", "/admin/v1/operators/" + id + "/actions",
                        Map.of("action", "rotate_token", "reason", REASON)), "rotate the simulator's token").path("token").asText();
            }
        }
        return must(calls.admin(leadToken, "POST", "/admin/v1/operators", Map.of("name", "Traffic simulator", "email", OPERATOR_EMAIL,
                "role", "support", "reason", REASON)), "add the simulator's operator").path("token").asText();
    }

    private static void revokeEarlierKeys(PlatformCalls calls, String leadToken, String operatorId) {
        for (JsonNode e : list(calls, leadToken, "/admin/v1/audit?action=key.issue&actor=" + operatorId + "&limit=200")) {
            String key = e.path("target").asText();
            JsonNode detail = calls.admin(leadToken, "GET", "/admin/v1/keys/" + key, null).json();
            String status = detail.path("key").path("status").asText();
            if (status.equals("active") || status.equals("suspended")) {
                calls.admin(leadToken, "POST", "/admin/v1/keys/" + key + "/actions", Map.of("action", "revoke",
                        "reason", "demo traffic simulator restarted: the keys of its earlier run are retired"));
            }
        }
    }

    /** An active account of {@code tier} with at least {@code minBalance}, chosen from the seed among the first page. */
    private static java.util.Optional<JsonNode> account(PlatformCalls calls, String token, String tier, String minBalance, Random random,
                                                        Set<String> taken) {
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode a : list(calls, token, "/admin/v1/accounts?status=active&tier=" + tier + "&limit=60")) {
            if (!taken.contains(a.path("id").asText()) && new BigDecimal(a.path("balance").asText("0")).compareTo(new BigDecimal(minBalance)) >= 0
                    && !DRAIN_EMAIL.equals(a.path("email").asText())) {
                candidates.add(a);
            }
        }
        if (candidates.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode chosen = candidates.get(random.nextInt(candidates.size()));
        taken.add(chosen.path("id").asText());
        return java.util.Optional.of(chosen);
    }

    /** The account the simulator spends down: opened on the first start, topped up with a few images' worth each start. */
    private static JsonNode drainAccount(PlatformCalls calls, String token) {
        JsonNode found = null;
        for (JsonNode a : list(calls, token, "/admin/v1/accounts?q=drain-demo.simulator.dev&limit=5")) {
            if (DRAIN_EMAIL.equals(a.path("email").asText())) {
                found = a;
            }
        }
        if (found == null) {
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("name", "Drain Demo (simulator)");
            open.put("email", DRAIN_EMAIL);
            open.put("tier", "starter");
            open.put("reason", "demo traffic simulator: an account that runs out of credits");
            open.put("confirm_duplicate", true);
            found = must(calls.admin(token, "POST", "/admin/v1/accounts", open), "open the drain account");
        }
        topUp(calls, token, found.path("id").asText());
        return found;
    }

    /** A small purchase for the drain account, as its customer would make once the API answers 402. */
    static PlatformCalls.Answer topUp(PlatformCalls calls, String token, String accountId) {
        return calls.admin(token, "POST", "/admin/v1/accounts/" + accountId + "/credits", Map.of("kind", "purchase", "amount", DRAIN_CREDIT,
                "price_paid", DRAIN_CREDIT, "reason", "demo traffic simulator: the customer buys a little more"));
    }

    private static Key issue(PlatformCalls calls, String token, JsonNode account, TrafficPlan.Scenario scenario) {
        String id = account.path("id").asText();
        JsonNode issued = must(calls.admin(token, "POST", "/admin/v1/accounts/" + id + "/keys", Map.of("name",
                "simulator · " + scenario.name().toLowerCase(), "mode", "live", "reason", REASON)), "issue a " + scenario + " key to " + id);
        JsonNode key = issued.path("key");
        return new Key(key.path("id").asText(), issued.path("secret").asText(), key.path("masked").asText(), scenario, id,
                account.path("name").asText());
    }

    /**
     * The data plane names models as its /v1/models lists them; keep those (by slug or id) when it answers, so the
     * simulator asks for what the plane serves. Without a data plane the catalog's slugs stand.
     */
    private static void planeModelIds(PlatformCalls calls, String secret, List<String> chat, List<ImageModel> images) {
        PlatformCalls.Answer listed = calls.planeGet(secret, "/v1/models");
        if (!listed.ok()) {
            return;
        }
        Set<String> served = new LinkedHashSet<>();
        listed.json().path("data").forEach(m -> served.add(m.path("id").asText()));
        if (served.isEmpty()) {
            return;
        }
        List<String> keptChat = chat.stream().filter(served::contains).toList();
        if (!keptChat.isEmpty()) {
            chat.clear();
            chat.addAll(keptChat);
        }
        List<ImageModel> keptImages = images.stream().filter(i -> served.contains(i.model())).toList();
        if (!keptImages.isEmpty()) {
            images.clear();
            images.addAll(keptImages);
        }
    }

    private static List<JsonNode> list(PlatformCalls calls, String token, String path) {
        List<JsonNode> out = new ArrayList<>();
        must(calls.admin(token, "GET", path, null), "read " + path).path("data").forEach(out::add);
        return out;
    }

    private static JsonNode must(PlatformCalls.Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException("The traffic simulator could not " + what + ": HTTP " + a.status() + " "
                    + a.json().path("detail").asText(""));
        }
        return a.json();
    }
}
