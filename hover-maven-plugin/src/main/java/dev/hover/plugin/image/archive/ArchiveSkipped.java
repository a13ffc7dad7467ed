package dev.hover.plugin.image.archive;

/** Why the image has no class-data archive, for the build's log. */
final class ArchiveSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    ArchiveSkipped(String reason) {
        super(reason);
    }
}
