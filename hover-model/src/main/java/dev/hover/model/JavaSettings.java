package dev.hover.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code java}: how the image is built and the JVM started.
 *
 * @param baseImage    the image the layers go on ({@code java.base-image}); it must provide a JVM
 * @param architecture {@code java.architecture}
 * @param jvmOptions   the manifest's options for the JVM of each container ({@code java.jvm-options}),
 *                     added after Hover's {@link #DEFAULT_JVM_OPTIONS}: the JVM takes the last of
 *                     two options that contradict, so a default is changed by naming it again
 * @param mainClass    the application's main class ({@code java.main-class}); when absent the
 *                     build takes it from the project (its jar manifest or the only main class)
 * @param repository   an image repository to push to instead of the stage's ECR repository
 *                     ({@code java.repository}), e.g. a shared artifacts account
 */
public record JavaSettings(
        String baseImage,
        Architecture architecture,
        List<String> jvmOptions,
        Optional<String> mainClass,
        Optional<String> repository) {

    public static final String DEFAULT_BASE_IMAGE = "public.ecr.aws/lambda/java:21";
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public static final Architecture DEFAULT_ARCHITECTURE = Architecture.X86_64;

    public JavaSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The settings of a manifest that has no {@code java} section. */
    public static JavaSettings defaults() {
        return new JavaSettings(DEFAULT_BASE_IMAGE, DEFAULT_ARCHITECTURE, List.of(), Optional.empty(),
                Optional.empty());
    }
}
