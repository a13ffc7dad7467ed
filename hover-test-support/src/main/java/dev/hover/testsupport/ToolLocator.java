package dev.hover.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the programs that {@code scripts/local-aws install} puts under {@code <repo>/.local-aws/},
 * falling back to the PATH.
 */
final class ToolLocator {

    static final String INSTALL_HINT = "run scripts/local-aws install";
    static final String LOCAL_AWS_HOME_ENV = "HOVER_LOCAL_AWS_HOME";

    private final Optional<Path> localAwsHome;

    private ToolLocator(Optional<Path> localAwsHome) {
        this.localAwsHome = localAwsHome;
    }

    static ToolLocator fromEnvironment() {
        String override = System.getenv(LOCAL_AWS_HOME_ENV);
        if (override != null && !override.isBlank()) {
            return new ToolLocator(Optional.of(Path.of(override).toAbsolutePath()));
        }
        return new ToolLocator(findRepositoryRoot(Path.of(System.getProperty("user.dir")))
                .map(root -> root.resolve(".local-aws")));
    }

    /** The nearest directory at or above {@code start} holding {@code .local-aws} or the hover-parent pom. */
    static Optional<Path> findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".local-aws")) || isHoverParentPom(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isHoverParentPom(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String text = Files.readString(pom);
            // module poms name hover-parent too, but inside their <parent> element
            return text.contains("<artifactId>hover-parent</artifactId>") && !text.contains("<parent>");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code .local-aws/<relativePath>} if it is there. */
    Optional<Path> local(String relativePath) {
        return localAwsHome.map(home -> home.resolve(relativePath)).filter(Files::isExecutable);
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** {@code .local-aws/<relativePath>}, else {@code name} on the PATH, else a failure saying how to install it. */
    Path require(String relativePath, String name) {
        return local(relativePath).or(() -> onPath(name)).orElseThrow(() -> missing(name, ""));
    }

    IllegalStateException missing(String name, String detail) {
        return new IllegalStateException(name + " not found in " + describeHome() + " nor on the PATH"
                + detail + ": " + INSTALL_HINT);
    }

    String describeHome() {
        return localAwsHome.map(Path::toString)
                .orElse("<repo>/.local-aws (no repository root found above " + System.getProperty("user.dir")
                        + "; set " + LOCAL_AWS_HOME_ENV + ")");
    }
}
