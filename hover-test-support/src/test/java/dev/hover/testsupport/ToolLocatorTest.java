package dev.hover.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ToolLocatorTest {

    @TempDir
    Path repo;

    @Test
    void findsTheRootByTheParentPomNotByAModulePom() throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>hover-parent</artifactId></project>");
        Path module = Files.createDirectories(repo.resolve("hover-model/src"));
        Files.writeString(repo.resolve("hover-model/pom.xml"),
                "<project><parent><artifactId>hover-parent</artifactId></parent><artifactId>hover-model</artifactId></project>");

        assertThat(ToolLocator.findRepositoryRoot(module)).contains(repo);
    }

    @Test
    void findsTheRootByItsLocalAwsDirectory() throws Exception {
        Files.createDirectories(repo.resolve(".local-aws"));
        Path deep = Files.createDirectories(repo.resolve("samples/hello"));

        assertThat(ToolLocator.findRepositoryRoot(deep)).contains(repo);
    }
}
