package com.example;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import jakarta.inject.Singleton;

/** A command of the cli function, as a bean: {@code {"command": "greet Ada"}}. */
@Singleton
public class GreetCommand implements Command {
    private final Greeter greeter;

    GreetCommand(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public String name() {
        return "greet";
    }

    @Override
    public String description() {
        return "Greets whoever is named";
    }

    @Override
    public int run(CommandContext context) {
        context.out().println(greeter.greet(String.join(" ", context.args())));
        return 0;
    }
}
