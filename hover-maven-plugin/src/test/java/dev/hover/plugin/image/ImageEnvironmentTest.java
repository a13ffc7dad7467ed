package dev.hover.plugin.image;

import dev.hover.model.Assets;
import dev.hover.model.Auth;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.StageManifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ImageEnvironmentTest {
    private static StageManifest manifest(Map<String, String> environment) {
        HttpFunction http = new HttpFunction(HttpFunction.DEFAULT_MEMORY, HttpFunction.DEFAULT_TIMEOUT, 0,
                OptionalInt.empty(), List.of(), Optional.empty(), 8123, "/");
        return new StageManifest("staging", "demo-staging", Optional.empty(), "us-east-1", environment, Auth.NONE,
                Optional.empty(), List.of(), JavaSettings.defaults(), http, CliFunction.defaults(), Map.of(), Assets.NONE,
                List.of());
    }

    private static Dependency library(String groupId, String artifactId) {
        return new Dependency(groupId, artifactId, "1.0", false, Path.of(artifactId + ".jar"));
    }

    @Test
    void everyApplicationIsToldItsPortAndGetsTheManifestsEnvironmentInItsOrder() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "prod");
        environment.put("APP_ENV", "staging");

        assertThat(ImageEnvironment.of(manifest(environment), "build-7", List.of(library("org.example", "lib"))))
                .containsExactly(Map.entry("LAMBDA_TASK_ROOT", "/var/task"), Map.entry("HOVER_BUILD_ID", "build-7"),
                        Map.entry("PORT", "8123"), Map.entry("SPRING_PROFILES_ACTIVE", "prod"), Map.entry("APP_ENV", "staging"));
    }

    @Test
    void aSpringBootApplicationServesOnThePortAndTrustsTheRuntimesForwardedHeaders() {
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("org.springframework.boot", "spring-boot"))))
                .containsEntry("SERVER_PORT", "8123").containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
    }

    @Test
    void quarkusMicronautAndHelidonGetTheirOwnPortVariables() {
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("io.quarkus", "quarkus-vertx-http"))))
                .containsEntry("QUARKUS_HTTP_PORT", "8123").containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true").doesNotContainKey("SERVER_PORT");
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("io.micronaut", "micronaut-http-server"))))
                .containsEntry("MICRONAUT_SERVER_PORT", "8123");
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("io.helidon.webserver", "helidon-webserver"))))
                .containsEntry("SERVER_PORT", "8123");
    }

    @Test
    void helidonDiscoversTheRequestedUriFromTheRuntimesForwardedHeaderOnLoopbackOnly() {
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("io.helidon.webserver", "helidon-webserver"))))
                .containsEntry("SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TYPES", "FORWARDED")
                .containsEntry("SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TRUSTED_DASH_PROXIES_ALLOW_EXACT", "127.0.0.1");
    }

    @Test
    void aJettyApplicationGetsItsRequestLinesInAbsoluteForm() {
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("io.javalin", "javalin"),
                library("org.eclipse.jetty", "jetty-server"))))
                .containsEntry("HOVER_REQUEST_TARGET", "absolute-form").containsEntry("PORT", "8123")
                .doesNotContainKey("SERVER_PORT");
        assertThat(ImageEnvironment.of(manifest(Map.of()), "b", List.of(library("org.springframework.boot", "spring-boot"))))
                .doesNotContainKey("HOVER_REQUEST_TARGET");
    }

    @Test
    void theManifestsEnvironmentWinsOverHoversDefaults() {
        Map<String, String> image = ImageEnvironment.of(manifest(Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "framework")), "b",
                List.of(library("org.springframework.boot", "spring-boot")));

        assertThat(image).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "framework");
    }
}
