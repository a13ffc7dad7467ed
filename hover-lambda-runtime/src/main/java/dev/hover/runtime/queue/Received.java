package dev.hover.runtime.queue;

/**
 * A record of the batch as the worker read it: its job message, or why it is not one.
 *
 * @param message the job, or null when the body is not a job message
 * @param invalid why the body is not a job message, or null
 */
record Received(SqsRecord record, JobMessage message, InvalidJobMessageException invalid) {

    static Received of(SqsRecord record) {
        try {
            return new Received(record, JobMessageCodec.decode(record.body()), null);
        } catch (InvalidJobMessageException e) {
            return new Received(record, null, e);
        }
    }

    /**
     * How often a container died (or an invocation failed) while it held this job unfinished: the
     * runtime's own count from earlier copies, plus this copy's receives that did not settle it.
     */
    int crashes() {
        int earlier = message == null ? 0 : message.delivery().crashes();
        return earlier + record.receiveCount() - 1;
    }

    /** What a copy of this job carries when it goes back unchanged: its attempt, its crashes so far. */
    Delivery delivery() {
        return message.delivery().withCrashes(crashes());
    }

    /** A record that came back after a container died with it, or an invocation failed: maybe poison. */
    boolean suspect() {
        return crashes() > 0;
    }
}
