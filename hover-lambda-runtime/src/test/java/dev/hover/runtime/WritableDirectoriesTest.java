package dev.hover.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WritableDirectoriesTest {
    private String tmpdir;
    private String home;

    @TempDir
    Path scratch;

    @BeforeEach
    void remember() {
        tmpdir = System.getProperty("java.io.tmpdir");
        home = System.getProperty("user.home");
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", tmpdir);
        System.setProperty("user.home", home);
    }

    @Test
    void aHomeThatDoesNotExistMovesUnderTheTemporaryDirectory() throws InitException {
        Path tmp = scratch.resolve("tmp");
        System.setProperty("java.io.tmpdir", tmp.toString());
        System.setProperty("user.home", "/home/sbx_user1051");

        String described = WritableDirectories.prepare();

        assertThat(System.getProperty("user.home")).isEqualTo(tmp.resolve("home").toString());
        assertThat(tmp.resolve("home")).isDirectory();
        assertThat(described).isEqualTo("java.io.tmpdir=" + tmp + ", user.home=" + tmp.resolve("home")
                + " (/home/sbx_user1051 is not writable)");
    }

    @Test
    void aWritableHomeStays() throws Exception {
        Path writableHome = Files.createDirectory(scratch.resolve("me"));
        System.setProperty("java.io.tmpdir", scratch.toString());
        System.setProperty("user.home", writableHome.toString());

        WritableDirectories.prepare();

        assertThat(System.getProperty("user.home")).isEqualTo(writableHome.toString());
    }
}
