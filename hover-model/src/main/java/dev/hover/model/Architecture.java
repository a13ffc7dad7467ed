package dev.hover.model;

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
}
