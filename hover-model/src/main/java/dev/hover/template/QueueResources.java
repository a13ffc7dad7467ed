package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A queue and the event source mapping that feeds its jobs to the queue function's {@code live} alias. */
final class QueueResources {
    /**
     * AWS's advice for a queue that feeds Lambda: a visibility timeout of six times the function's
     * timeout, so batches the poller holds back while the function is throttled are not retried early.
     */
    static final int VISIBILITY_TIMEOUT_PER_FUNCTION_TIMEOUT = 6;
    /** SQS's maximum: a job waits up to 14 days for a stage whose queue function is down. */
    static final int MESSAGE_RETENTION_SECONDS = 1_209_600;
    static final int BATCH_SIZE = 10;
    /** The smallest {@code ScalingConfig.MaximumConcurrency} SQS event sources accept. */
    static final int MIN_MAXIMUM_CONCURRENCY = 2;
    static final int MAX_MAXIMUM_CONCURRENCY = 1000;

    private QueueResources() {
    }

    static void add(Resources resources, StageQueue queue, int queuesOfConsumer) {
        StageFunction consumer = queue.consumer();
        resources.addDeletedWithStack(queue.queueId(), "AWS::SQS::Queue", Cfn.object()
                .put("QueueName", queue.name())
                .put("VisibilityTimeout", visibilityTimeout(consumer.settings().timeout()))
                .put("MessageRetentionPeriod", MESSAGE_RETENTION_SECONDS));

        ObjectNode mapping = Cfn.object();
        mapping.set("EventSourceArn", Cfn.getAtt(queue.queueId(), "Arn"));
        mapping.set("FunctionName", consumer.liveAliasArn());
        mapping.put("BatchSize", BATCH_SIZE);
        mapping.set("FunctionResponseTypes", Cfn.array("ReportBatchItemFailures"));
        mapping.put("Enabled", true);
        // Without a cap, the poller goes past a reserved concurrency and the throttled messages come back
        // with a higher receive count, which the runtime reads as a failed try: share the reservation.
        consumer.settings().concurrency().ifPresent(reserved -> mapping.putObject("ScalingConfig")
                .put("MaximumConcurrency", maximumConcurrency(reserved, queuesOfConsumer)));
        resources.add(queue.eventSourceId(), "AWS::Lambda::EventSourceMapping", mapping);
    }

    static int maximumConcurrency(int reservedConcurrency, int queuesOfConsumer) {
        int share = reservedConcurrency / queuesOfConsumer;
        return Math.min(MAX_MAXIMUM_CONCURRENCY, Math.max(MIN_MAXIMUM_CONCURRENCY, share));
    }

    static int visibilityTimeout(int functionTimeout) {
        // at most 6 × 900 s, well under SQS's 12-hour maximum
        return VISIBILITY_TIMEOUT_PER_FUNCTION_TIMEOUT * functionTimeout;
    }
}
