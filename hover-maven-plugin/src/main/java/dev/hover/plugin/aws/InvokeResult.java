package dev.hover.plugin.aws;

import java.util.Optional;

/**
 * What a synchronous invocation returned.
 *
 * @param functionError set when the function failed ({@code Unhandled}, {@code Handled}); the
 *                      payload then holds the error document
 */
public record InvokeResult(int statusCode, Optional<String> functionError, String payload) {
}
