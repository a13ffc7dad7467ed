package dev.hover.runtime.cli;

import dev.hover.runtime.api.Command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The commands the cli function knows: the application's and the built-in ones. */
public final class CommandRegistry {
    private static final CommandRegistry SHARED = new CommandRegistry();

    private final Map<String, Command> commands = new ConcurrentHashMap<>();

    /** The registry that {@link dev.hover.runtime.api.Commands} fills and the cli function reads. */
    public static CommandRegistry shared() {
        return SHARED;
    }

    /** @throws IllegalArgumentException when the name is blank, has whitespace, or is taken */
    public void register(Command command) {
        String name = command.name();
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("command name '" + name + "' of " + command.getClass().getName()
                    + " must be one word without whitespace");
        }
        Command previous = commands.putIfAbsent(name, command);
        if (previous != null && previous != command) {
            throw new IllegalArgumentException("command '" + name + "' is registered twice: by "
                    + previous.getClass().getName() + " and by " + command.getClass().getName());
        }
    }

    /** Registers every command listed in {@code META-INF/services/dev.hover.runtime.api.Command}. */
    public void registerServices(ClassLoader loader) {
        for (Command command : ServiceLoader.load(Command.class, loader)) {
            register(command);
        }
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Every command, by name. */
    public List<Command> all() {
        List<Command> all = new ArrayList<>(commands.values());
        all.sort(Comparator.comparing(Command::name));
        return all;
    }
}
