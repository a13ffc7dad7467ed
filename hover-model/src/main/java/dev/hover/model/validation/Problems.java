package dev.hover.model.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file while it is read, so that all of them are reported at once. */
public final class Problems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** Records a problem at a 1-based line and column. */
    public void add(int line, int column, String keyPath, String message) {
        problems.add(new Problem(file, line, column, keyPath, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws ManifestException listing every problem in file order, if there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ManifestException(sorted);
        }
    }
}
