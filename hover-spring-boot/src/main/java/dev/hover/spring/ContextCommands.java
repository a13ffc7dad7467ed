package dev.hover.spring;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import dev.hover.runtime.api.Commands;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command beans of the live application contexts, behind one registered command per name.
 * The runtime's registry refuses a name registered twice, and rightly so within one application;
 * but one JVM may hold several Spring contexts in turn (tests with different configurations,
 * a restarted context), each with its own bean for the same command. The registry gets one
 * delegate per name, and the delegate runs the bean of the context that attached it last.
 */
final class ContextCommands {
    private static final Map<String, Command> LIVE = new ConcurrentHashMap<>();
    private static final Map<String, Command> DELEGATES = new ConcurrentHashMap<>();

    private ContextCommands() {
    }

    static void attach(Command bean) {
        String name = bean.name();
        LIVE.put(name, bean);
        DELEGATES.computeIfAbsent(name, ContextCommands::register);
    }

    static void detach(Command bean) {
        LIVE.remove(bean.name(), bean);
    }

    private static Command register(String name) {
        Command delegate = new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                Command bean = LIVE.get(name);
                return bean == null ? "(its application context is closed)" : bean.description();
            }

            @Override
            public int run(CommandContext context) throws Exception {
                Command bean = LIVE.get(name);
                if (bean == null) {
                    context.out().println("The command " + name + " is a bean of an application context that is closed");
                    return 1;
                }
                return bean.run(context);
            }
        };
        Commands.register(delegate);
        return delegate;
    }
}
