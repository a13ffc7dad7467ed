package dev.hover.plugin.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {
    @Test
    void buildIdsSortByTimeAndDifferWithinASecond() {
        Random random = new Random(7);
        String earlier = BuildId.next(Instant.parse("2026-11-26T17:45:00Z"), random);
        String same = BuildId.next(Instant.parse("2026-11-26T17:45:00Z"), random);
        String later = BuildId.next(Instant.parse("2026-11-26T17:45:01Z"), random);

        assertThat(earlier).matches("20261126T174500Z-[0-9a-f]{6}").isNotEqualTo(same);
        assertThat(later).isGreaterThan(earlier).isGreaterThan(same);
    }

    @Test
    void knowsWhereJavaIsInTheCommonBaseImages() {
        assertThat(JavaExecutable.forBaseImage("public.ecr.aws/lambda/java:21", Optional.empty()))
                .isEqualTo("/var/lang/bin/java");
        assertThat(JavaExecutable.forBaseImage("public.ecr.aws/lambda/java@sha256:" + "0".repeat(64), Optional.empty()))
                .isEqualTo("/var/lang/bin/java");
        assertThat(JavaExecutable.forBaseImage("eclipse-temurin:21-jre", Optional.empty()))
                .isEqualTo("/opt/java/openjdk/bin/java");
        assertThat(JavaExecutable.forBaseImage("amazoncorretto:21-al2023-headless", Optional.empty()))
                .isEqualTo("/usr/bin/java");
        assertThat(JavaExecutable.forBaseImage("registry.example.com:5000/jre:21", Optional.empty()))
                .isEqualTo(JavaExecutable.ON_PATH);
        assertThat(JavaExecutable.forBaseImage("public.ecr.aws/lambda/java:21", Optional.of("/opt/jdk/bin/java")))
                .isEqualTo("/opt/jdk/bin/java");
    }

    @Test
    void tagsAnUntaggedRegistryImageWithTheBuildId() {
        assertThat(ImageTarget.taggedIfUntagged("127.0.0.1:5000/shop", "b1")).isEqualTo("127.0.0.1:5000/shop:b1");
        assertThat(ImageTarget.taggedIfUntagged("127.0.0.1:5000/shop:v2", "b1")).isEqualTo("127.0.0.1:5000/shop:v2");
        assertThat(ImageTarget.taggedIfUntagged("shop@sha256:" + "0".repeat(64), "b1")).doesNotContain("b1");
    }

    @Test
    void resolvesARelativeTarBaseImageAgainstTheProject() {
        Path project = Path.of("/work/shop");
        assertThat(ImageBuildService.baseImage("tar://target/base.tar", project)).isEqualTo("tar:///work/shop/target/base.tar");
        assertThat(ImageBuildService.baseImage("tar:///opt/base.tar", project)).isEqualTo("tar:///opt/base.tar");
        assertThat(ImageBuildService.baseImage("public.ecr.aws/lambda/java:21", project))
                .isEqualTo("public.ecr.aws/lambda/java:21");
    }

    @Test
    void hasNoCommitOutsideAGitRepository(@TempDir Path dir) {
        assertThat(GitCommit.of(dir)).isEmpty();
    }
}
