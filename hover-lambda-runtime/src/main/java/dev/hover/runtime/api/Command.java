package dev.hover.runtime.api;

/**
 * A command the cli function runs in process: {@code {"command": "name arg…"}}, {@code mvn hover:command},
 * a deploy command or a schedule entry. Register one with {@link Commands#register(Command)} or list
 * its class in {@code META-INF/services/dev.hover.runtime.api.Command} (it then needs a public no-arg
 * constructor).
 */
public interface Command {

    /** The word that runs it, e.g. {@code reports:send}; no whitespace. */
    String name();

    /** One line shown next to the name when the known commands are listed. */
    default String description() {
        return "";
    }

    /**
     * Runs the command. What it writes to {@link CommandContext#out()}, {@code System.out} and
     * {@code System.err} is its output. An exception counts as exit code 1, with the stack trace in the output.
     *
     * @return the exit code, 0 for success
     */
    int run(CommandContext context) throws Exception;

    /** The body of a command registered with a lambda. */
    @FunctionalInterface
    interface Action {
        int run(CommandContext context) throws Exception;
    }

    static Command of(String name, String description, Action action) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public int run(CommandContext context) throws Exception {
                return action.run(context);
            }
        };
    }
}
