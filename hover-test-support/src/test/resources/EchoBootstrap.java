import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A minimal Lambda runtime for the emulator's smoke test: logs each event and answers with it (after a minute with "slow"). */
public class EchoBootstrap {
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        System.out.println("echo bootstrap started for " + System.getenv("AWS_LAMBDA_FUNCTION_NAME")
                + " with GREETING=" + System.getenv("GREETING"));
        while (true) {
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            System.out.println("event " + next.body());
            if (args.length > 0 && args[0].equals("slow")) {
                Thread.sleep(60_000);
            }
            http.send(HttpRequest.newBuilder(URI.create(api + requestId + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString(next.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
