package dev.hover.spring;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import dev.hover.runtime.api.JobFactory;
import dev.hover.runtime.cli.CommandRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HoverAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HoverAutoConfiguration.class));

    @Test
    void aCommandBeanIsACommandOfTheCliFunction() {
        runner.withUserConfiguration(Greeting.class, GreetCommand.class).run(context -> {
            Command registered = CommandRegistry.shared().find("test:greet").orElseThrow();
            assertThat(registered.description()).isEqualTo("greets whoever is named");
            assertThat(run(registered, "Ada")).isEqualTo("exit 0: Hello, Ada\n");
        });
    }

    @Test
    void theCommandOfTheContextStartedLastRuns() {
        runner.withUserConfiguration(Greeting.class, GreetCommand.class).run(first ->
                runner.withUserConfiguration(GreetCommand.class).withBean(Greeting.class, () -> new Greeting("Good day"))
                        .run(second -> assertThat(run(CommandRegistry.shared().find("test:greet").orElseThrow(), "Ada"))
                                .isEqualTo("exit 0: Good day, Ada\n")));
    }

    @Test
    void aCommandOfAClosedContextSaysSo() {
        runner.withUserConfiguration(Greeting.class, GreetCommand.class).run(context -> {
        });
        assertThat(run(CommandRegistry.shared().find("test:greet").orElseThrow(), "Ada"))
                .isEqualTo("exit 1: The command test:greet is a bean of an application context that is closed\n");
    }

    @Test
    void twoBeansOfOneCommandNameStopTheStart() {
        runner.withUserConfiguration(Greeting.class, GreetCommand.class)
                .withBean("anotherGreet", GreetCommand.class, () -> new GreetCommand(new Greeting("Hi")))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("'anotherGreet'")
                        .hasMessageContaining("are both the command 'test:greet'"));
    }

    @Test
    void aJobIsMadeWithItsConstructorsBeans() {
        runner.withUserConfiguration(Greeting.class).run(context -> {
            Object job = context.getBean(JobFactory.class).create(GreetJob.class);
            assertThat(job).isInstanceOf(GreetJob.class);
            assertThat(((GreetJob) job).greeting.salutation()).isEqualTo("Hello");
            assertThat(context.getBean(JobFactory.class).create(GreetJob.class)).isNotSameAs(job);
        });
    }

    @Test
    void aJobThatIsABeanIsTakenFromTheContext() {
        runner.withUserConfiguration(Greeting.class, SingletonJob.class).run(context ->
                assertThat(context.getBean(JobFactory.class).create(GreetJob.class)).isSameAs(context.getBean(GreetJob.class)));
    }

    @Test
    void anApplicationsOwnJobFactoryWins() {
        JobFactory own = jobClass -> new GreetJob(new Greeting("own"));
        runner.withBean(JobFactory.class, () -> own).run(context ->
                assertThat(context.getBean(JobFactory.class)).isSameAs(own));
    }

    @Test
    void theAutoConfigurationIsRegisteredTheSpringBootWay() throws Exception {
        try (var imports = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(imports.readAllBytes()).lines().toList()).containsExactly(HoverAutoConfiguration.class.getName());
        }
    }

    private static String run(Command command, String... args) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit;
        try {
            exit = command.run(new CommandContext() {
                @Override
                public List<String> args() {
                    return List.of(args);
                }

                @Override
                public PrintWriter out() {
                    return writer;
                }

                @Override
                public Instant deadline() {
                    return Instant.now().plusSeconds(10);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        writer.flush();
        return "exit " + exit + ": " + out;
    }

    record Greeting(String salutation) {
        Greeting() {
            this("Hello");
        }
    }

    static class GreetCommand implements Command {
        private final Greeting greeting;

        GreetCommand(Greeting greeting) {
            this.greeting = greeting;
        }

        @Override
        public String name() {
            return "test:greet";
        }

        @Override
        public String description() {
            return "greets whoever is named";
        }

        @Override
        public int run(CommandContext context) {
            context.out().println(greeting.salutation() + ", " + context.args().get(0));
            return 0;
        }
    }

    static class GreetJob implements Job<String> {
        final Greeting greeting;

        GreetJob(Greeting greeting) {
            this.greeting = greeting;
        }

        @Override
        public void handle(String data, JobContext context) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SingletonJob {
        @Bean
        @Scope(ConfigurableBeanFactory.SCOPE_SINGLETON)
        GreetJob greetJob(Greeting greeting) {
            return new GreetJob(greeting);
        }
    }
}
