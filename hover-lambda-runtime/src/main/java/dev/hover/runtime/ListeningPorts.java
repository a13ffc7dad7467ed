package dev.hover.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP ports this process listens on, read from Linux's {@code /proc}: the sockets among its
 * file descriptors that {@code /proc/self/net/tcp} and {@code tcp6} list in the LISTEN state. The
 * runtime itself listens on none, so in a container they are the application's. Empty where
 * {@code /proc} is not there to read.
 */
final class ListeningPorts {
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    static Set<Integer> ofThisProcess() {
        Set<String> sockets = socketInodes();
        Set<Integer> ports = new TreeSet<>();
        if (sockets.isEmpty()) {
            return ports;
        }
        for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …"
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).trim().split("\\s+");
                if (fields.length > 9 && fields[3].equals(LISTEN) && sockets.contains(fields[9])) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** The inodes of the sockets among this process's file descriptors ({@code socket:[inode]}). */
    private static Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to tell
        }
        return inodes;
    }
}
