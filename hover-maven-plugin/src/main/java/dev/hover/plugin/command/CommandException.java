package dev.hover.plugin.command;

import dev.hover.model.HoverException;

/** A command that could not be run, or whose function failed; the message says which and what to do. */
public class CommandException extends HoverException {
    public CommandException(String message) {
        super(message);
    }
}
