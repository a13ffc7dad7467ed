package dev.hover.plugin.command;

/** A command that could not be run, or whose function failed; the message says which and what to do. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }
}
