package dev.gatehouse.gateway.plane;

import dev.gatehouse.api.Json;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chat completion as server-sent events (OpenAI's {@code stream: true}): a first chunk with the role, content chunks
 * of a few words, a chunk with each choice's finish reason, a last chunk with the usage and no choices, then
 * {@code data: [DONE]}.
 */
public final class ChatStream {
    static final int WORDS_PER_CHUNK = 3;

    private ChatStream() {}

    public static String events(String id, long created, String model, List<CannedAnswers.Answer> answers, OpenAiShapes.Usage usage) {
        return events(id, chunks(created, model, answers, usage));
    }

    /**
     * The stream's chunks as JSON trees without their id: everything that can fail is done here, before the request
     * is charged; {@link #events(String, List)} then only fills in the id.
     */
    public static List<ObjectNode> chunks(long created, String model, List<CannedAnswers.Answer> answers, OpenAiShapes.Usage usage) {
        String id = "";
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            event(out, chunk(id, created, model, i, new OpenAiShapes.Delta("assistant", ""), null));
            String[] words = answers.get(i).text().split(" ");
            for (int w = 0; w < words.length; w += WORDS_PER_CHUNK) {
                StringBuilder piece = new StringBuilder();
                for (int k = w; k < Math.min(words.length, w + WORDS_PER_CHUNK); k++) {
                    piece.append(k == 0 ? "" : " ").append(words[k]);
                }
                event(out, chunk(id, created, model, i, new OpenAiShapes.Delta(null, piece.toString()), null));
            }
            event(out, chunk(id, created, model, i, new OpenAiShapes.Delta(null, null), answers.get(i).finishReason()));
        }
        event(out, new OpenAiShapes.ChatChunk(id, "chat.completion.chunk", created, model, List.of(), usage));
        return out;
    }

    /** The server-sent events of {@code chunks} under {@code id}, ending in [DONE]. */
    public static String events(String id, List<ObjectNode> chunks) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode chunk : chunks) {
            out.append("data: ").append(PlaneRoutes.text(chunk.put("id", id))).append("\n\n");
        }
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    private static OpenAiShapes.ChatChunk chunk(String id, long created, String model, int index, OpenAiShapes.Delta delta, String finish) {
        return new OpenAiShapes.ChatChunk(id, "chat.completion.chunk", created, model,
                List.of(new OpenAiShapes.ChunkChoice(index, delta, null, finish)), null);
    }

    private static void event(List<ObjectNode> out, Object chunk) {
        out.add(Json.mapper().valueToTree(chunk));
    }
}
