package dev.hover.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The CPU architecture of the image and the functions, spelled as Lambda spells it. */
public enum Architecture {
    X86_64("x86_64", "amd64"),
    ARM64("arm64", "arm64");

    private final String lambdaName;
    private final String ociName;

    Architecture(String lambdaName, String ociName) {
        this.lambdaName = lambdaName;
        this.ociName = ociName;
    }

    /** As the manifest and Lambda's {@code Architectures} spell it. */
    public String lambdaName() {
        return lambdaName;
    }

    /** As an OCI image platform spells it. */
    public String ociName() {
        return ociName;
    }

    /**
     * @param osArch the JVM's {@code os.arch}: {@code amd64} or {@code x86_64}, {@code aarch64} or {@code arm64}
     * @return the architecture of that host, or empty for one Lambda does not run
     */
    public static Optional<Architecture> ofHost(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        String oci = arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch;
        return Arrays.stream(values()).filter(candidate -> candidate.ociName.equals(oci)).findFirst();
    }
}
