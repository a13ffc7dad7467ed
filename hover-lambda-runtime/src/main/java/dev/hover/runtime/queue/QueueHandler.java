package dev.hover.runtime.queue;

import dev.hover.runtime.worker.TimeBox;

import java.time.Instant;
import java.util.List;

/** A queue function: answers an SQS event with the records that go back to the queue. */
public final class QueueHandler {
    private final JobWorker worker;

    public QueueHandler(JobWorker worker) {
        this.worker = worker;
    }

    /** With the application's job environment, the shared SQS client and the function's tries and backoff. */
    public static QueueHandler create(int tries, List<Integer> backoff) {
        return new QueueHandler(new JobWorker(RetryPolicy.of(tries, backoff), JobEnvironment.shared(),
                QueueUrls.shared(), TimeBox.shared(), System.out));
    }

    /** @throws IllegalArgumentException when the event is not an SQS event */
    public String handle(String event, Instant deadline) throws InterruptedException {
        return SqsEventCodec.batchResponse(worker.process(SqsEventCodec.records(event), deadline));
    }
}
