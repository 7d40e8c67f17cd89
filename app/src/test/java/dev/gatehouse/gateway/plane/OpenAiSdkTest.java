package dev.gatehouse.gateway.plane;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The data plane driven by the official OpenAI Java SDK (com.openai:openai-java), as a customer would: the model list,
 * chat with and without streaming, images, and each refusal as the SDK's own exception type with its message intact.
 */
class OpenAiSdkTest {
    static PlaneFixture plane;
    static PlaneFixture.Key live;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
        live = plane.key("live");
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static OpenAIClient client(String secret) {
        // no retries: a 429 must reach the test as the SDK's RateLimitException, not be retried away
        return OpenAIOkHttpClient.builder().apiKey(secret).baseUrl(plane.baseUrl() + "/v1").maxRetries(0).build();
    }

    static ChatCompletionCreateParams chat(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(ChatModel.of(model)).addUserMessage(prompt).build();
    }

    @Test
    void listsTheModels() {
        List<String> ids = client(live.secret()).models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains("openai/gpt-4o-mini", "openai/gpt-image-1");
    }

    @Test
    void chatsWithUsage() {
        ChatCompletion c = client(live.secret()).chat().completions().create(chat("openai/gpt-4o-mini", "What is a rate limit?"));
        assertThat(c.choices()).hasSize(1);
        assertThat(c.choices().get(0).message().content()).get().asString().isNotBlank();
        assertThat(c.usage()).isPresent();
        assertThat(c.usage().get().totalTokens()).isEqualTo(c.usage().get().promptTokens() + c.usage().get().completionTokens());
    }

    @Test
    void streamsTheSameAnswer() {
        OpenAIClient client = client(live.secret());
        String whole = client.chat().completions().create(chat("openai/gpt-4o-mini", "Stream it")).choices().get(0).message().content().orElseThrow();
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("openai/gpt-4o-mini", "Stream it"))) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
            });
        }
        assertThat(text.toString()).isEqualTo(whole);
        assertThat(chunks.get(chunks.size() - 1).usage()).isPresent();
    }

    @Test
    void generatesImages() {
        ImagesResponse r = client(live.secret()).images().generate(ImageGenerateParams.builder()
                .model("openai/gpt-image-1").prompt("a lighthouse at dusk").n(2).size(ImageGenerateParams.Size._1024X1024).build());
        assertThat(r.data()).get().asList().hasSize(2);
        byte[] png = Base64.getDecoder().decode(r.data().get().get(0).b64Json().orElseThrow());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    static <T extends OpenAIServiceException> T refused(Class<T> type, Executable call, String messagePart) {
        T e = assertThrows(type, call);
        assertThat(e.getMessage()).contains(messagePart);
        return e;
    }

    @Test
    void eachRefusalIsTheSdksOwnException() {
        refused(UnauthorizedException.class, () -> client("sk-live-" + "x".repeat(40)).models().list(), "Incorrect API key provided");

        PlaneFixture.Key suspended = plane.key("live");
        assertThat(plane.gateway.post(Role.LEAD, "/admin/v1/keys/" + suspended.id() + "/actions",
                "{\"action\":\"suspend\",\"reason\":\"sdk test\"}").status()).isEqualTo(200);
        PermissionDeniedException denied = refused(PermissionDeniedException.class, () -> client(suspended.secret()).models().list(),
                "is suspended");
        assertThat(denied.code()).contains("key_suspended");

        NotFoundException missing = refused(NotFoundException.class,
                () -> client(live.secret()).chat().completions().create(chat("nobody/nothing", "hi")), "does not exist");
        assertThat(missing.param()).contains("model");

        BadRequestException bad = refused(BadRequestException.class, () -> client(live.secret()).images().generate(ImageGenerateParams.builder()
                .model("openai/gpt-image-1").prompt("x").size(ImageGenerateParams.Size._1792X1024).build()), "offers: 1024x1024");
        assertThat(bad.param()).contains("size");

        PlaneFixture.Key broke = plane.key("live");
        plane.enforcement.meter.outOfCredits.add(broke.accountId());
        UnexpectedStatusCodeException quota = refused(UnexpectedStatusCodeException.class,
                () -> client(broke.secret()).chat().completions().create(chat("openai/gpt-4o-mini", "hi")), "exceeded your current quota");
        assertThat(quota.statusCode()).isEqualTo(402);

        PlaneFixture.Key busy = plane.key("live");
        plane.enforcement.limits.perMinute = 1;
        try {
            client(busy.secret()).models().list();
            RateLimitException limited = refused(RateLimitException.class, () -> client(busy.secret()).models().list(), "Rate limit reached");
            assertThat(limited.headers().values("Retry-After")).isNotEmpty();
        } finally {
            plane.enforcement.limits.perMinute = 1_000_000;
        }
    }
}
