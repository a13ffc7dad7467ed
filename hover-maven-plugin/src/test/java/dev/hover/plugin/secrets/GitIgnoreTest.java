package dev.hover.plugin.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GitIgnoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileWithThePattern() throws Exception {
        Path file = dir.resolve(".hover/.gitignore");

        assertThat(new GitIgnore(file).ensure("*-secrets.plain.env", "why")).isTrue();
        assertThat(Files.readString(file)).isEqualTo("# why\n*-secrets.plain.env\n");
    }

    @Test
    void appendsAfterTheUsersLinesKeepingThem() throws Exception {
        Path file = dir.resolve(".gitignore");
        Files.writeString(file, "build/\n*.log");

        new GitIgnore(file).ensure("*-secrets.plain.env", "why");

        assertThat(Files.readString(file)).isEqualTo("build/\n*.log\n# why\n*-secrets.plain.env\n");
    }

    @Test
    void writesEachCommentLineAsAComment() throws Exception {
        Path file = dir.resolve(".gitignore");

        new GitIgnore(file).ensure("x", "first\nsecond");

        assertThat(Files.readString(file)).isEqualTo("# first\n# second\nx\n");
    }

    @Test
    void ignoresPlainSecretsFilesOfTheHoverDirectory() throws Exception {
        assertThat(GitIgnore.ensurePlainSecretsIgnored(dir.resolve(".hover"))).isTrue();
        assertThat(GitIgnore.ensurePlainSecretsIgnored(dir.resolve(".hover"))).isFalse();
        assertThat(Files.readAllLines(dir.resolve(".hover/.gitignore"))).containsOnlyOnce("*-secrets.plain.env");
    }

    @Test
    void leavesAFileThatAlreadyListsThePattern() throws Exception {
        Path file = dir.resolve(".gitignore");
        Files.writeString(file, "  *-secrets.plain.env  \n");

        assertThat(new GitIgnore(file).ensure("*-secrets.plain.env", "why")).isFalse();
        assertThat(Files.readString(file)).isEqualTo("  *-secrets.plain.env  \n");
    }
}
