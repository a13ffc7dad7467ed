package dev.hover.model.packaged;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container's command: the image's entry point, which the image builder writes and the
 * runtime's tests run the same way (docs/runtime.md, "Cold start").
 *
 * <p>Without secrets it is {@code java <options> -cp <class path> dev.hover.runtime.Bootstrap}.
 * With secrets, the launcher ({@code hover-launch}, a static program of the {@code hover-launcher}
 * module) comes first: it decrypts them and then replaces itself ({@code execve}) with the same JVM
 * command, which therefore starts with the secrets in its process environment (what
 * {@code System.getenv} and child processes see). A JVM cannot add to its own process
 * environment, and the JDK's child processes inherit that environment, not the JVM's view of it.
 */
public final class LaunchCommand {
    public static final String BOOTSTRAP_CLASS = "dev.hover.runtime.Bootstrap";
    /** The build's training run of the class-data archive: the cold start, primed, then exit. */
    public static final String TRAINING_CLASS = "dev.hover.runtime.Training";
    /** Set with the secrets: their names, space-separated, so the runtime knows what it was given. */
    public static final String SECRET_NAMES_VARIABLE = "HOVER_SECRETS";
    /** The launcher's first option, which no JVM command starts with. */
    private static final String NAME_OPTION = "--name";
    /** Ends the launcher's options: the program it execs follows. */
    private static final String PROGRAM_FOLLOWS = "--";

    /**
     * What the launcher decrypts, and where it is.
     *
     * @param launcher the launcher's path ({@code /var/task/hover/bin/hover-launch} in the image)
     * @param name     the stage's name, which the secrets file must have been encrypted for
     * @param stage    the stage, likewise
     * @param file     the encrypted secrets file ({@code /var/task/hover/secrets.env} in the image)
     */
    public record Secrets(String launcher, String name, String stage, String file) {
    }

    private LaunchCommand() {
    }

    /** @param secrets what the launcher decrypts first; empty when the stage has no secrets */
    public static List<String> of(String java, List<String> jvmOptions, List<String> classpath, Optional<Secrets> secrets) {
        List<String> command = new ArrayList<>();
        secrets.ifPresent(launch -> command.addAll(List.of(launch.launcher(), NAME_OPTION, launch.name(),
                "--stage", launch.stage(), "--secrets", launch.file(), PROGRAM_FOLLOWS)));
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

    /** Whether a command made by {@link #of} starts with the launcher, which decrypts secrets. */
    public static boolean decryptsSecrets(List<String> command) {
        return command.size() > 1 && command.get(1).equals(NAME_OPTION);
    }

    /** The JVM part of a command made by {@link #of}: all of it, or what the launcher execs. */
    public static List<String> jvmPart(List<String> command) {
        return decryptsSecrets(command) ? command.subList(command.indexOf(PROGRAM_FOLLOWS) + 1, command.size()) : command;
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
}
