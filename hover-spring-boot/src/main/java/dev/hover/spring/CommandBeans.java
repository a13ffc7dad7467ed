package dev.hover.spring;

import dev.hover.runtime.api.Command;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every {@link Command} bean of the context a command of the cli function once the
 * singletons exist (before the web server starts, so before the runtime's readiness probe is
 * answered), and takes them back when the context closes.
 */
final class CommandBeans implements SmartInitializingSingleton, DisposableBean {
    private final ListableBeanFactory beans;
    private List<Command> attached = List.of();

    CommandBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> beanByCommand = new LinkedHashMap<>();
        Map<String, Command> found = beans.getBeansOfType(Command.class);
        found.forEach((beanName, command) -> {
            String previous = beanByCommand.putIfAbsent(command.name(), beanName);
            if (previous != null) {
                throw new IllegalStateException("The beans '" + previous + "' and '" + beanName
                        + "' are both the command '" + command.name() + "': give one of them another name()");
            }
        });
        attached = List.copyOf(found.values());
        attached.forEach(ContextCommands::attach);
    }

    @Override
    public void destroy() {
        attached.forEach(ContextCommands::detach);
        attached = List.of();
    }
}
