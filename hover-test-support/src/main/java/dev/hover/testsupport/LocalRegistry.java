package dev.hover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-HTTP container registry on loopback (Debian's docker-registry), standing in for ECR's
 * registry, and {@code skopeo} to read back what was pushed to it.
 */
public final class LocalRegistry {

    static final String HOST_PORT_ENV = "HOVER_TEST_REGISTRY";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SKOPEO_TIMEOUT = Duration.ofMinutes(5);
    /** skopeo subcommands that talk to one registry and take {@code --tls-verify}. */
    private static final List<String> SINGLE_REGISTRY_COMMANDS = List.of("inspect", "list-tags", "delete");

    /** The one user of {@link #startWithPassword}'s registry and its password (a throwaway test registry's). */
    public static final String USER = "hover";
    public static final String PASSWORD = "hover-test-password";
    /** {@link #PASSWORD}'s bcrypt hash, as {@code htpasswd -nbB hover hover-test-password} writes it. */
    private static final String HTPASSWD = USER + ":$2b$05$n34eOKInx7Xv8nrqY16yF.KSMZBxgJdY/NHNb6mQPpm4wMB8GS8l6\n";

    private final String hostPort;
    private final Path skopeo;

    private LocalRegistry(String hostPort, Path skopeo) {
        this.hostPort = hostPort;
        this.skopeo = skopeo;
    }

    /** A registry of its own on a free port that wants {@link #USER} and {@link #PASSWORD} (htpasswd). */
    static LocalRegistry startWithPassword(ToolLocator tools) {
        Path skopeo = tools.require("bin/skopeo", "skopeo");
        Path registry = tools.require("bin/docker-registry", "docker-registry");
        Path workDirectory = TempDirectories.create("hover-registry-auth-");
        try {
            Path htpasswd = Files.writeString(workDirectory.resolve("htpasswd"), HTPASSWD);
            return FreePorts.startOnFreePort(port -> start(registry, skopeo, workDirectory, port, "",
                    "auth: {htpasswd: {realm: hover-test, path: '" + htpasswd + "'}}"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the registry's htpasswd", e);
        }
    }

    /**
     * A registry of its own on a free port that speaks HTTPS only, with a self-signed certificate
     * (openssl) for {@code 127.0.0.1} and {@code *.hover.test}: clients must accept unverified TLS.
     */
    static LocalRegistry startWithTls(ToolLocator tools) {
        Path skopeo = tools.require("bin/skopeo", "skopeo");
        Path registry = tools.require("bin/docker-registry", "docker-registry");
        Path workDirectory = TempDirectories.create("hover-registry-tls-");
        Path certificate = workDirectory.resolve("certificate.pem");
        Path key = workDirectory.resolve("key.pem");
        CommandResult.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=hover-test-registry", "-addext", "subjectAltName=IP:127.0.0.1,DNS:*.hover.test",
                "-keyout", key.toString(), "-out", certificate.toString()), START_TIMEOUT).stdoutIfSuccessful();
        return FreePorts.startOnFreePort(port -> start(registry, skopeo, workDirectory, port,
                ", tls: {certificate: '" + certificate + "', key: '" + key + "'}", ""));
    }

    /** The registry named by {@value #HOST_PORT_ENV}, else a new one on a free port. */
    static LocalRegistry startOrReuse(ToolLocator tools) {
        Path skopeo = tools.require("bin/skopeo", "skopeo");
        String running = System.getenv(HOST_PORT_ENV);
        if (running != null && !running.isBlank()) {
            return reuse(running.strip(), skopeo);
        }
        Path registry = tools.require("bin/docker-registry", "docker-registry");
        Path workDirectory = TempDirectories.create("hover-registry-");
        return FreePorts.startOnFreePort(port -> start(registry, skopeo, workDirectory, port, "", ""));
    }

    private static LocalRegistry reuse(String hostPort, Path skopeo) {
        if (!LoopbackHttp.answers(v2(hostPort))) {
            throw new IllegalStateException(HOST_PORT_ENV + "=" + hostPort
                    + " does not answer: run scripts/local-aws start, or unset it to let the tests start their own");
        }
        return new LocalRegistry(hostPort, skopeo);
    }

    private static LocalRegistry start(Path registry, Path skopeo, Path workDirectory, int port, String httpOptions,
                                       String auth) {
        String hostPort = "127.0.0.1:" + port;
        Path config = writeConfig(workDirectory, hostPort, httpOptions, auth);
        LocalProcess process = LocalProcess.start("docker-registry",
                List.of(registry.toString(), "serve", config.toString()),
                LocalProcess.environmentWithoutAws(), workDirectory.resolve("registry-" + port + ".log"));
        process.awaitReady(START_TIMEOUT, () -> LoopbackHttp.answers(v2(hostPort)));
        return new LocalRegistry(hostPort, skopeo);
    }

    /**
     * Debian's default configuration binds every interface and wants htpasswd auth: write our own.
     *
     * @param httpOptions more of the {@code http:} map ({@code , tls: {…}}), or empty
     * @param auth        the {@code auth:} line, or empty for none
     */
    private static Path writeConfig(Path workDirectory, String hostPort, String httpOptions, String auth) {
        Path storage = workDirectory.resolve("storage");
        String yaml = String.join("\n",
                "version: 0.1",
                "log: {level: info, accesslog: {disabled: true}}",
                "storage: {filesystem: {rootdirectory: '" + storage + "'}, delete: {enabled: true}}",
                "http: {addr: '" + hostPort + "', secret: not-a-secret" + httpOptions + "}",
                auth,
                "");
        try {
            Files.createDirectories(storage);
            return Files.writeString(workDirectory.resolve("config-" + hostPort.replace(':', '-') + ".yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the registry configuration", e);
        }
    }

    private static URI v2(String hostPort) {
        return URI.create("http://" + hostPort + "/v2/");
    }

    /** Like {@code 127.0.0.1:40123}. */
    public String hostPort() {
        return hostPort;
    }

    /** {@code docker://<hostPort>/<repositoryAndTag>}, a skopeo image reference. */
    public String imageReference(String repositoryAndTag) {
        return "docker://" + hostPort + "/" + repositoryAndTag;
    }

    /**
     * Runs {@code skopeo <args>} with TLS verification off for the plain-HTTP registry and returns
     * its stdout; fails with its stderr when it exits non-zero.
     */
    public String skopeo(String... args) {
        List<String> command = new ArrayList<>();
        command.add(skopeo.toString());
        // a fresh machine may have no /etc/containers/policy.json; trust is not what these tests check
        command.add("--insecure-policy");
        command.addAll(withPlainHttp(Arrays.asList(args)));
        return CommandResult.run(command, SKOPEO_TIMEOUT).stdoutIfSuccessful();
    }

    static List<String> withPlainHttp(List<String> args) {
        if (args.isEmpty() || args.stream().anyMatch(arg -> arg.contains("tls-verify"))) {
            return args;
        }
        String subcommand = args.get(0);
        List<String> tlsFlags = subcommand.equals("copy") || subcommand.equals("sync")
                ? List.of("--src-tls-verify=false", "--dest-tls-verify=false")
                : SINGLE_REGISTRY_COMMANDS.contains(subcommand) ? List.of("--tls-verify=false") : List.of();
        List<String> result = new ArrayList<>(args.size() + tlsFlags.size());
        result.add(subcommand);
        result.addAll(tlsFlags);
        result.addAll(args.subList(1, args.size()));
        return result;
    }

    @Override
    public String toString() {
        return "registry at " + hostPort;
    }
}
