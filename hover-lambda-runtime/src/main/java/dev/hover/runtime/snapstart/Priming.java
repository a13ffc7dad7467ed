package dev.hover.runtime.snapstart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.runtime.EventHandler;
import dev.hover.runtime.Log;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.RuntimeLoop;
import dev.hover.runtime.lambda.RuntimeApiClient;
import dev.hover.runtime.lambda.RuntimeApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the application GET requests through the whole path a real request takes (the Runtime
 * API's {@code next} → API Gateway event → the http handler → HTTP on loopback → the application →
 * the answer encoded for API Gateway → the Runtime API's {@code response}) before the snapshot, so that the classes they need are loaded, their caches filled and
 * their hot methods compiled in the snapshot rather than in the first requests after a restore.
 * Each path is requested {@code rounds} times, the paths taking turns.
 */
public final class Priming {
    static final String USER_AGENT = "Hover-Prime/1";

    private final EventHandler handler;
    private final JsonFactory json = new JsonFactory();

    public Priming(EventHandler handler) {
        this.handler = handler;
    }

    /** The readiness path first, then the manifest's {@code http.prime} paths, each once. */
    public static List<String> paths(String readinessPath, List<String> primePaths) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(readinessPath);
        paths.addAll(primePaths);
        return new ArrayList<>(paths);
    }

    /**
     * Never fails the init: priming is a head start, and a path that answers badly is the
     * application's to fix; the result says what each path answered. The events go through the
     * runtime's whole loop (its Runtime API client included) against a Runtime API on loopback.
     */
    public Result prime(List<String> paths, int rounds) {
        List<byte[]> events = new ArrayList<>(paths.size() * rounds);
        for (int round = 0; round < rounds; round++) {
            for (String path : paths) {
                events.add(event(path));
            }
        }
        long start = System.nanoTime();
        List<PrimingRuntimeApi.Answer> answers = List.of();
        try (PrimingRuntimeApi api = new PrimingRuntimeApi(events);
             RuntimeApiClient client = new RuntimeApiClient(api.address())) {
            try {
                new RuntimeLoop(client, handler, Retirement.shared()).serve(events.size());
            } finally {
                answers = api.answers();
            }
        } catch (IOException | RuntimeApiException e) {
            Log.error("priming stopped after " + answers.size() + " of " + events.size() + " requests: " + e.getMessage());
        }
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            statuses.computeIfAbsent(paths.get(i % paths.size()), p -> new LinkedHashMap<>())
                    .merge(statusOf(answers.get(i).response()), 1, Integer::sum);
        }
        return new Result(answers.size(), (System.nanoTime() - start) / 1_000_000, statuses);
    }

    /** An API Gateway HTTP API (payload 2.0) GET of {@code target}, which may carry a query. */
    byte[] event(String target) {
        int query = target.indexOf('?');
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator event = json.createGenerator(out)) {
            event.writeStartObject();
            event.writeStringField("version", "2.0");
            event.writeStringField("routeKey", "$default");
            event.writeStringField("rawPath", query < 0 ? target : target.substring(0, query));
            event.writeStringField("rawQueryString", query < 0 ? "" : target.substring(query + 1));
            event.writeObjectFieldStart("headers");
            event.writeStringField("host", "localhost");
            event.writeStringField("user-agent", USER_AGENT);
            event.writeStringField("accept", "*/*");
            event.writeEndObject();
            event.writeObjectFieldStart("requestContext");
            event.writeStringField("domainName", "localhost");
            event.writeObjectFieldStart("http");
            event.writeStringField("method", "GET");
            event.writeStringField("path", query < 0 ? target : target.substring(0, query));
            event.writeStringField("protocol", "HTTP/1.1");
            event.writeStringField("sourceIp", "127.0.0.1");
            event.writeStringField("userAgent", USER_AGENT);
            event.writeEndObject();
            event.writeEndObject();
            event.writeBooleanField("isBase64Encoded", false);
            event.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the status the answer carries, or -1 when there is none (the handler failed) */
    private int statusOf(byte[] answer) {
        if (answer == null) {
            return -1;
        }
        try (JsonParser parser = json.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("statusCode")) {
                    return Integer.parseInt(parser.getText());
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param requests how many requests were sent
     * @param millis   how long they took together
     * @param statuses per path: how often each status was answered (-1: the handler failed)
     */
    public record Result(int requests, long millis, Map<String, Map<Integer, Integer>> statuses) {
        /** E.g. {@code / 200×20, /api/health 200×20}. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((path, counts) -> {
                if (text.length() > 0) {
                    text.append(", ");
                }
                text.append(path);
                counts.forEach((status, count) -> text.append(' ').append(status < 0 ? "failed" : status.toString())
                        .append('×').append(count));
            });
            return text.toString();
        }
    }
}
