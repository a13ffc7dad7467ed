package dev.hover.runtime.api;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** What a running {@link Command} is given. */
public interface CommandContext {

    /** The words after the command's name, unquoted as a shell would. */
    List<String> args();

    /** The command's output; it is interleaved with what the command prints to System.out/err. */
    PrintWriter out();

    /**
     * When the command will be stopped (interrupted) because the function's own deadline is near.
     * Long commands should check {@link Thread#interrupted()} or stop before this.
     */
    Instant deadline();
}
