package dev.hover.plugin.command;

import dev.hover.plugin.aws.Functions;

/** A stage's cli function, as {@code hover:command} and the deploy's {@code deploy-commands} run commands on it. */
public final class CliFunction {
    private final Functions functions;
    private final String name;

    public CliFunction(Functions functions, String name) {
        this.functions = functions;
        this.name = name;
    }

    /**
     * Runs one command line on a version or alias of the function and waits for its answer.
     *
     * @throws CommandException when the function failed or did not answer as a command does
     */
    public CommandAnswer run(String qualifier, String commandLine) {
        return CommandAnswer.from(functions.invoke(name, qualifier, CommandAnswer.event(commandLine)), name + ":" + qualifier);
    }
}
