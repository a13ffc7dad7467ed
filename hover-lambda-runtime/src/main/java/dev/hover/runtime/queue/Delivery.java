package dev.hover.runtime.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * What the runtime itself knows of a job's past, carried in the message it sends the job back on
 * (SQS's receive count cannot tell a run from a redelivery).
 *
 * @param attempt   the attempt this message is for, from 1: the attempts that ran before it, plus one
 * @param crashes   how often a container died (or an invocation ran out) while it held this job unfinished
 * @param notBefore when a backoff longer than SQS's 15-minute delay ends; the job does not run before it
 * @param lastError the failure of its last attempt, when that attempt's failure hook could not run yet
 */
public record Delivery(int attempt, int crashes, Optional<Instant> notBefore, Optional<String> lastError) {
    /** A job as dispatched. */
    public static final Delivery FIRST = new Delivery(1, 0, Optional.empty(), Optional.empty());

    public Delivery {
        if (attempt < 1 || crashes < 0) {
            throw new IllegalArgumentException("attempt must be at least 1 and crashes at least 0, were " + attempt + ", " + crashes);
        }
    }

    /** The next attempt after one that ran to an end: it proved not to kill its container. */
    Delivery next() {
        return new Delivery(attempt + 1, 0, Optional.empty(), Optional.empty());
    }

    Delivery withCrashes(int total) {
        return new Delivery(attempt, total, notBefore, lastError);
    }

    Delivery notBefore(Instant instant) {
        return new Delivery(attempt, crashes, Optional.of(instant), lastError);
    }

    /** Past its last try, with the failure its hook is to be told about. */
    Delivery exhausted(int tries, String failure) {
        return new Delivery(Math.max(attempt, tries) + 1, 0, Optional.empty(), Optional.of(failure));
    }
}
