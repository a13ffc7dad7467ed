package dev.hover.model.validation;

import java.util.Optional;

/** A check of one value: what is wrong with it, or empty when it is fine. */
@FunctionalInterface
public interface Rule<T> {
    Optional<String> check(T value);

    static <T> Rule<T> none() {
        return value -> Optional.empty();
    }

    default Rule<T> and(Rule<? super T> next) {
        return value -> {
            Optional<String> problem = check(value);
            return problem.isPresent() ? problem : next.check(value);
        };
    }
}
