package dev.hover.spring;

import dev.hover.runtime.api.HoverEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage's facts as properties, {@code hover.stage} and {@code hover.build-id}, when the
 * application runs under the Hover runtime (outside it they are left to the application's own
 * configuration, e.g. {@code ${hover.stage:local}}). They come first: inside Lambda nothing else
 * may claim another stage. Registered in {@code META-INF/spring.factories}, which Spring Boot 2.7,
 * 3 and 4 all read for initializers, so it runs before the context refreshes; profiles are settled
 * earlier than that, so {@code hover.stage} cannot choose one.
 */
public final class HoverPropertiesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String PROPERTY_SOURCE = "hover";
    public static final String STAGE = "hover.stage";
    public static final String BUILD_ID = "hover.build-id";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        HoverEnvironment.stage().ifPresent(stage -> facts.put(STAGE, stage));
        HoverEnvironment.buildId().ifPresent(buildId -> facts.put(BUILD_ID, buildId));
        if (!facts.isEmpty()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, facts));
        }
    }
}
