package dev.hover.runtime;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.ShellQuoting;
import dev.hover.runtime.lambda.ErrorReport;
import dev.hover.runtime.lambda.RuntimeApiClient;
import dev.hover.runtime.secrets.KmsSecretsSource;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secrets JVM of the {@link LaunchCommand}: decrypts the packaged secrets and prints them as
 * {@code export NAME='value'} lines for the shell, which then starts the application's JVM with
 * them in its environment. Its standard output is read by {@code eval}: everything else it says goes
 * to standard error. A failure is reported as the init error, as the runtime's own would be.
 */
public final class SecretsExport {
    private SecretsExport() {
    }

    public static void main(String[] args) {
        long entered = System.currentTimeMillis();
        PrintStream exports = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, String> environment = System.getenv();
        String address = environment.get("AWS_LAMBDA_RUNTIME_API");
        if (address == null) {
            Log.error("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside AWS Lambda (or its emulator)");
            System.exit(2);
        }
        try {
            StageFiles files = new StageFiles(environment);
            PackagedManifest manifest = files.readManifest();
            Map<String, String> secrets = files.decryptSecrets(new KmsSecretsSource(), manifest);
            Map<String, String> exported = new LinkedHashMap<>(secrets);
            exported.put(LaunchCommand.SECRET_NAMES_VARIABLE, String.join(" ", secrets.keySet()));
            exports.print(ShellQuoting.exports(exported));
            exports.flush();
            long jvmStart = ProcessClock.startMillis(entered);
            Log.info("secrets of " + manifest.name() + ": " + secrets.size() + " decrypted in "
                    + (System.currentTimeMillis() - jvmStart) + " ms (process start to main " + (entered - jvmStart)
                    + " ms), before the application's JVM starts");
        } catch (InitException e) {
            Bootstrap.fail(new RuntimeApiClient(address), ErrorReport.diagnosed(e.kind(), e.getMessage(), e.getCause()), e);
        } catch (RuntimeException | Error e) {
            Bootstrap.fail(new RuntimeApiClient(address), ErrorReport.diagnosed("SecretsUnavailable",
                    "The secrets cannot be decrypted: " + e.getClass().getName() + ": " + e.getMessage(), null), e);
        }
    }
}
