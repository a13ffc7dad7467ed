package dev.hover.runtime.http;

import dev.hover.runtime.net.Header;

import java.util.List;

/**
 * The parts of an API Gateway HTTP API event (payload format 2.0) that make the HTTP request.
 *
 * @param method         {@code requestContext.http.method}
 * @param rawPath        {@code rawPath}, as the client sent it
 * @param rawQueryString {@code rawQueryString}, without {@code ?}; empty when there is none
 * @param headers        {@code headers}: API Gateway lower-cases names and joins repeated values with commas
 * @param cookies        {@code cookies}: the {@code Cookie} header, split by API Gateway
 * @param body           the body, base64-decoded when {@code isBase64Encoded}
 * @param sourceIp       {@code requestContext.http.sourceIp}, or null
 * @param domainName     {@code requestContext.domainName}, or null
 */
public record ApiGatewayRequest(
        String method,
        String rawPath,
        String rawQueryString,
        List<Header> headers,
        List<String> cookies,
        byte[] body,
        String sourceIp,
        String domainName) {

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
