package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hover.maven.MojoProjects.in;
import static dev.hover.maven.MojoProjects.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

/**
 * The goals' parameters as Maven wires them (maven-plugin-testing-harness: each goal is configured
 * from a test pom and the session's properties): {@code -D} beats the pom, skip, the modules a goal
 * acts on, and the refusal of unknown and empty {@code hover.*} properties.
 */
@MojoTest
class ParameterWiringTest {
    static final String CONFIGURED = "src/test/resources/mojo/configured/pom.xml";
    static final String PLAIN = "src/test/resources/mojo/plain/pom.xml";

    @Inject
    MavenSession session;

    @TempDir
    Path project;

    private void property(String name, String value) {
        session.getUserProperties().setProperty(name, value);
    }

    private Path template(String stage) {
        return project.resolve("target/hover").resolve(stage).resolve("template.json");
    }

    @Test
    @InjectMojo(goal = "synth", pom = CONFIGURED)
    void thePomsStageIsUsedWhenNoPropertyIsGiven(SynthMojo mojo) throws Exception {
        stage(project, "staging");

        in(project, mojo).execute();

        assertThat(template("staging")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "synth", pom = CONFIGURED)
    void theStagePropertyBeatsThePom(SynthMojo mojo) throws Exception {
        stage(project, "staging");
        stage(project, "prod");
        property("hover.stage", "prod");

        in(project, mojo).execute();

        assertThat(mojo.stage).as("Maven's own injection keeps the pom's value").isEqualTo("staging");
        assertThat(template("prod")).isRegularFile();
        assertThat(template("staging")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "stage-new", pom = CONFIGURED)
    void theProfilePropertyBeatsThePom(StageNewMojo mojo) throws Exception {
        property("hover.stage", "qa");
        property("hover.profile", "cli-profile");

        in(project, mojo).execute();

        assertThat(Files.readString(project.resolve(".hover/qa.yml")))
                .contains("aws-profile: cli-profile")
                .doesNotContain("pom-profile");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = CONFIGURED)
    void theDryRunPropertyBeatsThePomBothWays(RollbackMojo mojo) {
        assertThat(mojo.flag(RollbackMojo.DRY_RUN, mojo.dryRun)).as("the pom's true").isTrue();

        property("hover.dryRun", "false");
        assertThat(mojo.flag(RollbackMojo.DRY_RUN, mojo.dryRun)).isFalse();

        property("hover.dryRun", "TRUE");
        assertThat(mojo.flag(RollbackMojo.DRY_RUN, false)).isTrue();
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void skipDoesNothingNotEvenLookForTheStage(SynthMojo mojo) throws Exception {
        property("hover.stage", "nowhere");
        property("hover.skip", "true");

        in(project, mojo).execute();

        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void aGoalOnAStageNeedsOne(SynthMojo mojo) {
        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover:synth needs a stage: add -Dhover.stage=<stage>");
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void aMissingStageSaysHowToCreateIt(SynthMojo mojo) {
        property("hover.stage", "qa");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("there is no stage 'qa': .hover/qa.yml does not exist; create it with mvn hover:stage-new -Dhover.stage=qa");
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void aPomModuleOfAMultiModuleBuildIsSkipped(SynthMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");
        in(project, mojo).project.setPackaging("pom");
        reactor(mojo.project, module(Files.createDirectories(project.resolve("app")), "jar"));

        mojo.execute();

        assertThat(template("staging")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void aPomProjectOfItsOwnIsActedOn(SynthMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");
        in(project, mojo).project.setPackaging("pom");

        mojo.execute();

        assertThat(template("staging")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void inAMultiModuleBuildOnlyTheModulesWithTheStageAct(SynthMojo mojo) throws Exception {
        Path app = Files.createDirectories(project.resolve("app"));
        Path lib = Files.createDirectories(project.resolve("lib"));
        stage(app, "staging");
        reactor(module(project, "pom"), module(app, "jar"), module(lib, "jar"));
        property("hover.stage", "staging");

        in(lib, mojo).execute();
        assertThat(lib.resolve("target")).doesNotExist();

        in(app, mojo).execute();
        assertThat(app.resolve("target/hover/staging/template.json")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void aStageNoModuleHasFailsTheBuild(SynthMojo mojo) throws Exception {
        Path app = Files.createDirectories(project.resolve("app"));
        reactor(module(project, "pom"), module(app, "jar"));
        property("hover.stage", "staging");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("there is no stage 'staging' in this build: no module has .hover/staging.yml; create it in the "
                        + "module to deploy with mvn hover:stage-new -Dhover.stage=staging -pl <module>");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = PLAIN)
    void aMistypedPropertyFailsWithTheClosestName(RollbackMojo mojo) {
        property("hover.stage", "staging");
        property("hover.dryrun", "true");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("-Dhover.dryrun is not a parameter of the Hover plugin; did you mean hover.dryRun?");
    }

    @Test
    @InjectMojo(goal = "logs", pom = PLAIN)
    void aMistypedProfileFailsWithTheClosestName(LogsMojo mojo) {
        property("hover.stage", "staging");
        property("hover.profil", "x");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("-Dhover.profil is not a parameter of the Hover plugin; did you mean hover.profile?");
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void anUnknownPropertyWithNothingCloseListsTheGoalsParameters(SynthMojo mojo) {
        property("hover.stage", "staging");
        property("hover.colour", "blue");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("-Dhover.colour is not a parameter of the Hover plugin; hover:synth takes "
                        + "hover.output, hover.profile, hover.skip, hover.stage.");
    }

    @Test
    @InjectMojo(goal = "synth", pom = PLAIN)
    void anotherGoalsPropertyIsAccepted(SynthMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");
        property("hover.dryRun", "true");

        in(project, mojo).execute();

        assertThat(template("staging")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "rollback", pom = PLAIN)
    void anEmptyValueIsRefusedRatherThanReadAsTheDefault(RollbackMojo mojo) {
        property("hover.stage", "staging");
        property("hover.build", "");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.build is empty; give it a value, or leave it out");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = PLAIN)
    void aFlagTakesTrueOrFalseOnly(RollbackMojo mojo) {
        property("hover.stage", "staging");
        property("hover.dryRun", "yes");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.dryRun is 'yes'; it takes true or false");
    }

    @Test
    @InjectMojo(goal = "command", pom = PLAIN)
    void aCommandIsNeededBeforeAnythingElse(CommandMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover:command needs the command line to run, e.g. -Dhover.command=\"reports:send --daily\"");
    }

    @Test
    @InjectMojo(goal = "run", pom = PLAIN)
    void runTakesAPortAndAnExecutableJava(RunMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");
        property("hover.port", "70000");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.port is 70000; it takes a port, 1 to 65535");

        property("hover.port", "8080");
        property("hover.runJava", project.resolve("no-java").toString());
        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("-Dhover.runJava is " + project.resolve("no-java") + ", which is not an executable file");
    }

    @Test
    @InjectMojo(goal = "build", pom = PLAIN)
    void theClassDataArchiveIsOnOffOrTheDynamicAppCdsArchive(BuildMojo mojo) throws Exception {
        stage(project, "staging");
        property("hover.stage", "staging");
        property("hover.classDataArchive", "aot");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.classDataArchive is 'aot'; it takes true (the default), false or appcds");
    }

    private void reactor(MavenProject... modules) {
        when(session.getProjects()).thenReturn(List.of(modules));
    }

    private static MavenProject module(Path directory, String packaging) {
        MavenProject module = new MavenProject();
        module.setFile(new File(directory.toFile(), "pom.xml"));
        module.setPackaging(packaging);
        module.setArtifactId(directory.getFileName().toString());
        return module;
    }
}
