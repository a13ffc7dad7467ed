package dev.hover.plugin.deploy;

import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.ImageBuildService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BuildFreshnessTest {
    @TempDir
    Path dir;

    private Path manifest;
    private Path secrets;
    private BuildDescriptor build;

    @BeforeEach
    void aBuildOfTheCurrentProject() throws Exception {
        manifest = dir.resolve(".hover/dev.yml");
        SampleStage.write(manifest, "name: shop-dev\nregion: us-east-1\n");
        secrets = dir.resolve(".hover/dev-secrets.env");
        BuildDescriptor sample = SampleStage.build(dir, "b1", "base:1");
        // recorded after the files were written, with this manifest's hash
        build = new BuildDescriptor(sample.format(), sample.buildId(), sample.stage(), Instant.now().plusSeconds(1).toString(),
                ImageBuildService.sha256(manifest), sample.image(), sample.output(), sample.assets());
        for (Path file : new Path[] {manifest, dir.resolve("classes/demo/App.class")}) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
    }

    @Test
    void aBuildOfTheSameFilesIsFresh() {
        assertThat(BuildFreshness.staleness(build, manifest, secrets)).isEmpty();
    }

    @Test
    void aChangedManifestMakesItStale() {
        SampleStage.write(manifest, "name: shop-dev\nregion: eu-west-1\n");

        assertThat(BuildFreshness.staleness(build, manifest, secrets)).contains("dev.yml changed since build b1");
    }

    @Test
    void aClassCompiledSinceMakesItStale() throws Exception {
        Path compiled = dir.resolve("classes/demo/App.class");
        Files.setLastModifiedTime(compiled, FileTime.from(Instant.now().plusSeconds(30)));

        assertThat(BuildFreshness.staleness(build, manifest, secrets)).contains(compiled + " changed since build b1");
    }

    @Test
    void secretsEncryptedSinceMakeItStale() throws Exception {
        SampleStage.write(secrets, "encrypted");
        Files.setLastModifiedTime(secrets, FileTime.from(Instant.now().plusSeconds(30)));

        assertThat(BuildFreshness.staleness(build, manifest, secrets)).contains("dev-secrets.env changed since build b1");
    }

    @Test
    void aFileGoneMakesItStale() throws Exception {
        Files.delete(dir.resolve("classes/demo/App.class"));

        assertThat(BuildFreshness.staleness(build, manifest, secrets)).hasValueSatisfying(why -> assertThat(why).contains("is gone"));
    }
}
