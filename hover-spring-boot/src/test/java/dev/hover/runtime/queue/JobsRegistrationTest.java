package dev.hover.runtime.queue;

import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.JobFactory;
import dev.hover.spring.HoverAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.lang.reflect.Type;

import static org.assertj.core.api.Assertions.assertThat;

/** In the runtime's package: what the worker will use is only visible from here. */
class JobsRegistrationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HoverAutoConfiguration.class));

    @Test
    void theWorkerMakesJobsWithTheContextsFactoryAndMapsDataWithItsCodec() {
        JobDataCodec codec = new JobDataCodec() {
            @Override
            public String toJson(Object data, Type type) {
                return "null";
            }

            @Override
            public Object fromJson(String json, Type type) {
                return null;
            }
        };
        runner.withBean(JobDataCodec.class, () -> codec).run(context -> {
            assertThat(JobEnvironment.shared().factory()).isSameAs(context.getBean(JobFactory.class));
            assertThat(JobEnvironment.shared().codec()).isSameAs(codec);
        });
    }
}
