package dev.hover.plugin.image;

import dev.hover.model.Assets;
import dev.hover.model.Auth;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.StageManifest;
import dev.hover.secrets.EncryptedSecretsFile;
import dev.hover.secrets.StageBinding;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A small web application laid out as Maven leaves it after {@code package}: compiled classes and
 * resources in {@code target/classes}, test classes beside them, two library jars (a release and a
 * snapshot), and a {@code .hover/} directory with the stage manifest, the encrypted secrets and a
 * plain secrets file that must never reach the image.
 */
final class SampleProject {
    static final String STAGE = "staging";
    static final String MAIN_CLASS = "demo.App";

    final Path directory;
    final Path classes;
    final Path testClasses;
    final Path manifestFile;
    final List<Dependency> dependencies = new ArrayList<>();
    private final int port;

    private SampleProject(Path directory, int port) {
        this.directory = directory;
        this.classes = directory.resolve("target/classes");
        this.testClasses = directory.resolve("target/test-classes");
        this.manifestFile = directory.resolve(".hover/" + STAGE + ".yml");
        this.port = port;
    }

    /** @param port where the application listens, on loopback */
    static SampleProject create(Path directory, int port) throws IOException {
        SampleProject project = new SampleProject(directory, port);
        Files.createDirectories(directory.resolve(".hover"));
        Files.writeString(project.manifestFile, "name: demo-staging\nregion: us-east-1\n");
        project.writeSecrets((byte) 0);
        Files.writeString(directory.resolve(".hover/" + STAGE + "-secrets.plain.env"), "API_KEY=plain-secret\n");
        project.compile(project.classes, Map.of(
                "demo/App.java", app(port),
                "demo/Greeting.java", greeting("Hello from the sample app")));
        Files.writeString(project.classes.resolve("application.properties"), "greeting.source=resources\n");
        project.compile(project.testClasses, Map.of("demo/AppTest.java", "package demo; class AppTest {}"));
        project.dependencies.add(project.jar("com.example", "release-lib", "1.2.0", false));
        project.dependencies.add(project.jar("com.example", "snapshot-lib", "0.3.0-SNAPSHOT", true));
        return project;
    }

    /**
     * Writes {@code .hover/staging-secrets.env} in the real format, with {@code fill} for the key
     * and content bytes: the build reads the key names, it never decrypts.
     */
    void writeSecrets(byte fill) throws IOException {
        byte[] dataKey = new byte[64];
        byte[] nonce = new byte[12];
        byte[] sealed = new byte[48];
        java.util.Arrays.fill(dataKey, fill);
        java.util.Arrays.fill(nonce, fill);
        java.util.Arrays.fill(sealed, fill);
        Files.writeString(directory.resolve(".hover/" + STAGE + "-secrets.env"), new EncryptedSecretsFile(
                new StageBinding("demo-staging", STAGE), "arn:aws:kms:us-east-1:123456789012:key/demo", List.of("API_KEY"),
                dataKey, nonce, sealed).render());
    }

    /** Recompiles {@code demo.Greeting} only, as an incremental compile after a one-class change. */
    void changeGreeting(String text) throws IOException {
        compile(classes, Map.of("demo/Greeting.java", greeting(text)));
    }

    StageManifest manifest(String baseImage) {
        return manifest(baseImage, Assets.NONE, Optional.of(MAIN_CLASS));
    }

    StageManifest manifest(String baseImage, Assets assets, Optional<String> mainClass) {
        return manifest(baseImage, assets, mainClass, new HttpFunction(HttpFunction.DEFAULT_MEMORY,
                HttpFunction.DEFAULT_TIMEOUT, 0, OptionalInt.empty(), List.of(), Optional.empty(), port, "/"));
    }

    /** With {@code http.prime} paths, each requested {@code rounds} times (without SnapStart: in the archive's training). */
    StageManifest manifest(String baseImage, List<String> prime, int rounds) {
        return manifest(baseImage, Assets.NONE, Optional.of(MAIN_CLASS), new HttpFunction(HttpFunction.DEFAULT_MEMORY,
                HttpFunction.DEFAULT_TIMEOUT, 0, OptionalInt.empty(), List.of(), Optional.empty(), port, "/", false,
                prime, rounds));
    }

    private StageManifest manifest(String baseImage, Assets assets, Optional<String> mainClass, HttpFunction http) {
        JavaSettings defaults = JavaSettings.defaults();
        JavaSettings java = new JavaSettings(baseImage, defaults.architecture(), defaults.jvmOptions(), mainClass,
                Optional.empty());
        return new StageManifest(STAGE, "demo-staging", Optional.empty(), "us-east-1",
                Map.of("GREETING_SOURCE", "manifest", "APP_ENV", "staging"), Auth.NONE, Optional.empty(),
                List.of(), java, http, CliFunction.defaults(), Map.of(), assets, List.of());
    }

    ApplicationFiles files(List<Dependency> runtime) {
        return new ApplicationFiles(directory, classes, dependencies, runtime, Optional.empty());
    }

    private Dependency jar(String groupId, String artifactId, String version, boolean snapshot) throws IOException {
        Path file = directory.resolve("repository/" + artifactId + "-" + version + ".jar");
        writeJar(file, Map.of("META-INF/" + artifactId + ".txt", artifactId + " " + version));
        return new Dependency(groupId, artifactId, version, snapshot, file);
    }

    /** A jar whose bytes depend only on its entries. */
    static void writeJar(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                jarEntry.setLastModifiedTime(FileTime.fromMillis(0));
                jar.putNextEntry(jarEntry);
                jar.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }

    void compile(Path output, Map<String, String> sources) throws IOException {
        Path sourceDirectory = Files.createTempDirectory(directory, "src");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString(),
                "-cp", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDirectory.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        Files.createDirectories(output);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (compiler.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The sample app does not compile: " + errors);
        }
    }

    private static String app(int port) {
        return """
                package demo;

                import com.sun.net.httpserver.HttpServer;
                import java.io.OutputStream;
                import java.net.InetAddress;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;

                public class App {
                    public static void main(String[] args) throws Exception {
                        // PORT as the image gives it; the build's training run sets a free one
                        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "%d"));
                        HttpServer server = HttpServer.create(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                        server.createContext("/", exchange -> {
                            // what the application saw, e.g. the build's priming requests in its training log
                            System.out.println("demo.App served " + exchange.getRequestURI());
                            byte[] body = (Greeting.text() + " at " + exchange.getRequestURI().getPath())
                                    .getBytes(StandardCharsets.UTF_8);
                            exchange.getResponseHeaders().add("Content-Type", "text/plain");
                            exchange.sendResponseHeaders(200, body.length);
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(body);
                            }
                        });
                        server.start();
                    }
                }
                """.formatted(port);
    }

    private static String greeting(String text) {
        return "package demo; public class Greeting { public static String text() { return \"" + text + "\"; } }";
    }
}
