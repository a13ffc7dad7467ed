package dev.hover.template;

/**
 * Logical ids derived from the manifest's names. An id depends only on the name it comes from, so
 * renaming a queue or a queue function gives a new id: CloudFormation then creates the new resource
 * and deletes the old one, which is what a rename means.
 */
final class LogicalIds {
    private LogicalIds() {
    }

    /** {@code mail-out} and {@code mail_out} become {@code MailOut}: letters and digits only, as CloudFormation requires. */
    static String pascalCase(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has no letter or digit to make a logical id from");
        }
        return id.toString();
    }
}
