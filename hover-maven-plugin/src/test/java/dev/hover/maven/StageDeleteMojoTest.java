package dev.hover.maven;

import dev.hover.plugin.rollback.MotoReleases;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:stage-delete} as Maven runs it (no terminal under the tests), against moto. */
class StageDeleteMojoTest extends ReleasedStageMojoTest {
    @BeforeEach
    void aDeployedStage() {
        stage.deploy(B1, HTTP);
    }

    private static boolean bucketExists() {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(MotoReleases.BUCKET));
        }
    }

    @Test
    @InjectMojo(goal = "stage-delete", pom = ParameterWiringTest.PLAIN)
    void withoutATerminalOrConfirmationTheBuildFailsAndNothingGoes(StageDeleteMojo mojo) {
        assertThatThrownBy(() -> configured(mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover:stage-delete deletes stage staging for good and there is no terminal to confirm it at: "
                        + "add -Dhover.confirm=staging. Nothing was deleted.");
        assertThat(bucketExists()).isTrue();
    }

    @Test
    @InjectMojo(goal = "stage-delete", pom = ParameterWiringTest.PLAIN)
    void theConfirmPropertyDeletesTheStage(StageDeleteMojo mojo) throws Exception {
        configured(mojo, "hover.confirm", "staging").execute();

        assertThat(bucketExists()).isFalse();
        assertThat(project.resolve(".hover/staging.yml")).exists();
    }
}
