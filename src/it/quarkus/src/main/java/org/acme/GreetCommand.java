package org.acme;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A command of the cli function, as a CDI bean: {@code {"command": "greet Ada"}}. */
@ApplicationScoped
public class GreetCommand implements Command {
    @Inject
    Greeter greeter;

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
