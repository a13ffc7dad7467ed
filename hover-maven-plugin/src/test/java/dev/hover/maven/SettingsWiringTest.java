package dev.hover.maven;

import dev.hover.plugin.logs.MotoLogGroups;
import dev.hover.testsupport.ForwardingProxy;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static dev.hover.maven.MojoProjects.in;
import static dev.hover.maven.MojoProjects.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

/** The goals hand Maven's settings and {@code -o} to the services (maven-plugin-testing-harness). */
@MojoTest
class SettingsWiringTest {
    @Inject
    MavenSession session;

    @TempDir
    Path project;

    @BeforeAll
    static void startMoto() {
        LocalAws.moto().applyToSystemProperties();
    }

    @Test
    @InjectMojo(goal = "deploy", pom = ParameterWiringTest.PLAIN)
    void anOfflineDeployFailsAtOnceNamingMinusO(DeployMojo mojo) throws Exception {
        stage(project, "staging");
        session.getUserProperties().setProperty("hover.stage", "staging");
        when(session.isOffline()).thenReturn(true);

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Maven is offline (-o), and hover:deploy calls AWS and pushes the image: run it without -o (--offline)");
        assertThat(project.resolve("target/hover")).as("nothing built").doesNotExist();
    }

    @Test
    @InjectMojo(goal = "logs", pom = ParameterWiringTest.PLAIN)
    void aGoalCallsAwsThroughTheProxyOfMavensSettings(LogsMojo mojo) throws Exception {
        LocalAws.moto().reset();
        MotoLogGroups.writeManifest(project, MotoServer.REGION);
        try (ForwardingProxy proxy = ForwardingProxy.start(Optional.empty(), Map.of())) {
            Proxy configured = new Proxy();
            configured.setHost("127.0.0.1");
            configured.setPort(proxy.port());
            Settings settings = new Settings();
            settings.addProxy(configured);
            when(session.getSettings()).thenReturn(settings);
            session.getUserProperties().setProperty("hover.stage", "staging");
            session.getUserProperties().setProperty("hover.since", "10m");

            // moto answers through the proxy that the stage has no log groups yet
            assertThatThrownBy(() -> in(project, mojo).execute()).hasMessageContaining("has no log groups");

            assertThat(proxy.requests()).isNotEmpty()
                    .allMatch(request -> request.startsWith("POST " + LocalAws.moto().endpoint()));
        }
    }
}
