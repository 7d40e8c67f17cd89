package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.pricing.PricesInForce;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI-compatible data plane (DESIGN §3, issue 12 §1): {@code /v1/models}, {@code /v1/chat/completions},
 * {@code /v1/images/generations}, {@code /v1/videos/generations} and {@code /v1/videos/{id}}. Every request goes through
 * the same steps: the key ({@link KeyDirectory}, cached), the rate limits ({@link RateLimits}), the body, the model
 * ({@link PlaneCatalog}, cached), the charge ({@link Meter}), then the canned answer. Every refusal is an OpenAI-shaped
 * error ({@link PlaneErrorDialect}); a refusal after the key is known is also written to the request log.
 */
public final class PlaneRoutes {
    private final KeyDirectory keys;
    private final PlaneCatalog catalog;
    private final RateLimits limits;
    private final Meter meter;
    private final VideoTasks videos;
    private final PromptScreen reports;
    private final Clock clock;

    public PlaneRoutes(KeyDirectory keys, PlaneCatalog catalog, RateLimits limits, Meter meter, VideoTasks videos,
                       PromptScreen reports, Clock clock) {
        this.keys = keys;
        this.catalog = catalog;
        this.limits = limits;
        this.meter = meter;
        this.videos = videos;
        this.reports = reports;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.exception(PlaneRefusal.class, (e, ctx) -> PlaneErrorDialect.write(ctx, e));
        app.get("/v1/models", this::models);
        app.post("/v1/chat/completions", this::chat);
        app.post("/v1/images/generations", this::images);
        app.post("/v1/videos/generations", this::submitVideo);
        app.get("/v1/videos/{id}", this::video);
    }

    /** One request of a known caller: its admission, timing and what the request log keeps of it when refused. */
    private final class Call implements AutoCloseable {
        final Caller caller;
        final Instant now;
        final long started = System.nanoTime();
        final RateLimits.Admission admission;
        String model = "";
        String prompt = "";

        Call(Context ctx) {
            this.now = clock.instant();
            this.caller = keys.authenticate(ctx.header("Authorization"), now);
            RateLimits.Admission a;
            try {
                a = limits.admit(caller, now);
            } catch (PlaneRefusal r) {
                logRefused(r);
                throw r;
            }
            this.admission = a;
            a.headers().forEach(ctx::header);
        }

        int latencyMs() {
            return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        }

        Meter.Logged logged(int status) {
            return new Meter.Logged(model, status, latencyMs(), prompt);
        }

        void logRefused(PlaneRefusal r) {
            meter.logRefused(caller, logged(r.status()), now);
        }

        /** The model named in the request, if this key may use it for this modality; 404/400 otherwise. */
        PlaneModel model(String name, String modality, String endpoint) {
            this.model = PlaneBodies.shortened(name);
            PlaneModel m = catalog.model(name).filter(found -> catalog.reachable(caller, found))
                    .orElseThrow(() -> PlaneErrors.modelNotFound(PlaneBodies.shortened(name)));
            if (!m.modality().equals(modality)) {
                throw PlaneErrors.badRequest("model", "model_not_supported", "The model '" + name + "' is a " + m.modality()
                        + " model and cannot be used with " + endpoint + ".");
            }
            return m;
        }

        @Override
        public void close() {
            admission.close();
        }
    }

    /** Runs the steps after the key, logging a refusal of a known caller before it is answered. */
    private void serve(Context ctx, java.util.function.Consumer<Call> work) {
        try (Call call = new Call(ctx)) {
            try {
                work.accept(call);
            } catch (PlaneRefusal r) {
                call.logRefused(r);
                throw r;
            }
        }
    }

    private void models(Context ctx) {
        serve(ctx, call -> {
            List<OpenAiShapes.ModelObject> data = catalog.listed(call.caller).stream()
                    .map(m -> new OpenAiShapes.ModelObject(m.slug(), m.created().getEpochSecond(), m.provider()))
                    .toList();
            json(ctx, new OpenAiShapes.ModelList(data));
        });
    }

    private void chat(Context ctx) {
        serve(ctx, call -> {
            JsonNode body = PlaneBodies.object(ctx);
            ChatRequest req = ChatRequest.parse(body);
            call.prompt = req.prompt();
            PlaneModel model = call.model(req.model(), "chat", "/v1/chat/completions");
            // screened and rendered before the charge, so a failure in either bills nothing; after the charge only the
            // request id is filled into ready JSON trees, which cannot fail
            reports.screen(call.caller, model.slug(), req.prompt(), call.now);
            List<CannedAnswers.Answer> answers = CannedAnswers.answers(model.slug(), req.messages(), req.maxTokens(), req.n());
            int promptTokens = CannedAnswers.promptTokens(req.messages());
            int completionTokens = answers.stream().mapToInt(CannedAnswers.Answer::tokens).sum();
            long created = call.now.getEpochSecond();
            OpenAiShapes.Usage usage = new OpenAiShapes.Usage(promptTokens, completionTokens);
            List<ObjectNode> chunks = null;
            ObjectNode completion = null;
            if (req.stream()) {
                chunks = ChatStream.chunks(created, model.slug(), answers, usage);
            } else {
                List<OpenAiShapes.Choice> choices = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    CannedAnswers.Answer a = answers.get(i);
                    choices.add(new OpenAiShapes.Choice(i, new OpenAiShapes.Message("assistant", a.text(), null), null, a.finishReason()));
                }
                completion = Json.mapper().valueToTree(new OpenAiShapes.ChatCompletion("", "chat.completion", created, model.slug(),
                        choices, usage, null));
            }
            Meter.Charge charge = meter.charge(call.caller, model.id(), List.of(
                    new PricesInForce.Metered("input_mtok", null, BigDecimal.valueOf(promptTokens)),
                    new PricesInForce.Metered("output_mtok", null, BigDecimal.valueOf(completionTokens))),
                    call.logged(200), call.now);
            String id = "chatcmpl-" + charge.requestId();
            ctx.header("x-request-id", charge.requestId());
            if (chunks != null) {
                ctx.contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                        .result(ChatStream.events(id, chunks));
            } else {
                ctx.contentType(JSON).result(text(completion.put("id", id)));
            }
        });
    }

    static final int MAX_IMAGES = 10;
    static final int MAX_PROMPT_CHARS = 32_000;

    private void images(Context ctx) {
        serve(ctx, call -> {
            JsonNode body = PlaneBodies.object(ctx);
            String name = PlaneBodies.requiredString(body, "model");
            String prompt = prompt(body);
            call.prompt = prompt;
            int n = PlaneBodies.optionalInt(body, "n", 1, MAX_IMAGES).orElse(1);
            Optional<String> size = PlaneBodies.optionalString(body, "size");
            PlaneBodies.optionalChoice(body, "response_format", List.of("b64_json", "url")).ifPresent(f -> {
                if (f.equals("url")) {
                    throw PlaneErrors.badRequest("response_format", "unsupported_value", "This platform returns images inline only:"
                            + " use 'response_format': 'b64_json' (the default here).");
                }
            });
            PlaneBodies.optionalString(body, "quality");
            PlaneBodies.optionalString(body, "style");
            PlaneBodies.optionalString(body, "user");
            PlaneModel model = call.model(name, "image", "/v1/images/generations");
            String chosen = offered(model, "image", size);
            // screened and rendered before the charge: a failure in either bills nothing, and nothing after it can fail
            reports.screen(call.caller, model.slug(), prompt, call.now);
            List<OpenAiShapes.Image> data = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                data.add(new OpenAiShapes.Image(Base64.getEncoder().encodeToString(PngImages.render(prompt, chosen, i)), prompt));
            }
            byte[] response = bytes(new OpenAiShapes.ImagesResponse(call.now.getEpochSecond(), data));
            meter.charge(call.caller, model.id(), List.of(new PricesInForce.Metered("image", chosen, BigDecimal.valueOf(n))),
                    call.logged(200), call.now);
            ctx.contentType(JSON).result(response);
        });
    }

    private void submitVideo(Context ctx) {
        serve(ctx, call -> {
            JsonNode body = PlaneBodies.object(ctx);
            String name = PlaneBodies.requiredString(body, "model");
            String prompt = prompt(body);
            call.prompt = prompt;
            int seconds = seconds(body);
            Optional<String> size = PlaneBodies.optionalString(body, "size");
            PlaneModel model = call.model(name, "video", "/v1/videos/generations");
            String chosen = offered(model, "video_second", size);
            reports.screen(call.caller, model.slug(), prompt, call.now); // before the reservation: a failure reserves nothing
            json(ctx, videos.submit(call.caller, model, chosen, seconds, prompt, call.now));
        });
    }

    private void video(Context ctx) {
        serve(ctx, call -> json(ctx, videos.view(call.caller, ctx.pathParam("id"), call.now)));
    }

    static final int MAX_VIDEO_SECONDS = 60;

    /** OpenAI's video API sends seconds as a string ("4"); a whole number is accepted too. Default 4. */
    private static int seconds(JsonNode body) {
        JsonNode v = body.get("seconds");
        if (v == null || v.isNull()) {
            return 4;
        }
        if (v.isTextual() && v.textValue().matches("[0-9]{1,3}")) {
            return PlaneBodies.range("seconds", Integer.parseInt(v.textValue()), 1, MAX_VIDEO_SECONDS);
        }
        return PlaneBodies.optionalInt(body, "seconds", 1, MAX_VIDEO_SECONDS).orElse(4);
    }

    private static String prompt(JsonNode body) {
        String prompt = PlaneBodies.requiredString(body, "prompt");
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw PlaneErrors.badRequest("prompt", "string_above_max_length", "'prompt' is " + prompt.length()
                    + " characters long; at most " + MAX_PROMPT_CHARS + " are accepted.");
        }
        return prompt;
    }

    /** The requested size if the model's price card offers it, else its first size; 400 naming the offered ones. */
    private static String offered(PlaneModel model, String unit, Optional<String> size) {
        List<String> sizes = model.variants(unit);
        if (sizes.isEmpty()) {
            throw PlaneErrors.badRequest("model", "model_not_priced", "The model '" + model.slug() + "' has no price for any size.");
        }
        if (size.isEmpty()) {
            return sizes.get(0);
        }
        if (!sizes.contains(size.get())) {
            throw PlaneErrors.badRequest("size", "invalid_value", "Invalid value for 'size': '" + PlaneBodies.shortened(size.get())
                    + "'. The model '" + model.slug() + "' offers: " + String.join(", ", sizes) + ".");
        }
        return size.get();
    }

    private static final String JSON = "application/json; charset=utf-8";

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(bytes(body));
    }

    private static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ready JSON tree as text: plain nodes only, so this does not fail (it runs after a charge). */
    static String text(JsonNode tree) {
        return tree.toString();
    }
}
