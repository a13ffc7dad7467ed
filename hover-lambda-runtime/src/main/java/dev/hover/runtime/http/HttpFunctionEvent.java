package dev.hover.runtime.http;

/**
 * An event the http function receives: a request from API Gateway, or one of the warmer's.
 *
 * @param kind               which of them
 * @param warmerConcurrency  for {@link Kind#WARMER}: how many containers to keep warm
 * @param request            for {@link Kind#REQUEST}: the request
 */
public record HttpFunctionEvent(Kind kind, int warmerConcurrency, ApiGatewayRequest request) {

    public enum Kind {
        REQUEST,
        /** {@code {"warmer": true, "concurrency": N}} from the schedule or a deploy */
        WARMER,
        /** {@code {"warmerPing": true}}: one of a warmer's fan-out */
        WARMER_PING
    }
}
