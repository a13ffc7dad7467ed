package dev.hover.plugin.image;

import java.util.List;
import java.util.Optional;

/**
 * Where {@code java} is in a base image. An entry point in exec form names the executable, and
 * images keep their JVM in different places; the known families are derived from the image's
 * name, anything else runs {@code java} through the image's {@code PATH} unless configured.
 */
public final class JavaExecutable {
    /** What the entry point runs when the base image is not one Hover knows. */
    public static final String ON_PATH = "java";

    private record Family(List<String> repositoryPrefixes, String java) {
    }

    private static final List<Family> KNOWN = List.of(
            // AWS's Lambda base images install their runtimes under /var/lang
            new Family(List.of("public.ecr.aws/lambda/java", "amazon/aws-lambda-java"), "/var/lang/bin/java"),
            new Family(List.of("eclipse-temurin", "docker.io/library/eclipse-temurin", "library/eclipse-temurin"),
                    "/opt/java/openjdk/bin/java"),
            // Corretto's images register java with alternatives
            new Family(List.of("amazoncorretto", "docker.io/library/amazoncorretto", "library/amazoncorretto",
                    "public.ecr.aws/amazoncorretto/amazoncorretto"), "/usr/bin/java"));

    private JavaExecutable() {
    }

    /** @param configured {@code hover.javaExecutable}, which wins when given */
    public static String forBaseImage(String baseImage, Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String repository = repositoryOf(baseImage);
        for (Family family : KNOWN) {
            if (family.repositoryPrefixes().stream().anyMatch(repository::equals)) {
                return family.java();
            }
        }
        return ON_PATH;
    }

    /** {@code public.ecr.aws/lambda/java:21} → {@code public.ecr.aws/lambda/java}. */
    private static String repositoryOf(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
