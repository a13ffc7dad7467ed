package dev.hover.maven;

import dev.hover.testsupport.LocalAws;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hover.maven.MojoProjects.in;
import static dev.hover.maven.MojoProjects.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hover:iam-policy} as Maven runs it: the stage's documents written, the account given or the caller's. */
@MojoTest
class IamPolicyMojoTest {
    @Inject
    MavenSession session;

    @TempDir
    Path project;

    @Test
    @InjectMojo(goal = "iam-policy", pom = ParameterWiringTest.PLAIN)
    void writesTheStagesDocumentsForTheAccountGiven(IamPolicyMojo mojo) throws Exception {
        stage(project, "qa");
        session.getUserProperties().setProperty("hover.stage", "qa");
        session.getUserProperties().setProperty("hover.account", "111122223333");

        in(project, mojo).execute();

        Path iam = project.resolve("target/hover/qa/iam");
        assertThat(iam).isDirectoryContaining("glob:**/deployer.json").isDirectoryContaining("glob:**/stack-role.json")
                .isDirectoryContaining("glob:**/lambda-role.json");
        assertThat(Files.readString(iam.resolve("deployer.json"))).contains(
                "\"arn:aws:cloudformation:eu-west-1:111122223333:stack/shop-qa/*\"",
                "\"arn:aws:s3:::shop-qa-assets/*\"");
    }

    @Test
    @InjectMojo(goal = "iam-policy", pom = ParameterWiringTest.PLAIN)
    void withoutAnAccountItIsTheCallers(IamPolicyMojo mojo) throws Exception {
        LocalAws.moto().applyToSystemProperties();
        stage(project, "qa");
        session.getUserProperties().setProperty("hover.stage", "qa");

        in(project, mojo).execute();

        String deployer = Files.readString(project.resolve("target/hover/qa/iam/deployer.json"));
        // moto's account
        assertThat(deployer).contains("arn:aws:lambda:eu-west-1:123456789012:function:shop-qa-*").doesNotContain("${");
    }
}
