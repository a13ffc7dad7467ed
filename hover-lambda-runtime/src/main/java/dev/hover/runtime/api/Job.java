package dev.hover.runtime.api;

/**
 * Work done later by a queue function. The class is the handler; {@code D} is the job's data, which
 * travels in the queue message as JSON: a record (or a String, number, boolean, enum, List, Set, Map,
 * Optional or java.time value, nested as deep as needed) with the built-in codec, anything else with
 * a {@link JobDataCodec}. The class must implement {@code Job<D>} naming {@code D} (directly or
 * through a superclass) so the worker knows what to decode.
 *
 * <p>The worker creates the handler with the application's {@link JobFactory} (by default its public
 * no-arg constructor), so dependencies may be injected there; the data is passed to each call.
 *
 * @param <D> the job's data
 */
public interface Job<D> {

    /**
     * Does the work. Returning normally means done (the message is deleted); an exception means this
     * attempt failed (retried after the backoff while tries are left).
     */
    void handle(D data, JobContext context) throws Exception;

    /**
     * Called once when the job has failed for good: its last try threw, timed out, or it was received
     * after its tries were used up. Exceptions thrown here are logged and otherwise ignored.
     */
    default void failed(D data, Throwable cause, JobContext context) {
    }
}
