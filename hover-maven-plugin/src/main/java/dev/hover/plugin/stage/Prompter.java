package dev.hover.plugin.stage;

import java.util.Optional;

/** A person at a terminal who can answer questions. */
public interface Prompter {

    /**
     * Asks one question.
     *
     * @return the answer, trimmed; empty when the person just pressed enter
     * @throws StageException when no answer can come any more (end of input)
     */
    Optional<String> ask(String question);

    /** Tells the person something, e.g. why an answer was not taken. */
    void tell(String message);
}
