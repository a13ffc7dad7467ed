package dev.hover.runtime.lambda;

import dev.hover.runtime.Invocation;
import dev.hover.runtime.Log;
import dev.hover.runtime.net.HttpConnection;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Runtime API (version 2018-06-01) over one kept-alive HTTP/1.1 connection to
 * {@code $AWS_LAMBDA_RUNTIME_API}. Not thread-safe: the runtime's loop is its only user.
 */
public final class RuntimeApiClient implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";
    private static final int MAX_EVENT_BYTES = 7 * 1024 * 1024;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final int NEXT_ATTEMPTS = 8;
    private static final String ERROR_CONTENT_TYPE = "application/vnd.aws.lambda.error+json";

    private final String host;
    private final int port;
    private final String hostHeader;
    private final RequestHead head = new RequestHead();
    private HttpConnection connection;

    /** @param address {@code host:port}, as in {@code AWS_LAMBDA_RUNTIME_API} */
    public RuntimeApiClient(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is '" + address + "'; expected host:port");
        }
        this.host = address.substring(0, colon);
        this.port = Integer.parseInt(address.substring(colon + 1));
        this.hostHeader = address;
    }

    /**
     * Waits for the next event. Transport failures are retried with backoff (10 ms doubling, 8
     * attempts); a 500 means the container is broken and is not retried, as the contract asks.
     */
    public Invocation next() {
        IOException last = null;
        long backoff = 10;
        for (int attempt = 1; attempt <= NEXT_ATTEMPTS; attempt++) {
            try {
                HttpResponse response = exchange("GET", BASE + "/invocation/next", null, null, MAX_EVENT_BYTES);
                if (response.status() == 200) {
                    return invocation(response);
                }
                if (response.status() == 500 || response.status() == 403) {
                    throw new RuntimeApiException("The Runtime API refused next with " + response.status() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                last = new IOException("next answered " + response.status() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
            }
            Log.error("next invocation failed (attempt " + attempt + "): " + last.getMessage());
            sleep(backoff);
            backoff = Math.min(backoff * 2, 1000);
        }
        throw new RuntimeApiException("The Runtime API cannot be reached at " + hostHeader, last);
    }

    /**
     * SnapStart: tells Lambda that the container may be snapshotted, and returns once it runs again,
     * restored from the snapshot. The connection is not reused after it: the restored container's
     * Runtime API gets a new one.
     *
     * @return false when the Runtime API has no {@code /restore/next} (it answers 404, as
     *         aws-lambda-rie does): nothing was snapshotted and the container simply goes on
     */
    public boolean restoreNext() {
        HttpResponse response;
        try {
            response = exchange("GET", BASE + "/restore/next", null, null, MAX_ANSWER_BYTES);
        } catch (IOException e) {
            throw new RuntimeApiException("GET " + BASE + "/restore/next failed: " + e.getMessage(), e);
        } finally {
            disconnect();
        }
        if (response.status() == 404) {
            return false;
        }
        if (response.status() / 100 != 2) {
            throw new RuntimeApiException("GET " + BASE + "/restore/next answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return true;
    }

    /** SnapStart: an after-restore hook failed; Lambda then discards this container. */
    public void reportRestoreError(ErrorReport error) {
        post(BASE + "/restore/error", error.toJson(), error);
    }

    public void respond(String requestId, byte[] body) {
        post(BASE + "/invocation/" + encode(requestId) + "/response", body, null);
    }

    public void reportInvocationError(String requestId, ErrorReport error) {
        post(BASE + "/invocation/" + encode(requestId) + "/error", error.toJson(), error);
    }

    public void reportInitError(ErrorReport error) {
        post(BASE + "/init/error", error.toJson(), error);
    }

    private void post(String path, byte[] body, ErrorReport error) {
        HttpResponse response;
        try {
            response = exchange("POST", path, body, error, MAX_ANSWER_BYTES);
        } catch (IOException e) {
            throw new RuntimeApiException("POST " + path + " failed: " + e.getMessage(), e);
        }
        if (response.status() / 100 != 2) {
            throw new RuntimeApiException("POST " + path + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** One request on the kept-alive connection; a connection the API closed is reopened once. */
    private HttpResponse exchange(String method, String path, byte[] body, ErrorReport error, int maxBody) throws IOException {
        boolean fresh = connection == null;
        try {
            return exchangeOnce(method, path, body, error, maxBody);
        } catch (IOException e) {
            disconnect();
            if (fresh) {
                throw e;
            }
            return exchangeOnce(method, path, body, error, maxBody);
        }
    }

    private HttpResponse exchangeOnce(String method, String path, byte[] body, ErrorReport error, int maxBody) throws IOException {
        if (connection == null) {
            connection = HttpConnection.open(host, port, 1000);
        }
        head.start(method, path).header("Host", hostHeader);
        if (body != null) {
            head.header("Content-Length", body.length);
            head.header("Content-Type", error != null ? ERROR_CONTENT_TYPE : "application/json");
        }
        if (error != null) {
            head.header("Lambda-Runtime-Function-Error-Type", error.headerValue());
        }
        head.end();
        connection.send(head, body, 0, body == null ? 0 : body.length);
        HttpResponse response = connection.receive(false, maxBody, Long.MAX_VALUE);
        if (!response.keepAlive()) {
            disconnect();
        }
        return response;
    }

    private Invocation invocation(HttpResponse response) throws IOException {
        String requestId = response.header("Lambda-Runtime-Aws-Request-Id");
        String deadline = response.header("Lambda-Runtime-Deadline-Ms");
        if (requestId == null || deadline == null) {
            throw new IOException("next answered without Lambda-Runtime-Aws-Request-Id or Lambda-Runtime-Deadline-Ms");
        }
        return new Invocation(requestId, Long.parseLong(deadline.trim()),
                response.header("Lambda-Runtime-Invoked-Function-Arn"),
                response.header("Lambda-Runtime-Trace-Id"), response.body());
    }

    /** Closes the kept-alive connection; a later call opens a new one. */
    @Override
    public void close() {
        disconnect();
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static String encode(String requestId) {
        return URLEncoder.encode(requestId, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeApiException("Interrupted while waiting to retry next");
        }
    }
}
