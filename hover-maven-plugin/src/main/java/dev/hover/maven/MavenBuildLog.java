package dev.hover.maven;

import dev.hover.plugin.image.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The services' log, written to Maven's. */
final class MavenBuildLog implements BuildLog {
    private final Log log;
    private final boolean quiet;

    MavenBuildLog(Log log) {
        this(log, false);
    }

    private MavenBuildLog(Log log, boolean quiet) {
        this.log = log;
        this.quiet = quiet;
    }

    /** For a second look at what a build reported already (deploy's freshness check): all of it at debug level. */
    static BuildLog quiet(Log log) {
        return new MavenBuildLog(log, true);
    }

    @Override
    public void info(String message) {
        if (quiet) {
            log.debug(message);
        } else {
            log.info(message);
        }
    }

    @Override
    public void warn(String message) {
        if (quiet) {
            log.debug(message);
        } else {
            log.warn(message);
        }
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
