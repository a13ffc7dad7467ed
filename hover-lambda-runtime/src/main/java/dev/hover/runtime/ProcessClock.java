package dev.hover.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When this process started, for the cold start log line. {@code ProcessHandle}'s start instant is
 * off by up to a second on Linux (it adds the boot time, in whole seconds) and the management
 * API costs ~100 ms of class loading; the process's age in clock ticks against the system's
 * uptime is exact to 10 ms and costs two small reads.
 */
final class ProcessClock {
    /** Linux's USER_HZ, fixed at 100 on every architecture Lambda runs. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessClock() {
    }

    /** @return epoch milliseconds of the process start, or {@code fallback} where /proc cannot tell */
    static long startMillis(long fallback) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            long now = System.currentTimeMillis();
            // fields after the command name, which is in parentheses and may hold spaces;
            // starttime is field 22, the 20th after the closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptimeSeconds = uptime.substring(0, uptime.indexOf(' '));
            int dot = uptimeSeconds.indexOf('.');
            long uptimeMillis = Long.parseLong(uptimeSeconds.substring(0, dot)) * 1000
                    + Long.parseLong(uptimeSeconds.substring(dot + 1)) * 10;
            return now - (uptimeMillis - startTicks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
