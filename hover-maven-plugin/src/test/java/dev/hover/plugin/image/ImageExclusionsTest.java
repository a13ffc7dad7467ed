package dev.hover.plugin.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageExclusionsTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void leavesOutWhatSpringBootsRepackagingLeavesOut() throws Exception {
        Dependency web = jar("org.springframework", "spring-web", "");
        Dependency devtools = jar("org.springframework.boot", "spring-boot-devtools", "");
        Dependency dockerCompose = jar("org.springframework.boot", "spring-boot-docker-compose", "");
        Dependency processor = jar("org.springframework.boot", "spring-boot-configuration-processor", "annotation-processor");
        Dependency starter = jar("org.springframework.boot", "spring-boot-starter-web", "dependencies-starter");
        Dependency tool = jar("org.springframework.boot", "spring-boot-testcontainers", "development-tool");
        Dependency lombok = jar("org.projectlombok", "lombok", "");
        Dependency system = jar("com.vendor", "driver", "");

        List<Dependency> kept = ImageExclusions.of(List.of(), ImageExclusions.SpringBootExcludes.NONE, log).select(List.of(
                plain(web), plain(devtools), plain(dockerCompose), plain(processor), plain(starter), plain(tool),
                new ImageExclusions.Candidate(lombok, true, false), new ImageExclusions.Candidate(system, false, true)));

        assertThat(kept).containsExactly(web);
        assertThat(log.info).containsExactly(
                "Left out of the image: org.springframework.boot:spring-boot-devtools 1.0"
                        + " (a development tool, which Spring Boot's repackaging leaves out too)",
                "Left out of the image: org.springframework.boot:spring-boot-docker-compose 1.0"
                        + " (a development tool, which Spring Boot's repackaging leaves out too)",
                "Left out of the image: org.springframework.boot:spring-boot-configuration-processor 1.0"
                        + " (an annotation processor, used by the compiler only)",
                "Left out of the image: org.springframework.boot:spring-boot-testcontainers 1.0"
                        + " (a development tool, by its manifest's Spring-Boot-Jar-Type)",
                "Left out of the image: org.projectlombok:lombok 1.0 (declared optional, which Spring Boot's"
                        + " repackaging leaves out too; declare it without <optional> to have it in the image)",
                "Left out of the image: com.vendor:driver 1.0 (system scope)");
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void leavesOutWhatTheProjectListsAndWarnsAboutANameThatIsNotThere() throws Exception {
        Dependency web = jar("org.springframework", "spring-web", "");
        Dependency h2 = jar("com.h2database", "h2", "");

        List<Dependency> kept = ImageExclusions.of(List.of(" com.h2database:h2", "org.example:typo "), ImageExclusions.SpringBootExcludes.NONE, log)
                .select(List.of(plain(web), plain(h2)));

        assertThat(kept).containsExactly(web);
        assertThat(log.info).containsExactly("Left out of the image: com.h2database:h2 1.0 (listed in hover.excludes)");
        assertThat(log.warnings).containsExactly("hover.excludes names org.example:typo, which is not on the project's"
                + " runtime class path; perhaps you should check its spelling");
    }

    @Test
    void leavesOutWhatTheSpringBootPluginsConfigurationExcludes() throws Exception {
        Dependency web = jar("org.springframework", "spring-web", "");
        Dependency yaml = jar("org.yaml", "snakeyaml", "");
        Dependency toolOne = jar("com.example.tools", "one", "");
        Dependency toolTwo = jar("com.example.tools", "two", "");

        List<Dependency> kept = ImageExclusions.of(List.of(),
                new ImageExclusions.SpringBootExcludes(Set.of("org.yaml:snakeyaml"), Set.of("com.example.tools")), log)
                .select(List.of(plain(web), plain(yaml), plain(toolOne), plain(toolTwo)));

        assertThat(kept).containsExactly(web);
        assertThat(log.info).containsExactly(
                "Left out of the image: org.yaml:snakeyaml 1.0 (excluded in the Spring Boot plugin's configuration)",
                "Left out of the image: com.example.tools:one 1.0 (excluded in the Spring Boot plugin's configuration)",
                "Left out of the image: com.example.tools:two 1.0 (excluded in the Spring Boot plugin's configuration)");
    }

    @Test
    void refusesAnEntryThatIsNotGroupAndArtifact() {
        for (String entry : List.of("h2", "com.h2database:h2:2.3.232", ":h2", "com.h2database:", "com h2:h2")) {
            assertThatThrownBy(() -> ImageExclusions.of(List.of(entry), ImageExclusions.SpringBootExcludes.NONE, log))
                    .isInstanceOf(ImageBuildException.class)
                    .hasMessage("hover.excludes has '" + entry + "', which is not groupId:artifactId;"
                            + " perhaps you should write it as org.example:some-library (several: separated by commas)");
        }
    }

    private static ImageExclusions.Candidate plain(Dependency dependency) {
        return new ImageExclusions.Candidate(dependency, false, false);
    }

    /** A jar whose manifest declares the given Spring-Boot-Jar-Type (none when empty). */
    private Dependency jar(String groupId, String artifactId, String jarType) throws Exception {
        Path file = dir.resolve(artifactId + "-1.0.jar");
        String manifest = "Manifest-Version: 1.0\r\n" + (jarType.isEmpty() ? "" : "Spring-Boot-Jar-Type: " + jarType + "\r\n") + "\r\n";
        SampleProject.writeJar(file, Map.of("META-INF/MANIFEST.MF", manifest, "x.txt", artifactId));
        return new Dependency(groupId, artifactId, "1.0", false, file);
    }
}
