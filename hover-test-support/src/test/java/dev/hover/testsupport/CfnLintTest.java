package dev.hover.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CfnLintTest {

    @TempDir
    Path dir;

    @Test
    void passesAValidTemplate() throws Exception {
        Path template = Files.writeString(dir.resolve("good.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                Outputs:
                  QueueArn:
                    Value: !GetAtt Queue.Arn
                """);

        CfnLintResult result = LocalAws.cfnLint().lint(template);

        assertThat(result.exitCode()).isZero();
        assertThat(result.errorsAndWarnings()).isEmpty();
        result.assertNoErrorsOrWarnings();
    }

    @Test
    void failsListingEachFindingWithRulePathAndMessage() throws Exception {
        Path template = Files.writeString(dir.resolve("bad.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      Bogus: 1
                """);

        CfnLintResult result = LocalAws.cfnLint().lint(template);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.errorsAndWarnings()).extracting(CfnLintResult.Finding::ruleId).containsExactly("E3002");
        assertThatThrownBy(result::assertNoErrorsOrWarnings)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("E3002 at Resources/Queue/Properties/Bogus (line 6)")
                .hasMessageContaining("'Bogus' was unexpected");
    }

    @Test
    void refusesAMissingTemplate() {
        assertThatThrownBy(() -> LocalAws.cfnLint().lint(dir.resolve("absent.yaml")))
                .hasMessageContaining("no template at");
    }
}
