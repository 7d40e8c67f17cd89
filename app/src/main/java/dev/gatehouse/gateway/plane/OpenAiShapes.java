package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The data plane's wire shapes, as OpenAI's API answers them (snake_case through the shared mapper). Only what the
 * plane serves; field names follow OpenAI's reference so its SDKs read them unchanged.
 */
public final class OpenAiShapes {
    private OpenAiShapes() {}

    public record ErrorBody(ErrorDetail error) {}

    public record ErrorDetail(String message, String type, String param, String code) {}

    public record ModelObject(String id, String object, long created, String ownedBy) {
        public ModelObject(String id, long created, String ownedBy) {
            this(id, "model", created, ownedBy);
        }
    }

    public record ModelList(String object, List<ModelObject> data) {
        public ModelList(List<ModelObject> data) {
            this("list", data);
        }
    }

    public record Usage(int promptTokens, int completionTokens, int totalTokens) {
        public Usage(int promptTokens, int completionTokens) {
            this(promptTokens, completionTokens, promptTokens + completionTokens);
        }
    }

    public record Message(String role, String content, String refusal) {}

    public record Choice(int index, Message message, Object logprobs, String finishReason) {}

    public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                                 String systemFingerprint) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {}

    public record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {}

    public record ChatChunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage) {}

    public record Image(String b64Json, String revisedPrompt) {}

    public record ImagesResponse(long created, List<Image> data) {}

    public record VideoError(String code, String message) {}

    /** A video task (OpenAI's video object): status queued, in_progress, completed or failed. */
    public record Video(String id, String object, String model, String status, int progress, long createdAt,
                        Long completedAt, String seconds, String size, VideoError error) {}
}
