package dev.hover.plugin.image;

import dev.hover.model.packaged.RequestTarget;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the application is told in its environment so that it serves on {@code http.port} and
 * builds its redirects and absolute URLs from the public request (the {@code X-Forwarded-*}
 * headers the runtime sends, or the request line for Jetty), with no change to its code or configuration: {@code PORT} for every
 * application, then the settings of the framework found among its dependencies (docs/image.md,
 * "Environment"). The manifest's {@code environment} wins over any of them.
 */
public final class FrameworkDefaults {
    private record Framework(String name, String artifact, Map<String, String> fixed, List<String> portVariables) {
    }

    private static final List<Framework> FRAMEWORKS = List.of(
            // "native": the embedded server (Tomcat's RemoteIpValve, Jetty, Undertow, Reactor Netty)
            // trusts X-Forwarded-* from loopback, as Spring Boot does by itself on the platforms it detects
            new Framework("Spring Boot", "org.springframework.boot:spring-boot",
                    Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "native"), List.of("SERVER_PORT")),
            new Framework("Quarkus", "io.quarkus:quarkus-vertx-http",
                    ordered("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                            "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true"),
                    List.of("QUARKUS_HTTP_PORT")),
            // Micronaut's host resolver reads X-Forwarded-Host/-Proto/-Port by default
            new Framework("Micronaut", "io.micronaut:micronaut-http-server", Map.of(), List.of("MICRONAUT_SERVER_PORT")),
            // requested-uri-discovery from the Forwarded header the runtime writes, trusted from the
            // runtime's loopback connection only (Helidon refuses to start trusting no proxy); Helidon's
            // environment names spell a dash _DASH_
            new Framework("Helidon", "io.helidon.webserver:helidon-webserver",
                    ordered("SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TYPES", "FORWARDED",
                            "SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TRUSTED_DASH_PROXIES_ALLOW_EXACT", "127.0.0.1"),
                    List.of("SERVER_PORT")),
            // Jetty (Javalin, …) trusts forwarded headers only with code (ForwardedRequestCustomizer), but takes
            // the scheme and host of an absolute-form request line: the runtime writes those for it
            new Framework("Jetty", "org.eclipse.jetty:jetty-server",
                    Map.of(RequestTarget.VARIABLE, RequestTarget.ABSOLUTE_FORM.value()), List.of()));

    private FrameworkDefaults() {
    }

    /** Every variable through which some framework is told {@code http.port}, {@code PORT} first. */
    public static Set<String> portVariables() {
        Set<String> names = new LinkedHashSet<>(List.of("PORT"));
        FRAMEWORKS.forEach(framework -> names.addAll(framework.portVariables()));
        return names;
    }

    static Map<String, String> of(List<Dependency> dependencies, int port) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PORT", Integer.toString(port));
        for (Framework framework : FRAMEWORKS) {
            if (dependencies.stream().anyMatch(d -> d.key().equals(framework.artifact()))) {
                framework.portVariables().forEach(name -> variables.put(name, Integer.toString(port)));
                variables.putAll(framework.fixed());
            }
        }
        return variables;
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
