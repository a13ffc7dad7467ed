package dev.hover.plugin.image;

import dev.hover.model.packaged.PackagedManifest;

/**
 * Where things go in the image; the runtime relies on these paths (docs/architecture.md, "The
 * image layout").
 */
public final class ImageLayout {
    /** Lambda's {@code LAMBDA_TASK_ROOT}, also the working directory. */
    public static final String TASK_ROOT = "/var/task";
    public static final String LIB = TASK_ROOT + "/lib";
    public static final String RUNTIME = TASK_ROOT + "/hover/runtime";
    public static final String RESOURCES = TASK_ROOT + "/app/resources";
    public static final String CLASSES = TASK_ROOT + "/app/classes";
    /** A Quarkus fast-jar directory, as its build made it (instead of the resources, classes and lib). */
    public static final String QUARKUS_APP = TASK_ROOT + "/quarkus-app";
    public static final String HOVER = TASK_ROOT + "/hover";
    public static final String PACKAGED_MANIFEST = HOVER + "/" + PackagedManifest.FILE_NAME;
    public static final String SECRETS = HOVER + "/secrets.env";
    /** The JVM's class-data archive of the application's cold start, when the build could train one (Java 17–23). */
    public static final String CLASS_DATA_ARCHIVE = HOVER + "/app.jsa";
    /** The same as an AOT cache (JEP 483), on a base image with Java 24 or later. */
    public static final String AOT_CACHE = HOVER + "/app.aot";

    private ImageLayout() {
    }
}
