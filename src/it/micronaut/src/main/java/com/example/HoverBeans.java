package com.example;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.Commands;
import dev.hover.runtime.api.Jobs;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Hover's commands and jobs as Micronaut beans, with Hover's plain API (docs/jobs-and-commands.md,
 * "Micronaut"): every Command bean becomes a command, and jobs are made by the bean context.
 */
@Singleton
public class HoverBeans implements ApplicationEventListener<StartupEvent> {
    private final BeanContext beans;

    HoverBeans(BeanContext beans) {
        this.beans = beans;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        beans.getBeansOfType(Command.class).forEach(Commands::register);
        Jobs.useFactory(beans::getBean);
    }
}
