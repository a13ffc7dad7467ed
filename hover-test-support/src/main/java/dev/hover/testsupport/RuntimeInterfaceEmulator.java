package dev.hover.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS's Lambda Runtime Interface Emulator, run outside a container: it serves the Runtime API to a
 * bootstrap command and takes invocations over HTTP.
 */
public final class RuntimeInterfaceEmulator {

    static final String DEFAULT_FUNCTION_NAME = "hover-test-function";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path executable;

    private RuntimeInterfaceEmulator(Path executable) {
        this.executable = executable;
    }

    static RuntimeInterfaceEmulator find(ToolLocator tools) {
        return new RuntimeInterfaceEmulator(tools.require("bin/aws-lambda-rie", "aws-lambda-rie"));
    }

    /**
     * Starts the emulator for {@code bootstrapCommand}, on free ports. The bootstrap sees
     * {@code environment} over defaults for the function name, region and dummy credentials
     * (never the caller's own AWS settings); set {@code AWS_LAMBDA_FUNCTION_TIMEOUT} (seconds) for a
     * timeout other than the emulator's 300 s. The function initialises on the first invocation.
     */
    public EmulatedFunction start(List<String> bootstrapCommand, Map<String, String> environment) {
        if (bootstrapCommand.isEmpty()) {
            throw new IllegalArgumentException("the bootstrap command is empty");
        }
        Path workDirectory = TempDirectories.create("hover-rie-");
        return FreePorts.startOnFreePort(port -> start(bootstrapCommand, functionEnvironment(environment), workDirectory, port));
    }

    private EmulatedFunction start(List<String> bootstrapCommand, Map<String, String> environment, Path workDirectory,
                                   int invokePort) {
        int runtimeApiPort = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                "--runtime-api-address", "127.0.0.1:" + runtimeApiPort));
        command.addAll(bootstrapCommand);
        LocalProcess process = LocalProcess.start("aws-lambda-rie", command, environment,
                workDirectory.resolve("function-" + invokePort + ".log"));
        EmulatedFunction function = new EmulatedFunction(process, invokePort, timeoutOf(environment));
        process.awaitReady(START_TIMEOUT, function::answers);
        return function;
    }

    private static Map<String, String> functionEnvironment(Map<String, String> given) {
        Map<String, String> environment = LocalProcess.environmentWithoutAws();
        environment.put("AWS_LAMBDA_FUNCTION_NAME", DEFAULT_FUNCTION_NAME);
        environment.put("AWS_REGION", MotoServer.REGION);
        environment.put("AWS_DEFAULT_REGION", MotoServer.REGION);
        environment.put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_ACCESS_KEY);
        environment.putAll(given);
        return environment;
    }

    private static Duration timeoutOf(Map<String, String> environment) {
        String seconds = environment.get("AWS_LAMBDA_FUNCTION_TIMEOUT");
        try {
            return Duration.ofSeconds(seconds == null ? 300 : Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AWS_LAMBDA_FUNCTION_TIMEOUT must be whole seconds, not '" + seconds + "'", e);
        }
    }
}
