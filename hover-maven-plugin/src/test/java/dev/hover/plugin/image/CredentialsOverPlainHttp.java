package dev.hover.plugin.image;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test registries speak plain HTTP, and Jib sends credentials over it only when the system
 * property {@code sendCredentialsOverHttp} says so: set for each test, restored after it.
 */
final class CredentialsOverPlainHttp implements BeforeEachCallback, AfterEachCallback {
    private static final String PROPERTY = "sendCredentialsOverHttp";
    private String previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        previous = System.setProperty(PROPERTY, "true");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
    }
}
