package dev.hover.runtime.api;

import dev.hover.runtime.queue.JobEnvironment;

/**
 * Dispatches jobs to the stage's queues and sets how jobs are created and their data mapped.
 *
 * <pre>{@code
 * Jobs.dispatch(SendInvoice.class, new SendInvoice.Data(invoiceId));
 * Jobs.job(SendInvoice.class, data).onQueue("mail").delay(Duration.ofMinutes(5)).tries(5).dispatch();
 * }</pre>
 */
public final class Jobs {
    private Jobs() {
    }

    /** Sends the job to the default queue, with the queue function's tries, backoff and timeout. */
    public static <D> String dispatch(Class<? extends Job<D>> job, D data) {
        return job(job, data).dispatch();
    }

    /** A job to configure before {@link PendingJob#dispatch()}. */
    public static <D> PendingJob job(Class<? extends Job<D>> job, D data) {
        return new PendingJob(job, data);
    }

    public static void useFactory(JobFactory factory) {
        JobEnvironment.shared().useFactory(factory);
    }

    public static void useDataCodec(JobDataCodec codec) {
        JobEnvironment.shared().useDataCodec(codec);
    }
}
