package dev.hover.plugin.image.archive;

import dev.hover.model.Architecture;
import dev.hover.plugin.image.LayerPlan;
import dev.hover.plugin.image.archive.ClassDataArchive.Training;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's key (the base image by digest: a tag that moved to another image trains anew) and
 * the JVM options around an AOT cache, which the JVM refuses to start beside any {@code -Xshare}.
 */
class ArchiveKeyAndOptionsTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final List<String> CLASSPATH = List.of("hover/runtime/hover-lambda-runtime.jar", "app/classes.jar");
    private static final List<String> OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    @Test
    void theKeyChangesWithTheBaseImagesDigestAndOnlyWithWhatTheArchiveIsMadeOf() {
        Training training = training("public.ecr.aws/lambda/java:25");
        String key = ClassDataArchive.key(training, DIGEST, CLASSPATH, OPTIONS);

        assertThat(ClassDataArchive.key(training, DIGEST, CLASSPATH, OPTIONS)).isEqualTo(key);
        // the same tag on another image
        assertThat(ClassDataArchive.key(training, "sha256:" + "b".repeat(64), CLASSPATH, OPTIONS)).isNotEqualTo(key);
        // another reference to the same image: the same JVM, the same archive
        assertThat(ClassDataArchive.key(training("public.ecr.aws/lambda/java@" + DIGEST), DIGEST, CLASSPATH, OPTIONS))
                .isEqualTo(key);
        assertThat(ClassDataArchive.key(training, DIGEST, CLASSPATH, List.of("-XX:TieredStopAtLevel=4"))).isNotEqualTo(key);
        assertThat(ClassDataArchive.key(training, DIGEST, List.of("app/classes.jar"), OPTIONS)).isNotEqualTo(key);
        // hover.classDataArchive=appcds: another kind of archive of the same inputs
        assertThat(ClassDataArchive.key(training(ArchiveChoice.APPCDS, "public.ecr.aws/lambda/java:25"), DIGEST,
                CLASSPATH, OPTIONS)).isNotEqualTo(key);
        assertThat(ArchiveChoice.parse(" AppCDS ")).contains(ArchiveChoice.APPCDS);
        assertThat(ArchiveChoice.parse("true")).contains(ArchiveChoice.BEST);
        assertThat(ArchiveChoice.parse("false")).contains(ArchiveChoice.NONE);
        assertThat(ArchiveChoice.parse("aot")).isEmpty();
    }

    @Test
    void anAotCacheTakesHoversDefaultsWithoutXshareAndRefusesTheOptionsTheJvmRefusesBesideIt() {
        LayerPlan withCache = new LayerPlan(List.of(), CLASSPATH, List.of(ArchiveKind.AOT_CACHE.option()));
        LayerPlan withArchive = new LayerPlan(List.of(), CLASSPATH, List.of(ArchiveKind.DYNAMIC_APP_CDS.option()));

        assertThat(ArchiveKind.forJava(24)).isEqualTo(ArchiveKind.AOT_CACHE);
        assertThat(ArchiveKind.forJava(21)).isEqualTo(ArchiveKind.DYNAMIC_APP_CDS);
        assertThat(ClassDataArchive.defaultJvmOptions(withCache)).containsExactly("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        assertThat(ClassDataArchive.defaultJvmOptions(withArchive)).isEqualTo(OPTIONS);
        assertThat(ArchiveKind.AOT_CACHE.conflicting(List.of("-Xmx512m", "-Xshare:off"))).contains("-Xshare:off");
        assertThat(ArchiveKind.AOT_CACHE.conflicting(List.of("-XX:SharedArchiveFile=/tmp/app.jsa"))).isPresent();
        assertThat(ArchiveKind.AOT_CACHE.conflicting(List.of("-Xmx512m", "-XX:+UseSerialGC"))).isEmpty();
        assertThat(ArchiveKind.DYNAMIC_APP_CDS.conflicting(List.of("-Xshare:off"))).isEmpty();
        assertThat(ClassDataArchive.namesArchive("-XX:AOTCache=/var/task/hover/app.aot")).isTrue();
        assertThat(ClassDataArchive.namesArchive("-XX:SharedArchiveFile=/var/task/hover/app.jsa")).isTrue();
        assertThat(ClassDataArchive.namesArchive("-XX:AOTCache=/elsewhere.aot")).isFalse();
    }

    private static Training training(String baseImage) {
        return training(ArchiveChoice.BEST, baseImage);
    }

    private static Training training(ArchiveChoice choice, String baseImage) {
        return new Training(choice, baseImage, Architecture.X86_64, "/var/lang/bin/java", plan -> OPTIONS, Map.of(), 120,
                "inputs-fingerprint", Path.of("scratch"), Path.of("roots"), Path.of("store"));
    }
}
