package dev.hover.spring;

import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.JobFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What adding {@code hover-spring-boot} to a Spring Boot application does: every
 * {@link dev.hover.runtime.api.Command} bean is a command of the cli function, queue jobs are made by
 * the application context (constructor injection), and a {@link JobDataCodec} bean, if there is one,
 * maps the jobs' data. Registered in {@code META-INF/spring/...AutoConfiguration.imports}, which Spring
 * Boot 2.7, 3 and 4 read; the stage's facts come from {@link HoverPropertiesInitializer}.
 */
@AutoConfiguration
public class HoverAutoConfiguration {

    @Bean
    CommandBeans hoverCommandBeans(ConfigurableListableBeanFactory beans) {
        return new CommandBeans(beans);
    }

    /** An application that makes its jobs another way declares its own {@link JobFactory} bean. */
    @Bean
    @ConditionalOnMissingBean(JobFactory.class)
    ApplicationContextJobFactory hoverJobFactory(ConfigurableListableBeanFactory beans) {
        return new ApplicationContextJobFactory(beans);
    }

    @Bean
    JobsRegistration hoverJobsRegistration(JobFactory factory, ObjectProvider<JobDataCodec> codec) {
        return new JobsRegistration(factory, codec.getIfUnique());
    }
}
