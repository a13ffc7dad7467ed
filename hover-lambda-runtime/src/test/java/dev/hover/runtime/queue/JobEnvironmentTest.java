package dev.hover.runtime.queue;

import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.JobFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobEnvironmentTest {

    /** Listed as a service, as an application's jar would list it. */
    public static final class CountingFactory implements JobFactory {
        static int made;

        @Override
        public Object create(Class<?> jobClass) throws Exception {
            made++;
            return jobClass.getConstructor().newInstance();
        }
    }

    /** Listed as a service. */
    public static final class TextCodec implements JobDataCodec {
        @Override
        public String toJson(Object data, Type type) {
            return "\"" + data + "\"";
        }

        @Override
        public Object fromJson(String json, Type type) {
            return json.substring(1, json.length() - 1);
        }
    }

    @Test
    void servicesListedByTheApplicationAreUsedWhenNoneWasRegistered(@TempDir Path jar) throws Exception {
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve(JobFactory.class.getName()), CountingFactory.class.getName() + "\n");
        Files.writeString(services.resolve(JobDataCodec.class.getName()), TextCodec.class.getName() + "\n");
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            JobEnvironment environment = new JobEnvironment(application);

            assertThat(environment.create(TestJobs.TaskJob.class)).isInstanceOf(TestJobs.TaskJob.class);
            assertThat(CountingFactory.made).isEqualTo(1);
            assertThat(environment.codec()).isInstanceOf(TextCodec.class);
        }
    }

    @Test
    void withoutServicesTheDefaultsAreThePublicConstructorAndTheRecordCodec() throws Exception {
        JobEnvironment environment = new JobEnvironment(getClass().getClassLoader());

        assertThat(environment.create(TestJobs.TaskJob.class)).isInstanceOf(TestJobs.TaskJob.class);
        assertThat(environment.codec()).isInstanceOf(RecordJsonCodec.class);
        assertThatThrownBy(() -> environment.jobClass(String.class.getName()))
                .hasMessage("java.lang.String does not implement dev.hover.runtime.api.Job");
    }

    @Test
    void aFactoryThatMakesTheWrongThingIsCaught() {
        JobEnvironment environment = new JobEnvironment(getClass().getClassLoader());
        environment.useFactory(jobClass -> "not a job");

        assertThatThrownBy(() -> environment.create(TestJobs.TaskJob.class))
                .hasMessage("the JobFactory made java.lang.String when asked for " + TestJobs.TaskJob.class.getName());
    }
}
