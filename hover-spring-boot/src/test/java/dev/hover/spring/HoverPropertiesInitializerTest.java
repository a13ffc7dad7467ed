package dev.hover.spring;

import dev.hover.runtime.api.HoverEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationContextInitializer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HoverPropertiesInitializerTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new HoverPropertiesInitializer());

    @AfterEach
    void leaveTheRuntimeUnset() {
        HoverEnvironment.initialize(null, null, Map.of(), Map.of());
    }

    @Test
    void theStageAndBuildIdAreProperties() {
        HoverEnvironment.initialize("staging", "20261201-abc", Map.of(), Map.of());
        runner.withPropertyValues("hover.stage=local").run(context -> {
            assertThat(context.getEnvironment().getProperty("hover.stage")).isEqualTo("staging");
            assertThat(context.getEnvironment().getProperty("hover.build-id")).isEqualTo("20261201-abc");
        });
    }

    @Test
    void outsideTheRuntimeTheApplicationsOwnValuesAnswer() {
        runner.withPropertyValues("hover.stage=local").run(context -> {
            assertThat(context.getEnvironment().getProperty("hover.stage")).isEqualTo("local");
            assertThat(context.getEnvironment().containsProperty("hover.build-id")).isFalse();
        });
    }

    @Test
    void springBootRunsItBeforeEveryContext() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(ApplicationContextInitializer.class, getClass().getClassLoader()))
                .contains(HoverPropertiesInitializer.class.getName());
    }
}
