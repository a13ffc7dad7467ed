package dev.hover.testsupport;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The local stand-ins for AWS that integration tests talk to. Each is started once per JVM on a
 * free loopback port when first asked for, and stopped when the JVM exits; or, for moto and the
 * registry, reused when {@code HOVER_TEST_MOTO_ENDPOINT} / {@code HOVER_TEST_REGISTRY} name a
 * running one ({@code scripts/local-aws start}).
 *
 * <p>The programs are looked up in {@code <repo>/.local-aws/} ({@code HOVER_LOCAL_AWS_HOME}
 * overrides it), then on the PATH; {@code scripts/local-aws install} installs them.
 */
public final class LocalAws {

    private static final ToolLocator TOOLS = ToolLocator.fromEnvironment();

    private static MotoServer moto;
    private static LocalRegistry registry;
    private static LocalRegistry registryWithPassword;
    private static LocalRegistry registryWithTls;
    private static CfnLint cfnLint;
    private static RuntimeInterfaceEmulator rie;
    private static CloudFrontFunctionRunner cloudFrontFunctions;

    private LocalAws() {
    }

    public static synchronized MotoServer moto() {
        if (moto == null) {
            moto = MotoServer.startOrReuse(TOOLS);
        }
        return moto;
    }

    public static synchronized LocalRegistry registry() {
        if (registry == null) {
            registry = LocalRegistry.startOrReuse(TOOLS);
        }
        return registry;
    }

    /** A registry of its own that wants {@link LocalRegistry#USER} and {@link LocalRegistry#PASSWORD}. */
    public static synchronized LocalRegistry registryWithPassword() {
        if (registryWithPassword == null) {
            registryWithPassword = LocalRegistry.startWithPassword(TOOLS);
        }
        return registryWithPassword;
    }

    /** A registry of its own that speaks HTTPS only, with a self-signed certificate. */
    public static synchronized LocalRegistry registryWithTls() {
        if (registryWithTls == null) {
            registryWithTls = LocalRegistry.startWithTls(TOOLS);
        }
        return registryWithTls;
    }

    public static synchronized CfnLint cfnLint() {
        if (cfnLint == null) {
            cfnLint = CfnLint.find(TOOLS);
        }
        return cfnLint;
    }

    /**
     * QEMU's user-mode emulator of a CPU ({@code qemu-<cpu>-static}, Debian's qemu-user-static), which
     * runs a static Linux executable of another architecture, e.g. the arm64 hover-launch on x86_64.
     *
     * @param cpu QEMU's name of the CPU: {@code aarch64} or {@code x86_64}
     */
    public static Path userModeEmulator(String cpu) {
        String name = "qemu-" + cpu + "-static";
        return ToolLocator.onPath(name).orElseThrow(() -> TOOLS.missing(name, " (Debian's qemu-user-static)"));
    }

    /** actionlint, which checks GitHub Actions workflows, when it is installed. */
    public static Optional<Path> actionlint() {
        return TOOLS.local("bin/actionlint").or(() -> ToolLocator.onPath("actionlint"));
    }

    /** Node.js, running CloudFront Functions' code as CloudFront's JavaScript runtime would. */
    public static synchronized CloudFrontFunctionRunner cloudFrontFunctions() {
        if (cloudFrontFunctions == null) {
            cloudFrontFunctions = CloudFrontFunctionRunner.find(TOOLS);
        }
        return cloudFrontFunctions;
    }

    public static synchronized RuntimeInterfaceEmulator rie() {
        if (rie == null) {
            rie = RuntimeInterfaceEmulator.find(TOOLS);
        }
        return rie;
    }
}
