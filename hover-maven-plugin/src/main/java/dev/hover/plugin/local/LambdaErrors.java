package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Lambda's error document, {@code {"errorType": …, "errorMessage": …}}, for errors Lambda itself reports. */
final class LambdaErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaErrors() {
    }

    static String document(String errorType, String errorMessage) {
        return JSON.createObjectNode().put("errorType", errorType).put("errorMessage", errorMessage).toString();
    }
}
