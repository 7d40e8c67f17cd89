package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo platform's answers (issue 12 §1: canned, deterministic per prompt, with plausible token counts; no model
 * runs). An answer is picked from fixed sentences by a hash of the model and the conversation, so the same request
 * always gets the same answer and token counts, and different prompts get different ones. Tokens are estimated the
 * way OpenAI's cookbook does for English (about four characters a token, plus a few per message).
 */
public final class CannedAnswers {
    private static final String[] OPENINGS = {
            "Here is a short answer.",
            "Good question.",
            "Let me take that step by step.",
            "In brief:",
            "Sure.",
            "There are a few parts to this.",
    };
    private static final String[] SENTENCES = {
            "Start from what you already know works and change one thing at a time.",
            "The simplest approach is usually the right first step; measure before optimizing.",
            "Keep inputs small and explicit, so each result can be checked on its own.",
            "Write down the assumptions, then test the one you are least sure of.",
            "A worked example often explains more than a definition does.",
            "Consider the edge cases: empty input, very large input, and input in another language.",
            "If the result looks wrong, compare it against a known-good case.",
            "Splitting the problem into smaller questions makes each one easier to answer.",
            "Prefer clear names and short functions; they make later changes cheaper.",
            "Check the units and the time zone before comparing two numbers.",
            "Document the decision and the reason for it, so the next person does not redo the work.",
            "When in doubt, ask for the constraint that matters most and optimize for that.",
    };

    private CannedAnswers() {}

    /** One choice: its text and why it stopped ("stop", or "length" when max_tokens cut it). */
    public record Answer(String text, String finishReason, int tokens) {}

    /** The n answers for a request, each at most {@code maxTokens} tokens. */
    public static List<Answer> answers(String model, List<ChatRequest.Turn> turns, Integer maxTokens, int n) {
        StringBuilder key = new StringBuilder(model);
        turns.forEach(t -> key.append('\u0000').append(t.role()).append('\u0000').append(t.text()));
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(answer(Sha256.of(key + "\u0000" + i), maxTokens));
        }
        return out;
    }

    private static Answer answer(String hash, Integer maxTokens) {
        StringBuilder text = new StringBuilder(OPENINGS[nibble(hash, 0) % OPENINGS.length]);
        int count = 2 + nibble(hash, 1) % 4;
        for (int i = 0; i < count; i++) {
            text.append(' ').append(SENTENCES[(nibble(hash, 2 + i) + i * 5) % SENTENCES.length]);
        }
        String full = text.toString();
        int tokens = tokens(full);
        if (maxTokens == null || tokens <= maxTokens) {
            return new Answer(full, "stop", tokens);
        }
        String cut = cut(full, maxTokens);
        return new Answer(cut, "length", Math.min(maxTokens, tokens(cut)));
    }

    /** The longest word-boundary prefix of {@code text} within {@code maxTokens}. */
    private static String cut(String text, int maxTokens) {
        String[] words = text.split(" ");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String next = sb.isEmpty() ? w : sb + " " + w;
            if (tokens(next) > maxTokens) {
                break;
            }
            sb.setLength(0);
            sb.append(next);
        }
        return sb.toString();
    }

    /** Prompt tokens of a conversation: each message's text plus 3 for its framing, plus 3 to prime the reply. */
    public static int promptTokens(List<ChatRequest.Turn> turns) {
        int total = 3;
        for (ChatRequest.Turn t : turns) {
            total += 3 + tokens(t.role()) + tokens(t.text());
        }
        return total;
    }

    /** About four bytes of UTF-8 a token (non-Latin text costs more tokens per character, as with real tokenizers). */
    public static int tokens(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return Math.max(1, (bytes + 3) / 4);
    }

    private static int nibble(String hex, int i) {
        return Character.digit(hex.charAt(i % hex.length()), 16);
    }
}
