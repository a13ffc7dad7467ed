package dev.hover.model.validation;

/**
 * One thing wrong with a manifest, where it is and what it is.
 *
 * @param file    the file as the user should see it, e.g. {@code .hover/staging.yml}
 * @param line    1-based
 * @param column  1-based
 * @param keyPath the key it concerns, dotted, with list indexes: {@code queue.default.timeout},
 *                {@code schedule[1].cron}; empty when it concerns the file as a whole
 * @param message what is wrong, and when it can tell, what would be right
 */
public record Problem(String file, int line, int column, String keyPath, String message) {

    /** {@code file:line:column: key.path: message}, the shape editors and CI logs link to. */
    @Override
    public String toString() {
        String location = file + ":" + line + ":" + column + ": ";
        return keyPath.isEmpty() ? location + message : location + keyPath + ": " + message;
    }
}
