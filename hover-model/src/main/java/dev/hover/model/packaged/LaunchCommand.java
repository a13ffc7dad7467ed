package dev.hover.model.packaged;

import java.util.ArrayList;
import java.util.List;

/**
 * The container's command: the image's entry point, which the image builder writes and the
 * runtime's tests run the same way (docs/runtime.md, "Cold start").
 *
 * <p>Without secrets it is {@code java <options> -cp <class path> dev.hover.runtime.Bootstrap}.
 * With secrets, a POSIX shell first runs a short-lived JVM of the runtime alone that decrypts them
 * and prints them as {@code export} lines; the shell evaluates those and replaces itself with the
 * same JVM command, which therefore starts with the secrets in its process environment (what
 * {@code System.getenv} and child processes see). A JVM cannot add to its own process
 * environment, and the JDK's child processes inherit that environment, not the JVM's view of it.
 */
public final class LaunchCommand {
    public static final String BOOTSTRAP_CLASS = "dev.hover.runtime.Bootstrap";
    /** The build's training run of the class-data archive: the cold start, primed, then exit. */
    public static final String TRAINING_CLASS = "dev.hover.runtime.Training";
    public static final String SECRETS_EXPORT_CLASS = "dev.hover.runtime.SecretsExport";
    public static final String SHELL = "/bin/sh";
    /** Exported with the secrets: their names, space-separated, so the runtime knows what it was given. */
    public static final String SECRET_NAMES_VARIABLE = "HOVER_SECRETS";

    /**
     * For the JVM that only decrypts: C1 only, the serial collector (one thread, no GC workers to
     * start) and the JDK's class-data archive; it exits before the application's JVM starts.
     */
    static final List<String> SECRETS_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private LaunchCommand() {
    }

    /**
     * @param runtimeClasspath the runtime's own class path (its jar in the image), used by the
     *                         secrets JVM; empty when the stage has no secrets
     */
    public static List<String> of(String java, List<String> jvmOptions, List<String> classpath,
                                  List<String> runtimeClasspath) {
        List<String> command = new ArrayList<>();
        if (!runtimeClasspath.isEmpty()) {
            command.add(SHELL);
            command.add("-c");
            command.add(secretsScript(runtimeClasspath));
        }
        command.addAll(jvm(java, jvmOptions, classpath, BOOTSTRAP_CLASS));
        return command;
    }

    /**
     * The image's JVM command with {@link #TRAINING_CLASS} as its main class, for the build's
     * training run: the class path and options must be the container's for the archive to apply.
     */
    public static List<String> training(String java, List<String> jvmOptions, List<String> classpath) {
        return jvm(java, jvmOptions, classpath, TRAINING_CLASS);
    }

    private static List<String> jvm(String java, List<String> jvmOptions, List<String> classpath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(":", classpath));
        command.add(mainClass);
        return command;
    }

    /**
     * {@code $0} is the java executable and {@code "$@"} the rest of the application's JVM command,
     * so nothing of it is quoted into the script. A failure of the secrets JVM (which reports the
     * init error itself) ends the shell with its exit status.
     */
    private static String secretsScript(List<String> runtimeClasspath) {
        StringBuilder script = new StringBuilder("secrets=$(\"$0\"");
        for (String option : SECRETS_JVM_OPTIONS) {
            script.append(' ').append(option);
        }
        script.append(" -cp ").append(ShellQuoting.quote(String.join(":", runtimeClasspath)))
                .append(' ').append(SECRETS_EXPORT_CLASS).append(") || exit; ")
                .append("eval \"$secrets\"; unset secrets; exec \"$0\" \"$@\"");
        return script.toString();
    }
}
