package dev.hover.model.validation;

import dev.hover.model.HoverException;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest that cannot be used, with every problem found in it, not just the first. */
public class ManifestException extends HoverException {
    private final List<Problem> problems;

    public ManifestException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** In file order. */
    public List<Problem> problems() {
        return problems;
    }
}
