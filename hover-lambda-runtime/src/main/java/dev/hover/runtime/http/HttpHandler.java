package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.hover.runtime.EventHandler;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Log;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;
import dev.hover.runtime.net.ResponseTooLargeException;
import dev.hover.runtime.warmer.LambdaPingSender;
import dev.hover.runtime.warmer.PingSender;
import dev.hover.runtime.warmer.Warmer;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The http function: proxies API Gateway requests to the application on loopback, and answers
 * the warmer. Every request gets an answer before Lambda's deadline: the application's response,
 * 504 when it is too slow (to answer, or to read the request's body), or 502 when it breaks the
 * connection or answers too much. An application that no longer accepts connections fails the
 * invocation and retires the container.
 */
public final class HttpHandler implements EventHandler {
    /** Lambda's limit on a synchronous response payload. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    /** Kept back from Lambda's deadline to post the 504 before Lambda stops the container. */
    static final long DEADLINE_MARGIN_MILLIS = 300;

    private final LoopbackClient application;
    private final HttpEventParser parser;
    private final ResponseTranslator responses;
    private final Warmer warmer;
    private final Retirement retirement;
    private final PublicOrigin publicOrigin;
    private final RequestHead head = new RequestHead();

    /**
     * @param retirement   asked to end the container when the application is gone
     * @param publicOrigin how the client's host and scheme are told
     */
    public HttpHandler(LoopbackClient application, Warmer warmer, Retirement retirement, PublicOrigin publicOrigin) {
        JsonFactory json = new JsonFactory();
        this.application = application;
        this.publicOrigin = publicOrigin;
        this.parser = new HttpEventParser(json);
        this.responses = new ResponseTranslator(json);
        this.warmer = warmer;
        this.retirement = retirement;
    }

    /** The product wiring: warmer pings go through the Lambda API, CloudFront is recognised as the template configures it. */
    public static HttpHandler create(LoopbackClient application, Map<String, String> environment) {
        // a class, not LambdaPingSender::new: no lambda on the cold start path
        return new HttpHandler(application, new Warmer(new Supplier<PingSender>() {
            @Override
            public PingSender get() {
                return new LambdaPingSender();
            }
        }), Retirement.shared(), PublicOrigin.fromEnvironment(environment));
    }

    /**
     * Runs the translation code once on a made-up request and response, without touching the
     * network, so that its classes are loaded while the application starts rather than during the
     * first request (which took 15–25 ms longer than the next ones without it, docs/performance.md).
     */
    public static void prepare() {
        JsonFactory json = new JsonFactory();
        try {
            HttpFunctionEvent event = new HttpEventParser(json).parse(PREPARATION_EVENT);
            Invocation invocation = new Invocation("prepare", System.currentTimeMillis(), null, null, PREPARATION_EVENT);
            RequestTranslator.write(event.request(), invocation, new RequestHead(), new PublicOrigin(null));
            ResponseTranslator responses = new ResponseTranslator(json);
            responses.translate(new HttpResponse(200, List.of(new Header("Content-Type", "text/plain"),
                    new Header("Set-Cookie", "a=b")), PREPARATION_EVENT, true));
            responses.translate(new HttpResponse(200, List.of(new Header("Content-Type", "image/png")),
                    PREPARATION_EVENT, true));
        } catch (IOException | RuntimeException e) {
            // only a head start: the first request does the same work and reports what fails
        }
    }

    private static final byte[] PREPARATION_EVENT = ("{\"version\":\"2.0\",\"rawPath\":\"/\",\"rawQueryString\":\"a=1\","
            + "\"cookies\":[\"a=b\"],\"headers\":{\"host\":\"localhost\",\"x-forwarded-for\":\"127.0.0.1\"},"
            + "\"requestContext\":{\"domainName\":\"localhost\",\"http\":{\"method\":\"POST\",\"sourceIp\":\"127.0.0.1\"}},"
            + "\"body\":\"e30=\",\"isBase64Encoded\":true}").getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] handle(Invocation invocation) throws Exception {
        HttpFunctionEvent event = parser.parse(invocation.payload());
        return switch (event.kind()) {
            case REQUEST -> proxy(event.request(), invocation);
            case WARMER -> warmer.warm(invocation, event.warmerConcurrency());
            case WARMER_PING -> warmer.ping();
        };
    }

    private byte[] proxy(ApiGatewayRequest request, Invocation invocation) {
        long deadline = invocation.deadlineMs() - DEADLINE_MARGIN_MILLIS;
        if (deadline <= System.currentTimeMillis()) {
            // not even sent: the application would work on a request nobody waits for
            return gatewayTimeout(request, invocation);
        }
        RequestTranslator.write(request, invocation, head, publicOrigin);
        try {
            HttpResponse response = application.exchange(head, request.body(), 0, request.body().length,
                    RequestTranslator.isIdempotent(request), RequestTranslator.isHead(request),
                    MAX_RESPONSE_BYTES, deadline);
            byte[] answer = responses.translate(response);
            if (answer.length > MAX_RESPONSE_BYTES) {
                return badGateway(request, invocation, "the response is " + answer.length
                        + " bytes once encoded for API Gateway, over Lambda's limit of " + MAX_RESPONSE_BYTES);
            }
            return answer;
        } catch (SocketTimeoutException e) {
            return gatewayTimeout(request, invocation);
        } catch (ResponseTooLargeException e) {
            return badGateway(request, invocation, "the response body exceeds Lambda's limit of "
                    + MAX_RESPONSE_BYTES + " bytes");
        } catch (IOException e) {
            if (!application.listening()) {
                // 502 forever is no use: a new container starts the application again
                retirement.request("the application no longer listens on port " + application.port());
                throw new ApplicationGoneException("The application no longer accepts connections on 127.0.0.1:"
                        + application.port() + " (" + e + "): " + describe(request, invocation)
                        + " failed, and this container ends after this answer so that Lambda starts a new one", e);
            }
            return badGateway(request, invocation, "the application on port " + application.port() + " failed: " + e);
        }
    }

    private byte[] gatewayTimeout(ApiGatewayRequest request, Invocation invocation) {
        Log.error("504 for " + describe(request, invocation) + ": the application did not answer before the"
                + " invocation's deadline (" + DEADLINE_MARGIN_MILLIS + " ms kept to answer)");
        return responses.error(504, "Gateway Timeout");
    }

    private byte[] badGateway(ApiGatewayRequest request, Invocation invocation, String why) {
        Log.error("502 for " + describe(request, invocation) + ": " + why);
        return responses.error(502, "Bad Gateway");
    }

    private static String describe(ApiGatewayRequest request, Invocation invocation) {
        return request.method() + " " + request.rawPath() + " (request " + invocation.requestId() + ")";
    }
}
