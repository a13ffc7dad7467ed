package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.Progress;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.hover.plugin.deploy.ScriptedCloudFormation.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack step against CloudFormation's asynchronous behaviour, scripted (moto applies stacks within the request). */
class StackStepTest {
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String STACK = "AWS::CloudFormation::Stack";

    private final List<String> output = new ArrayList<>();
    private final StageManifest manifest = SampleStage.manifest(1024, List.of(), List.of(), java.util.Optional.of("registry/shop-dev"));

    private StackStep step(ScriptedCloudFormation cloudFormation, Clock clock, Duration timeout) {
        return new StackStep(new Stacks(cloudFormation, Duration.ZERO), null, clock, timeout);
    }

    @Test
    void eventsArePrintedAsTheyHappenAndAFailedUpdateNamesItsResourcesAndFinalState() {
        ScriptedCloudFormation cloudFormation = new ScriptedCloudFormation("UPDATE_COMPLETE", List.of(
                new ScriptedCloudFormation.Step("UPDATE_IN_PROGRESS", List.of(
                        event(1, "shop-dev", STACK, "UPDATE_IN_PROGRESS", "User Initiated"))),
                new ScriptedCloudFormation.Step("UPDATE_ROLLBACK_IN_PROGRESS", List.of(
                        event(5, "HttpFunction", FUNCTION, "UPDATE_IN_PROGRESS", ""),
                        event(9, "HttpFunction", FUNCTION, "UPDATE_FAILED", "Resource handler returned message: \"MemorySize exceeds the account limit\""),
                        event(10, "shop-dev", STACK, "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [HttpFunction]."))),
                new ScriptedCloudFormation.Step("UPDATE_ROLLBACK_COMPLETE", List.of(
                        event(14, "HttpFunction", FUNCTION, "UPDATE_COMPLETE", ""),
                        event(15, "shop-dev", STACK, "UPDATE_ROLLBACK_COMPLETE", "")))));

        assertThatThrownBy(() -> step(cloudFormation, Clock.system(ZoneOffset.UTC), Duration.ofMinutes(5))
                .run(manifest, "{}", "b2", false, Progress.to(new ConsoleListener(output::add, line -> { }, false, ZoneOffset.UTC))))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("The stack shop-dev ended in UPDATE_ROLLBACK_COMPLETE after 1 failed resource(s)")
                .hasMessageContaining("HttpFunction: Resource handler returned message: \"MemorySize exceeds the account limit\"")
                .hasMessageContaining("live still points at the previous versions");

        assertThat(output).containsSubsequence(
                "    Modify  HttpFunction  AWS::Lambda::Function",
                "    18:00:01  UPDATE_IN_PROGRESS  shop-dev  AWS::CloudFormation::Stack  User Initiated",
                "    18:00:05  UPDATE_IN_PROGRESS  HttpFunction  AWS::Lambda::Function",
                "    18:00:09  UPDATE_FAILED  HttpFunction  AWS::Lambda::Function  Resource handler returned message: \"MemorySize exceeds the account limit\"",
                "    18:00:15  UPDATE_ROLLBACK_COMPLETE  shop-dev  AWS::CloudFormation::Stack",
                "    FAILED: HttpFunction (AWS::Lambda::Function): Resource handler returned message: \"MemorySize exceeds the account limit\"");
    }

    @Test
    void aStackThatNeverEndsIsGivenUpOnAfterTheTimeout() {
        ScriptedCloudFormation cloudFormation = new ScriptedCloudFormation("UPDATE_COMPLETE", List.of(
                new ScriptedCloudFormation.Step("UPDATE_IN_PROGRESS", List.of(event(1, "shop-dev", STACK, "UPDATE_IN_PROGRESS", "")))));
        Clock clock = new Clock() {
            private Instant now = Instant.parse("2026-11-26T18:00:00Z");

            @Override
            public Instant instant() {
                now = now.plusSeconds(61);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };

        assertThatThrownBy(() -> step(cloudFormation, clock, Duration.ofMinutes(5)).run(manifest, "{}", "b2", false,
                Progress.to(new ConsoleListener(output::add, line -> { }, false, ZoneOffset.UTC))))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("is still UPDATE_IN_PROGRESS after 5 min (-Dhover.stackTimeout)")
                .hasMessageContaining("CloudFormation goes on with it");
    }

    @Test
    void aStackWhoseFirstCreationRolledBackIsDeletedAndCreatedAgain() {
        ScriptedCloudFormation cloudFormation = new ScriptedCloudFormation("ROLLBACK_COMPLETE", List.of(
                new ScriptedCloudFormation.Step("CREATE_COMPLETE", List.of(event(3, "shop-dev", STACK, "CREATE_COMPLETE", "")))));

        StackStep.Result result = step(cloudFormation, Clock.system(ZoneOffset.UTC), Duration.ofMinutes(5))
                .run(manifest, "{}", "b1", false, Progress.to(new ConsoleListener(output::add, line -> { }, false, ZoneOffset.UTC))).value();

        assertThat(cloudFormation.calls).containsSubsequence("DeleteStack", "CreateChangeSet CREATE", "ExecuteChangeSet");
        assertThat(output).anyMatch(line -> line.contains("first creation failed earlier (ROLLBACK_COMPLETE); deleting it"));
        assertThat(result.changes()).hasSize(1);
    }
}
