package dev.hover.plugin.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A stand-in for the Hover runtime in {@link LocalFunctionTest}'s containers, doing what
 * {@code HOVER_SCRIPT} says with the Runtime API it is given: {@code echo} answers each event with its
 * pid and the event, {@code hang} never answers, {@code exit} exits 3 holding the event,
 * {@code init-error} reports an init error, {@code retire} answers then exits, {@code big} answers
 * more than 6 MB, {@code restore} answers what {@code restore/next} answered.
 */
public final class ScriptedRuntime {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ScriptedRuntime() {
    }

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime";
        String script = System.getenv("HOVER_SCRIPT");
        long pid = ProcessHandle.current().pid();
        System.out.println("started " + pid);
        if (script.equals("init-error")) {
            post(api + "/init/error", "{\"errorType\":\"Runtime.AppStartFailed\",\"errorMessage\":\"main threw\"}");
            System.exit(1);
        }
        while (true) {
            HttpResponse<String> next = CLIENT.send(HttpRequest.newBuilder(URI.create(api + "/invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            String answer = switch (script) {
                case "hang" -> {
                    Thread.sleep(60_000);
                    yield "{}";
                }
                case "exit" -> {
                    System.exit(3);
                    yield "{}";
                }
                case "big" -> "\"" + "x".repeat(LocalRuntimeApi.MAX_RESPONSE_BYTES) + "\"";
                case "restore" -> "{\"restoreNext\":" + CLIENT.send(HttpRequest.newBuilder(URI.create(api + "/restore/next")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() + "}";
                default -> "{\"pid\":" + pid + ",\"deadline\":" + next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()
                        + ",\"event\":" + next.body() + "}";
            };
            int status = post(api + "/invocation/" + id + "/response", answer);
            System.out.println("answered " + id + ": " + status);
            if (script.equals("retire")) {
                System.exit(0);
            }
        }
    }

    private static int post(String uri, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
