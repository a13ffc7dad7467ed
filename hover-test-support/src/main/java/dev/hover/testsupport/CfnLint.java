package dev.hover.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** AWS's CloudFormation linter, with the resource schemas it bundles (runs offline). */
public final class CfnLint {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int USAGE_ERROR = 1;

    private final Path executable;

    private CfnLint(Path executable) {
        this.executable = executable;
    }

    static CfnLint find(ToolLocator tools) {
        return new CfnLint(tools.require("venv/bin/cfn-lint", "cfn-lint"));
    }

    /** Lints {@code template} (JSON or YAML) for us-east-1. */
    public CfnLintResult lint(Path template) {
        if (!Files.isRegularFile(template)) {
            throw new IllegalArgumentException("no template at " + template.toAbsolutePath());
        }
        CommandResult run = CommandResult.run(List.of(executable.toString(), "-f", "json", "--regions", "us-east-1",
                "--", template.toAbsolutePath().toString()), TIMEOUT);
        if ((run.exitCode() & USAGE_ERROR) != 0) {
            throw new IllegalStateException("cfn-lint could not run (exit " + run.exitCode() + "):\n" + run.stderr() + run.stdout());
        }
        return CfnLintResult.parse(template, run.exitCode(), run.stdout());
    }
}
