package dev.hover.plugin.image;

import java.util.ArrayList;
import java.util.List;

/** The container's entry point: one JVM running the runtime's bootstrap, which starts the app. */
public final class EntryPoint {
    private EntryPoint() {
    }

    public static List<String> of(String java, List<String> jvmOptions, List<String> classpath) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(":", classpath));
        command.add(ImageLayout.BOOTSTRAP_CLASS);
        return command;
    }
}
