package org.acme;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.Commands;
import dev.hover.runtime.api.Jobs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Hover's commands and jobs as CDI beans, with Hover's plain API (docs/jobs-and-commands.md,
 * "Quarkus"): every Command bean becomes a command, and jobs are made by the CDI container.
 */
@ApplicationScoped
public class HoverBeans {
    void register(@Observes StartupEvent started, @Any Instance<Command> commands) {
        commands.forEach(Commands::register);
        Jobs.useFactory(type -> CDI.current().select(type).get());
    }
}
