package dev.hover.maven;

import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The CI examples of docs/ci.md: the GitHub Actions workflow passes actionlint, and the docs show the files as they are. */
class CiExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "ci");
    private static final Path WORKFLOW = EXAMPLES.resolve("github/workflows/deploy.yml");
    private static final Path JENKINSFILE = EXAMPLES.resolve("jenkins/Jenkinsfile");

    @TempDir
    Path dir;

    /** The result of one actionlint run. */
    private record Lint(int exitCode, String output) {
    }

    @Test
    void theWorkflowPassesActionlint() throws Exception {
        Lint lint = actionlint(WORKFLOW);

        assertThat(lint.output()).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void actionlintRefusesTheWorkflowWithAMistake() throws Exception {
        Path broken = dir.resolve("deploy.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("needs: [test, stage]", "needs: [test, stages]"));

        Lint lint = actionlint(broken);

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("stages");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeployJobUsesOidcTheMavenCacheAndTheJsonOutput() throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
        Map<String, Object> deploy = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("deploy");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) deploy.get("steps");

        assertThat((Map<String, Object>) deploy.get("permissions")).containsEntry("id-token", "write");
        assertThat(steps).extracting(step -> String.valueOf(step.get("uses"))).contains(
                "actions/checkout@v4", "actions/setup-java@v4", "aws-actions/configure-aws-credentials@v4");
        assertThat(steps).filteredOn(step -> "actions/setup-java@v4".equals(step.get("uses")))
                .allSatisfy(step -> assertThat((Map<String, Object>) step.get("with")).containsEntry("cache", "maven"));
        assertThat(steps).extracting(step -> String.valueOf(step.get("run")))
                .anySatisfy(run -> assertThat(run).contains("mvn -B", "-Dhover.output=json", "-Dhover.stage=\"$HOVER_STAGE\""))
                .anySatisfy(run -> assertThat(run).contains("jq -r .outcome", ".result.url", ".error.kind", ".error.message"));
    }

    @Test
    void theJenkinsfileDeploysInBatchModeWithBoundCredentials() throws Exception {
        String jenkinsfile = Files.readString(JENKINSFILE);

        assertThat(jenkinsfile).contains("pipeline {", "withCredentials([aws(", "-Dhover.output=json");
        assertThat(jenkinsfile.lines().filter(line -> line.contains("mvn "))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("mvn -B"));
    }

    @Test
    void docsCiShowsTheExampleFilesAsTheyAre() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "ci.md"));

        assertThat(docs).contains(Files.readString(WORKFLOW), Files.readString(JENKINSFILE));
    }

    /** Runs actionlint; skipped where it is not installed, except in CI, which installs it. */
    private Lint actionlint(Path workflow) throws IOException, InterruptedException {
        Path actionlint = LocalAws.actionlint().orElse(null);
        if (actionlint == null) {
            String missing = "actionlint is not installed (scripts/local-aws install builds it with go install)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + ", and CI must run this check");
            }
            Assumptions.abort(missing + ": the workflow is not linted here");
        }
        Process process = new ProcessBuilder(actionlint.toString(), "-no-color", workflow.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("actionlint did not finish within 2 minutes: " + output);
        }
        return new Lint(process.exitValue(), output);
    }
}
