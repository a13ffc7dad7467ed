package dev.hover.runtime.api;

import dev.hover.runtime.cli.CommandRegistry;

/** Registers the application's commands; call it while the application starts. */
public final class Commands {
    private Commands() {
    }

    public static void register(Command command) {
        CommandRegistry.shared().register(command);
    }

    public static void register(String name, String description, Command.Action action) {
        register(Command.of(name, description, action));
    }
}
