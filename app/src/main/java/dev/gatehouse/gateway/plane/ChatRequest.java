package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A chat completion request as the plane reads it (OpenAI's parameters; a wrong one is a 400 naming it). */
public record ChatRequest(String model, List<Turn> messages, boolean stream, Integer maxTokens, int n) {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    static final int MAX_MESSAGES = 2048;
    static final int MAX_N = 8;

    /** One message: its role and its text (text parts joined; other parts, such as images, are left out). */
    public record Turn(String role, String text) {}

    public static ChatRequest parse(JsonNode body) {
        String model = PlaneBodies.requiredString(body, "model");
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw PlaneErrors.badRequest("messages", "missing_required_parameter", "Missing required parameter: 'messages'.");
        }
        if (!messages.isArray()) {
            throw PlaneErrors.badRequest("messages", "invalid_type", "Invalid type for 'messages': expected an array of messages, but got "
                    + PlaneBodies.kind(messages) + ".");
        }
        if (messages.isEmpty()) {
            throw PlaneErrors.badRequest("messages", "invalid_value", "'messages' must hold at least one message.");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw PlaneErrors.badRequest("messages", "invalid_value", "'messages' holds " + messages.size()
                    + " messages; at most " + MAX_MESSAGES + " are accepted.");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), "messages[" + i + "]"));
        }
        boolean stream = PlaneBodies.optionalBoolean(body, "stream").orElse(false);
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw PlaneErrors.badRequest("stream_options", "invalid_type", "Invalid type for 'stream_options': expected an object.");
            }
            PlaneBodies.optionalBoolean(options, "include_usage");
        }
        Integer maxTokens = PlaneBodies.optionalInt(body, "max_completion_tokens", 1, 1_000_000)
                .or(() -> PlaneBodies.optionalInt(body, "max_tokens", 1, 1_000_000)).orElse(null);
        int n = PlaneBodies.optionalInt(body, "n", 1, MAX_N).orElse(1);
        PlaneBodies.optionalNumber(body, "temperature", 0, 2);
        PlaneBodies.optionalNumber(body, "top_p", 0, 1);
        PlaneBodies.optionalNumber(body, "presence_penalty", -2, 2);
        PlaneBodies.optionalNumber(body, "frequency_penalty", -2, 2);
        PlaneBodies.optionalString(body, "user");
        return new ChatRequest(model, List.copyOf(turns), stream, maxTokens, n);
    }

    private static Turn turn(JsonNode m, String param) {
        if (!m.isObject()) {
            throw PlaneErrors.badRequest(param, "invalid_type", "Invalid type for '" + param + "': expected an object with 'role'"
                    + " and 'content', but got " + PlaneBodies.kind(m) + ".");
        }
        JsonNode role = m.get("role");
        if (role == null || role.isNull()) {
            throw PlaneErrors.badRequest(param + ".role", "missing_required_parameter", "Missing required parameter: '" + param + ".role'.");
        }
        if (!role.isTextual() || !ROLES.contains(role.textValue())) {
            throw PlaneErrors.badRequest(param + ".role", "invalid_value", "Invalid value for '" + param + ".role': supported roles are "
                    + "system, developer, user, assistant and tool.");
        }
        JsonNode content = m.get("content");
        String text;
        if (content == null || content.isNull()) {
            if (!role.textValue().equals("assistant")) {
                throw PlaneErrors.badRequest(param + ".content", "missing_required_parameter", "Missing required parameter: '"
                        + param + ".content'.");
            }
            text = "";
        } else if (content.isTextual()) {
            text = PlaneBodies.text(content.textValue(), param + ".content");
        } else if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                String p = param + ".content[" + i + "]";
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw PlaneErrors.badRequest(p, "invalid_type", "Invalid type for '" + p + "': expected an object with a 'type'.");
                }
                if (part.get("type").textValue().equals("text")) {
                    JsonNode t = part.get("text");
                    if (t == null || !t.isTextual()) {
                        throw PlaneErrors.badRequest(p + ".text", "invalid_type", "Invalid type for '" + p + ".text': expected a string.");
                    }
                    if (!sb.isEmpty()) sb.append('\n');
                    sb.append(PlaneBodies.text(t.textValue(), p + ".text"));
                }
            }
            text = sb.toString();
        } else {
            throw PlaneErrors.badRequest(param + ".content", "invalid_type", "Invalid type for '" + param + ".content': expected a string"
                    + " or an array of content parts, but got " + PlaneBodies.kind(content) + ".");
        }
        return new Turn(role.textValue(), text);
    }

    /** The text the request log keeps and the detectors read: the last user message, else the last message. */
    public String prompt() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return messages.get(messages.size() - 1).text();
    }
}
