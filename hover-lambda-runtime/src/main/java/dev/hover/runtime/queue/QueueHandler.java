package dev.hover.runtime.queue;

import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.runtime.EventHandler;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.RuntimeContext;
import dev.hover.runtime.worker.TimeBox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A queue function: answers an SQS event with the records that go back to the queue. */
public final class QueueHandler implements EventHandler {
    public static final String FUNCTION_VARIABLE = "HOVER_QUEUE_FUNCTION";

    private final JobWorker worker;

    public QueueHandler(JobWorker worker) {
        this.worker = worker;
    }

    /**
     * The queue function named by {@code HOVER_QUEUE_FUNCTION}, with its tries and backoff, the
     * application's job environment, the shared SQS client and the stage's failed-jobs record.
     */
    public static QueueHandler forFunction(RuntimeContext context) {
        String name = context.requiredVariable(FUNCTION_VARIABLE);
        QueueFunction function = context.manifest().queues().get(name);
        if (function == null) {
            throw new IllegalStateException(FUNCTION_VARIABLE + " is '" + name + "', which is not a queue function of the manifest "
                    + context.manifest().queues().keySet());
        }
        return new QueueHandler(new JobWorker(RetryPolicy.of(function.tries(), function.backoff()),
                JobEnvironment.shared(), QueueUrls.shared(), new Names(context.manifest().name()).failedJobsQueue(),
                TimeBox.shared(), Retirement.shared(), System.out));
    }

    /** @throws IllegalArgumentException when the event is not an SQS event */
    @Override
    public byte[] handle(Invocation invocation) throws InterruptedException {
        String event = new String(invocation.payload(), StandardCharsets.UTF_8);
        List<String> released = worker.process(SqsEventCodec.records(event), Instant.ofEpochMilli(invocation.deadlineMs()));
        return SqsEventCodec.batchResponse(released).getBytes(StandardCharsets.UTF_8);
    }
}
