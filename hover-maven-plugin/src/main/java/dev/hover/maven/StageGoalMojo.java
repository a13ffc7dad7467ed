package dev.hover.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Optional;

/** The parameters of a goal that talks to an existing stage: the stage, the profile, the project's directory. */
abstract class StageGoalMojo extends AbstractMojo {
    /** The stage, e.g. {@code staging}: its manifest is {@code .hover/<stage>.yml}. */
    @Parameter(property = "hover.stage", required = true)
    String stage;

    /** An AWS profile that wins over the manifest's {@code aws-profile} (credentials in the environment win over both). */
    @Parameter(property = "hover.profile")
    String profile;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** {@code hover.profile} when given (not blank). */
    Optional<String> profile() {
        return given(profile);
    }

    /** A parameter's value, when one is given (not blank). */
    static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
