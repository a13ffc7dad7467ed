package dev.hover.plugin.stage;

import java.io.Console;
import java.util.Optional;

/** Asks on the JVM's console: only there when a person runs Maven in a terminal. */
public final class ConsolePrompter implements Prompter {
    private final Console console;

    private ConsolePrompter(Console console) {
        this.console = console;
    }

    /** A prompter when a terminal is attached, else empty (CI, pipes, IDEs). */
    public static Optional<Prompter> ifTerminal() {
        return Optional.ofNullable(System.console()).map(ConsolePrompter::new);
    }

    @Override
    public Optional<String> ask(String question) {
        String line = console.readLine("%s ", question);
        if (line == null) {
            throw new StageException("no answer to '" + question + "': the input ended");
        }
        return Optional.of(line.strip()).filter(answer -> !answer.isEmpty());
    }

    @Override
    public void tell(String message) {
        console.printf("%s%n", message);
        console.flush();
    }
}
