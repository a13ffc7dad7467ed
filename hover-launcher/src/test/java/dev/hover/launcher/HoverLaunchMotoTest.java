package dev.hover.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hover.model.Architecture;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built hover-launch for this machine, run as a container would run it: files sealed by the
 * Java writer with moto's KMS, decrypted by the Go program through the SDK's standard endpoint
 * settings, and a program that prints its PID and its environment in its place. Failures arrive
 * at a loopback stand-in of the Runtime API as the init error, as Lambda would receive them.
 */
class HoverLaunchMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pa55 \"w0rd\" $HOME";
    private static final String PEM_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw";
    private static final String TLS_KEY = "-----BEGIN PRIVATE KEY-----\n" + PEM_LINE + "\n-----END PRIVATE KEY-----";
    private static final String PLAIN = "# the database\nDB_PASSWORD='" + PASSWORD + "'\n"
            + "TLS_KEY=\"" + TLS_KEY.replace("\n", "\\n") + "\"\n";
    /**
     * Prints its PID, arguments, blocked and ignored signals, open descriptors and the limit of
     * open files, then its environment, NUL-separated (values may hold line breaks).
     */
    private static final String PRINT_ENVIRONMENT = """
            #!/bin/sh
            printf 'pid=%s\\0' "$$"
            printf 'arg=%s\\0' "$@"
            printf 'signals=%s\\0' "$(grep -E '^Sig(Blk|Ign)' /proc/$$/status | tr '\\n' ' ')"
            printf 'descriptors=%s\\0' "$(ls /proc/$$/fd | tr '\\n' ' ')"
            printf 'open-files-limit=%s\\0' "$(ulimit -n)"
            exec env -0
            """;

    private static final String OPEN_FILES_LIMIT = "1000";

    private static MotoServer moto;
    private static KmsClient kms;
    private static Path launcher;

    private final List<InitError> initErrors = new CopyOnWriteArrayList<>();
    private HttpServer runtimeApi;

    @TempDir
    Path work;

    record InitError(String kind, String contentType, JsonNode body) {
    }

    record Run(long pid, int exitCode, String stdout, String stderr) {
        /** What the program printed after the launcher became it. */
        Map<String, String> printed() {
            Map<String, String> printed = new LinkedHashMap<>();
            List<String> args = new ArrayList<>();
            for (String entry : stdout.split("\0")) {
                int equals = entry.indexOf('=');
                if (entry.startsWith("arg=")) {
                    args.add(entry.substring(4));
                } else if (equals > 0) {
                    printed.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            printed.put("args", String.join(" ", args));
            return printed;
        }
    }

    @BeforeAll
    static void startMotoAndInstallTheLauncher(@TempDir Path bin) throws IOException {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        launcher = installed(thisMachine(), bin);
    }

    /** The architecture's hover-launch, copied out of the jar as an image builder would. */
    private static Path installed(Architecture architecture, Path directory) throws IOException {
        Path installed = Files.createDirectories(directory).resolve("hover-launch");
        try (InputStream binary = LauncherBinary.forArchitecture(architecture).open()) {
            Files.copy(binary, installed);
        }
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
        return installed;
    }

    private static Architecture thisMachine() {
        String arch = System.getProperty("os.arch");
        return Architecture.ofHost(arch).orElseThrow(() -> new IllegalStateException("hover-launch runs on x86_64 and arm64, not on " + arch));
    }

    @AfterAll
    static void closeClient() {
        kms.close();
    }

    @BeforeEach
    void startRuntimeApi() throws IOException {
        runtimeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        runtimeApi.createContext("/2018-06-01/runtime/init/error", exchange -> {
            initErrors.add(new InitError(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(exchange.getRequestBody().readAllBytes())));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        runtimeApi.start();
    }

    @AfterEach
    void stopRuntimeApi() {
        runtimeApi.stop(0);
    }

    private Path sealed(StageBinding stage, String plain) throws IOException {
        Path file = work.resolve(stage.name() + "/secrets.env");
        new MotoSealedFiles(kms).write(file, stage, plain);
        return file;
    }

    /** The program, on the PATH the launcher looks it up in. */
    private Path programDirectory() throws IOException {
        Path directory = Files.createDirectories(work.resolve("bin"));
        Path program = directory.resolve("print-environment");
        if (!Files.exists(program)) {
            Files.writeString(program, PRINT_ENVIRONMENT);
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return directory;
    }

    private Map<String, String> lambdaEnvironment() throws IOException {
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.put("PATH", programDirectory() + ":/usr/bin:/bin");
        environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
        return environment;
    }

    private Run launch(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        return run(command, environment);
    }

    /**
     * Runs the command with a soft limit of open files below the hard one, as a container may
     * start it: Go raises its own soft limit to the hard one, and must give the program the original.
     */
    private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> limited = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -Sn " + OPEN_FILES_LIMIT + " && exec \"$0\" \"$@\""));
        limited.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(limited);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("hover-launch ends").isTrue();
        return new Run(process.pid(), process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private Run launch(StageBinding expected, Path secrets) throws IOException, InterruptedException {
        return launch(lambdaEnvironment(), expected, secrets, "print-environment", "-cp", "app.jar", "dev.hover.runtime.Bootstrap");
    }

    private Run launch(Map<String, String> environment, StageBinding expected, Path secrets, String... program)
            throws IOException, InterruptedException {
        return launch(environment, arguments(expected, secrets, program).toArray(String[]::new));
    }

    private static List<String> arguments(StageBinding expected, Path secrets, String... program) {
        List<String> arguments = new ArrayList<>(List.of("--name", expected.name(), "--stage", expected.stage(),
                "--secrets", secrets.toString(), "--"));
        arguments.addAll(List.of(program));
        return arguments;
    }

    /** Lambda's environment with KMS out of reach: a test that passes with it shows that KMS was not asked. */
    private Map<String, String> withoutKms() throws IOException {
        Map<String, String> environment = lambdaEnvironment();
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        return environment;
    }

    @Test
    void theProgramRunsInTheLaunchersPlaceWithTheSecretsInItsEnvironment() throws Exception {
        StageBinding stage = new StageBinding("launch-ok-test", "test");
        Path secrets = sealed(stage, PLAIN);
        Map<String, String> environment = lambdaEnvironment();
        // the KMS endpoint of its own wins over the general one, which leads nowhere: the SDK's rule
        environment.put("AWS_ENDPOINT_URL_KMS", environment.get("AWS_ENDPOINT_URL"));
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        environment.put("MODE", "fast");

        Run run = launch(environment, stage, secrets, "print-environment", "-cp", "app.jar", "dev.hover.runtime.Bootstrap");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Map<String, String> printed = run.printed();
        assertThat(printed).containsEntry("pid", Long.toString(run.pid()))
                .containsEntry("args", "-cp app.jar dev.hover.runtime.Bootstrap")
                .containsEntry("DB_PASSWORD", PASSWORD)
                .containsEntry("TLS_KEY", TLS_KEY)
                .containsEntry("HOVER_SECRETS", "DB_PASSWORD TLS_KEY")
                .containsEntry("MODE", "fast")
                .containsEntry("AWS_REGION", MotoServer.REGION);
        assertThat(run.stderr()).matches("hover: secrets of launch-ok-test: 2 decrypted in \\d+ ms, before the application's JVM starts\n");
        assertThat(initErrors).isEmpty();
        // what a JVM needs of its process: no signal blocked, none ignored that its parent did not
        // ignore (the program started directly shows which), none of the launcher's descriptors
        // (the KMS connection) left open, and the parent's limit of open files (Go raises its own)
        Map<String, String> direct = run(List.of(programDirectory().resolve("print-environment").toString()), lambdaEnvironment()).printed();
        assertThat(signalMask(printed, "SigBlk")).isZero();
        assertThat(signalMask(printed, "SigIgn") & ~signalMask(direct, "SigIgn")).isZero();
        assertThat(printed.get("descriptors")).isNotBlank().isEqualTo(direct.get("descriptors"));
        assertThat(printed.get("open-files-limit")).isEqualTo(direct.get("open-files-limit")).isEqualTo(OPEN_FILES_LIMIT);
    }

    /** A mask of /proc/PID/status, e.g. SigIgn, as the program printed it. */
    private static long signalMask(Map<String, String> printed, String name) {
        Matcher mask = Pattern.compile(name + ":\\s+([0-9a-f]{16})").matcher(printed.get("signals"));
        assertThat(mask.find()).as(printed.get("signals")).isTrue();
        return Long.parseUnsignedLong(mask.group(1), 16);
    }

    @Test
    void theOtherArchitecturesLauncherDoesTheSameUnderEmulation() throws Exception {
        Architecture other = thisMachine() == Architecture.X86_64 ? Architecture.ARM64 : Architecture.X86_64;
        Path emulator = LocalAws.userModeEmulator(other == Architecture.ARM64 ? "aarch64" : "x86_64");
        StageBinding stage = new StageBinding("launch-emulated-test", "test");
        Path secrets = sealed(stage, PLAIN);
        List<String> command = new ArrayList<>(List.of(emulator.toString(), installed(other, work.resolve(other.lambdaName())).toString()));
        command.addAll(arguments(stage, secrets, "print-environment"));

        Run run = run(command, lambdaEnvironment());

        // the emulator hands the execve to the kernel: the program runs natively, in the same process
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.printed()).containsEntry("pid", Long.toString(run.pid()))
                .containsEntry("DB_PASSWORD", PASSWORD)
                .containsEntry("TLS_KEY", TLS_KEY)
                .containsEntry("HOVER_SECRETS", "DB_PASSWORD TLS_KEY");
        assertThat(run.stderr()).matches("hover: secrets of launch-emulated-test: 2 decrypted in \\d+ ms, before the application's JVM starts\n");
    }

    @Test
    void aFileOfAnotherStageIsAnInitErrorBeforeKMSIsAsked() throws Exception {
        Path secrets = sealed(new StageBinding("launch-production", "production"), PLAIN);

        Run run = launch(withoutKms(), new StageBinding("launch-test", "test"), secrets, "print-environment");

        assertFailed(run, "The secrets cannot be decrypted: the packaged secrets file " + secrets
                + " belongs to stage production (name launch-production), not to stage test (name launch-test): each stage has"
                + " its own key; decrypt it for its own stage, and encrypt a plain file for test");
    }

    @Test
    void aDataKeyOfAnotherContextIsRefusedByKMS() throws Exception {
        Path production = sealed(new StageBinding("launch-context-production", "production"), PLAIN);
        StageBinding test = new StageBinding("launch-context-test", "test");
        sealed(test, "OTHER=1\n");
        // production's file, its header claiming the test stage: the data key's context is production's
        Path forged = work.resolve("forged.env");
        Files.writeString(forged, Files.readString(production)
                .replace("name: launch-context-production\nstage: production\n", "name: launch-context-test\nstage: test\n"));

        Run run = launch(test, forged);

        assertFailed(run, "The secrets cannot be decrypted: KMS refuses the encrypted data key under this stage's encryption context:"
                + " the data key in the file was altered, or the file belongs to another stage or app");
    }

    @Test
    void aTamperedFileFailsItsIntegrityCheck() throws Exception {
        StageBinding stage = new StageBinding("launch-tampered-test", "test");
        Path secrets = sealed(stage, PLAIN);
        String text = Files.readString(secrets);
        int content = text.indexOf("sealed:\n  ") + "sealed:\n  ".length();
        Files.writeString(secrets, text.substring(0, content) + (text.charAt(content) == 'A' ? 'B' : 'A') + text.substring(content + 1));

        Run run = launch(stage, secrets);

        assertFailed(run, "The secrets cannot be decrypted: the packaged secrets file " + secrets
                + ": the sealed content fails its integrity check (AES-GCM tag): the file was altered after encryption");
    }

    @Test
    void aMissingFileIsAnInitError() throws Exception {
        Path missing = work.resolve("no/secrets.env");

        Run run = launch(new StageBinding("launch-missing-test", "test"), missing);

        assertFailed(run, "The secrets cannot be decrypted: cannot read the packaged secrets file " + missing + ": no such file or directory");
    }

    @Test
    void aSecretAlreadyInTheEnvironmentIsRefusedBeforeKMSIsAsked() throws Exception {
        StageBinding stage = new StageBinding("launch-conflict-test", "test");
        Path secrets = sealed(stage, PLAIN);
        Map<String, String> environment = withoutKms();
        environment.put("DB_PASSWORD", "from the manifest");

        Run run = launch(environment, stage, secrets, "print-environment");

        assertFailed(run, "The secrets cannot be decrypted: DB_PASSWORD is set both in the environment of the function and in the"
                + " secrets of stage test (.hover/test-secrets.env): a secret overrides nothing; remove one of them");
    }

    @Test
    void aProgramThatCannotBeFoundIsAnInitErrorBeforeKMSIsAsked() throws Exception {
        StageBinding stage = new StageBinding("launch-no-program-test", "test");
        Path secrets = sealed(stage, PLAIN);

        Run run = launch(withoutKms(), stage, secrets, "no-such-java");

        assertFailed(run, "Runtime.AppStartFailed",
                "The application cannot be started: exec: \"no-such-java\": executable file not found in $PATH");
    }

    @Test
    void outsideLambdaAFailureIsLoggedOnlyAndAWrongCommandLineGetsTheUsage() throws Exception {
        Map<String, String> environment = lambdaEnvironment();
        environment.remove("AWS_LAMBDA_RUNTIME_API");

        Run noRuntimeApi = launch(environment, new StageBinding("n", "s"), work.resolve("none"), "true");
        Run usage = launch(environment, "--name", "n", "--", "true");

        assertThat(noRuntimeApi.exitCode()).isEqualTo(2);
        assertThat(noRuntimeApi.stderr()).startsWith("hover: init failed: Runtime.SecretsUnavailable: The secrets cannot be decrypted: cannot read")
                .contains("hover: AWS_LAMBDA_RUNTIME_API is not set, so this is not reported as the init error");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).isEqualTo("hover-launch: --stage is missing\nusage: hover-launch --name <app name> --stage <stage>"
                + " --secrets <encrypted file> -- <program> [args...]\nDecrypts the stage's secrets file with KMS, then replaces itself"
                + " with <program>, the secrets in its environment.\n");
        assertThat(initErrors).isEmpty();
    }

    private void assertFailed(Run run, String message) {
        assertFailed(run, "Runtime.SecretsUnavailable", message);
    }

    private void assertFailed(Run run, String kind, String message) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).as("the program never ran").isEmpty();
        assertThat(run.stderr()).isEqualTo("hover: init failed: " + kind + ": " + message + "\n");
        assertThat(initErrors).hasSize(1);
        InitError error = initErrors.get(0);
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.contentType()).isEqualTo("application/vnd.aws.lambda.error+json");
        assertThat(error.body().get("errorType").asText()).isEqualTo(kind);
        assertThat(error.body().get("errorMessage").asText()).isEqualTo(message);
        assertThat(error.body().get("stackTrace").isArray()).isTrue();
        assertThat(error.body().get("stackTrace")).isEmpty();
        assertThat(run.stderr() + error.body()).doesNotContain(PASSWORD, PEM_LINE);
    }
}
