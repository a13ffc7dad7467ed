package dev.hover.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What cfn-lint said about one template. Its exit code is a bitmask: 2 error, 4 warning, 8 informational.
 * Use {@link #assertNoErrorsOrWarnings()}, or with AssertJ {@code assertThat(result.errorsAndWarnings()).isEmpty()}
 * (each finding prints as rule, path, line and message).
 */
public record CfnLintResult(Path template, int exitCode, String output, List<Finding> findings) {

    private static final int ERROR = 2;
    private static final int WARNING = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding: {@code level} is Error, Warning or Informational; {@code path} like {@code Resources/Queue/Properties}. */
    public record Finding(String level, String ruleId, String message, String path, int line) {

        boolean isErrorOrWarning() {
            return level.equals("Error") || level.equals("Warning");
        }

        @Override
        public String toString() {
            return level + " " + ruleId + " at " + path + " (line " + line + "): " + message;
        }
    }

    public CfnLintResult {
        findings = List.copyOf(findings);
    }

    static CfnLintResult parse(Path template, int exitCode, String output) {
        try {
            List<Finding> findings = new ArrayList<>();
            for (JsonNode finding : JSON.readTree(output)) {
                JsonNode location = finding.path("Location");
                findings.add(new Finding(finding.path("Level").asText(), finding.path("Rule").path("Id").asText(),
                        finding.path("Message").asText(), pathOf(location.path("Path")),
                        location.path("Start").path("LineNumber").asInt()));
            }
            return new CfnLintResult(template, exitCode, output, findings);
        } catch (IOException e) {
            throw new IllegalStateException("cfn-lint printed something other than its JSON findings (exit "
                    + exitCode + "):\n" + output, e);
        }
    }

    private static String pathOf(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        return parts.isEmpty() ? "(template)" : String.join("/", parts);
    }

    public boolean hasErrors() {
        return (exitCode & ERROR) != 0;
    }

    public boolean hasWarnings() {
        return (exitCode & WARNING) != 0;
    }

    public List<Finding> errorsAndWarnings() {
        return findings.stream().filter(Finding::isErrorOrWarning).toList();
    }

    /** Fails, listing every error and warning, unless cfn-lint reported none. */
    public void assertNoErrorsOrWarnings() {
        if (hasErrors() || hasWarnings() || !errorsAndWarnings().isEmpty()) {
            throw new AssertionError("cfn-lint reported on " + template + " (exit " + exitCode + "):\n"
                    + errorsAndWarnings().stream().map(finding -> "  " + finding).collect(Collectors.joining("\n")));
        }
    }
}
