package dev.hover.plugin.logs;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The stage {@code staging} ({@code shop-staging}: http, cli, queue functions {@code emails} and
 * {@code reports}) and its log groups on moto, written through the CloudWatch Logs API with a client
 * built the standard way (so after {@code MotoServer.applyToSystemProperties()}).
 */
public final class MotoLogGroups implements AutoCloseable {
    private final CloudWatchLogsClient logs = CloudWatchLogsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    public static void writeManifest(Path project, String region) throws IOException {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/staging.yml"),
                "name: shop-staging\nregion: " + region + "\nqueue:\n  emails:\n  reports:\n");
    }

    /** The log group of the function, as the stack makes it, with one stream. */
    public void create(String function) {
        logs.createLogGroup(r -> r.logGroupName(group(function)));
        logs.createLogStream(r -> r.logGroupName(group(function)).logStreamName("2026/11/26/[1]abc"));
    }

    /** An event as Lambda writes one: the function's line, with its newline. */
    public void put(String function, Instant time, String message) {
        logs.putLogEvents(r -> r.logGroupName(group(function)).logStreamName("2026/11/26/[1]abc")
                .logEvents(e -> e.timestamp(time.toEpochMilli()).message(message + "\n")));
    }

    private static String group(String function) {
        return "/aws/lambda/" + function;
    }

    @Override
    public void close() {
        logs.close();
    }
}
