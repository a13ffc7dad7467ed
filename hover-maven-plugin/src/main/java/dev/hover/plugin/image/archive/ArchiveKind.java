package dev.hover.plugin.image.archive;

import dev.hover.plugin.image.ImageLayout;

import java.util.List;

/**
 * The two forms of the class-data archive, by the base image's Java: the dynamic AppCDS archive
 * (Java 17–23), which the training JVM writes when it exits; and the AOT cache of JEP 483
 * (Java 24+), which also holds the classes linked, and from Java 25 the method profiles (JEP 515),
 * of the training. The AOT cache is made in two steps on every Java 24+: the training records an
 * AOT configuration ({@code -XX:AOTMode=record}) and a second JVM creates the cache from it
 * ({@code -XX:AOTMode=create}). Java 25's one-step {@code -XX:AOTCacheOutput} does the same with a
 * child JVM of its own; two steps keep one way for 24 and 25, and the second step's status, log
 * and time limit the build's own.
 */
enum ArchiveKind {
    DYNAMIC_APP_CDS(ImageLayout.CLASS_DATA_ARCHIVE, "-XX:SharedArchiveFile=", ".jsa", "dynamic AppCDS archive"),
    AOT_CACHE(ImageLayout.AOT_CACHE, "-XX:AOTCache=", ".aot", "AOT cache");

    static final int FIRST_AOT_JAVA = 24;
    /**
     * The options the JVM refuses beside {@code -XX:AOTCache}: it does not start ("Option AOTCache
     * cannot be used at the same time with -Xshare:on, -Xshare:auto, -Xshare:off, …").
     */
    static final List<String> CONFLICTING_WITH_AOT = List.of("-Xshare:", "-XX:SharedArchiveFile",
            "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:ArchiveClassesAtExit");

    /** Where the archive is in the image. */
    final String inImage;
    /** The start of the entry point's option that names it. */
    final String optionPrefix;
    /** The file's suffix where it is kept between builds. */
    final String suffix;
    /** For the build's log. */
    final String description;

    ArchiveKind(String inImage, String optionPrefix, String suffix, String description) {
        this.inImage = inImage;
        this.optionPrefix = optionPrefix;
        this.suffix = suffix;
        this.description = description;
    }

    static ArchiveKind forJava(int version) {
        return version >= FIRST_AOT_JAVA ? AOT_CACHE : DYNAMIC_APP_CDS;
    }

    /** The entry point's option that names the archive in the image. */
    String option() {
        return optionPrefix + inImage;
    }

    /** The first of {@code options} that the JVM refuses beside this archive, if any. */
    java.util.Optional<String> conflicting(List<String> options) {
        if (this != AOT_CACHE) {
            return java.util.Optional.empty();
        }
        return options.stream().filter(option -> CONFLICTING_WITH_AOT.stream().anyMatch(option::startsWith)).findFirst();
    }
}
