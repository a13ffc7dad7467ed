package dev.hover.bench.http;

// the runtime jar relocates jackson-core: its translators take the relocated factory
import dev.hover.runtime.shaded.jackson.core.JsonFactory;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.http.HttpEventParser;
import dev.hover.runtime.http.PublicOrigin;
import dev.hover.runtime.http.RequestTranslator;
import dev.hover.runtime.http.ResponseTranslator;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.HttpSyntax;
import dev.hover.runtime.net.RequestHead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The http function's per-request translation, without the network: an API Gateway event (as a
 * browser's request through CloudFront arrives: 17 headers, 2 cookies) parsed and written as the
 * HTTP/1.1 request head, and an application's response (9 headers, 2 cookies, a small JSON body)
 * written as the API Gateway response. {@link #headerChecks()} is the work the header checks of
 * docs/runtime.md add to both, alone (docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpTranslationBenchmark {
    private static final byte[] EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/shop/cart/items\","
            + "\"rawQueryString\":\"page=2&sort=price\",\"cookies\":[\"session=7f3a9c2e1b\",\"theme=dark\"],"
            + "\"headers\":{\"accept\":\"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\","
            + "\"accept-encoding\":\"gzip, deflate, br\",\"accept-language\":\"en-GB,en;q=0.9,fr;q=0.8\","
            + "\"cache-control\":\"no-cache\",\"content-length\":\"0\",\"host\":\"shop.example.com\","
            + "\"user-agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15\","
            + "\"via\":\"2.0 7d3e5b1a.cloudfront.net (CloudFront)\",\"x-amz-cf-id\":\"Q2xvdWRGcm9udElkMTIzNDU2Nzg5MA==\","
            + "\"x-amzn-trace-id\":\"Root=1-67891233-abcdef012345678912345678\",\"x-forwarded-for\":\"198.51.100.7, 130.176.0.1\","
            + "\"x-forwarded-port\":\"443\",\"x-forwarded-proto\":\"https\",\"sec-fetch-dest\":\"document\","
            + "\"sec-fetch-mode\":\"navigate\",\"sec-fetch-site\":\"none\",\"upgrade-insecure-requests\":\"1\"},"
            + "\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"abc123\",\"domainName\":\"abc123.execute-api.eu-west-1.amazonaws.com\","
            + "\"http\":{\"method\":\"GET\",\"path\":\"/shop/cart/items\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"198.51.100.7\","
            + "\"userAgent\":\"Mozilla/5.0\"},\"requestId\":\"JKJaXmPLvHcESHA=\",\"stage\":\"$default\",\"time\":\"01/Dec/2026:19:03:58 +0000\","
            + "\"timeEpoch\":1796151838000},\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

    private static final HttpResponse RESPONSE = new HttpResponse(200, List.of(
            new Header("Content-Type", "application/json;charset=UTF-8"),
            new Header("Content-Length", "57"),
            new Header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            new Header("Vary", "Origin"),
            new Header("Vary", "Access-Control-Request-Method"),
            new Header("X-Content-Type-Options", "nosniff"),
            new Header("X-Frame-Options", "DENY"),
            new Header("Set-Cookie", "session=7f3a9c2e1b; Path=/; Secure; HttpOnly; SameSite=Lax"),
            new Header("Set-Cookie", "cart=3; Path=/; Max-Age=86400"),
            new Header("Date", "Tue, 01 Dec 2026 19:03:58 GMT")),
            "{\"items\":[{\"sku\":\"A-1\",\"qty\":2},{\"sku\":\"B-7\",\"qty\":1}]}".getBytes(StandardCharsets.UTF_8), true);

    private HttpEventParser parser;
    private List<Header> requestHeaders;
    private ResponseTranslator responses;
    private RequestHead head;
    private final PublicOrigin origin = new PublicOrigin(null);
    private Invocation invocation;

    @Setup
    public void setUp() {
        JsonFactory json = new JsonFactory();
        parser = new HttpEventParser(json);
        responses = new ResponseTranslator(json);
        head = new RequestHead();
        try {
            requestHeaders = parser.parse(EVENT).request().headers();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        invocation = new Invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", System.currentTimeMillis() + 30_000,
                "arn:aws:lambda:eu-west-1:123456789012:function:shop-prod-http:live", null, EVENT);
    }

    /** The event parsed and written as the request head the application gets. */
    @Benchmark
    public RequestHead request() throws IOException {
        RequestTranslator.write(parser.parse(EVENT).request(), invocation, head, origin);
        return head;
    }

    /**
     * The checks alone that {@link #request()} and {@link #response()} make of every header (name a
     * token, value without control characters): what they add to the two paths, measured in the same run.
     */
    @Benchmark
    public int headerChecks() {
        int valid = 0;
        for (Header header : requestHeaders) {
            if (HttpSyntax.isToken(header.name()) && HttpSyntax.isFieldValue(header.value())) {
                valid++;
            }
        }
        for (Header header : RESPONSE.headers()) {
            if (HttpSyntax.isToken(header.name()) && HttpSyntax.isFieldValue(header.value())) {
                valid++;
            }
        }
        return valid;
    }

    /** The application's response written as API Gateway's. */
    @Benchmark
    public byte[] response() {
        return responses.translate(RESPONSE);
    }
}
