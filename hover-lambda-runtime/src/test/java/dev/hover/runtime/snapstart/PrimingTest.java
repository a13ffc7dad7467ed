package dev.hover.runtime.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.runtime.EventHandler;
import dev.hover.runtime.Invocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming through the runtime's loop, with a handler that records what reaches it. */
class PrimingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Invocation> seen = new ArrayList<>();

    private EventHandler answering(int status) {
        return invocation -> {
            seen.add(invocation);
            return ("{\"statusCode\":" + status + ",\"body\":\"\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void everyPathTakesItsTurnInEveryRoundAsARealInvocationFromTheRuntimeApi() throws Exception {
        Priming.Result result = new Priming(answering(200)).prime(List.of("/health", "/api/items?page=2"), 3);

        assertThat(result.requests()).isEqualTo(6);
        assertThat(result.statuses()).isEqualTo(Map.of("/health", Map.of(200, 3), "/api/items?page=2", Map.of(200, 3)));
        assertThat(result.describe()).isEqualTo("/health 200×3, /api/items?page=2 200×3");
        List<String> targets = new ArrayList<>();
        for (Invocation invocation : seen) {
            JsonNode event = JSON.readTree(invocation.payload());
            String query = event.get("rawQueryString").asText();
            targets.add(event.get("rawPath").asText() + (query.isEmpty() ? "" : "?" + query));
            assertThat(event.at("/requestContext/http/userAgent").asText()).isEqualTo(Priming.USER_AGENT);
        }
        assertThat(targets).containsExactly("/health", "/api/items?page=2", "/health", "/api/items?page=2", "/health",
                "/api/items?page=2");
        // the invocations came through the Runtime API client: ids and deadlines from its headers
        assertThat(seen).extracting(Invocation::requestId)
                .containsExactly("hover-prime-0", "hover-prime-1", "hover-prime-2", "hover-prime-3", "hover-prime-4",
                        "hover-prime-5");
        assertThat(seen).allSatisfy(invocation -> assertThat(invocation.remainingMillis()).isPositive());
    }

    @Test
    void aFailingHandlerIsCountedAndThePrimingGoesOn() {
        EventHandler failingOnHealth = invocation -> {
            seen.add(invocation);
            if (new String(invocation.payload(), StandardCharsets.UTF_8).contains("\"rawPath\":\"/health\"")) {
                throw new IllegalStateException("not ready");
            }
            return "{\"statusCode\":503}".getBytes(StandardCharsets.UTF_8);
        };

        Priming.Result result = new Priming(failingOnHealth).prime(List.of("/health", "/"), 2);

        assertThat(seen).hasSize(4);
        assertThat(result.statuses()).isEqualTo(Map.of("/health", Map.of(-1, 2), "/", Map.of(503, 2)));
        assertThat(result.describe()).isEqualTo("/health failed×2, / 503×2");
    }

    @Test
    void theReadinessPathComesFirstAndOnlyOnce() {
        assertThat(Priming.paths("/health", List.of("/", "/health", "/api"))).containsExactly("/health", "/", "/api");
    }
}
