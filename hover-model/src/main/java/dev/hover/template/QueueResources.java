package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queue and the event source mapping that feeds its jobs to the queue function's {@code live} alias;
 * and the stage's failed-jobs record, which every queue's redrive policy ends in.
 */
public final class QueueResources {
    static final String FAILED_JOBS_ID = "FailedJobsQueue";
    /**
     * The redrive policy's {@code maxReceiveCount}: a backstop for a job that kills its container
     * even while the runtime records it as poison (after 3 crashes) — on its 6th receive of one
     * message, SQS moves it to the failed-jobs record as it is. The runtime sends every retry as a new
     * message, so receives of one message only add up through crashes and failed invocations.
     */
    public static final int MAX_RECEIVE_COUNT = 5;
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

    /** The failed-jobs record: a queue nothing consumes, keeping each entry the 14 days SQS allows. */
    static void addFailedJobs(Resources resources, String queueName) {
        resources.addDeletedWithStack(FAILED_JOBS_ID, "AWS::SQS::Queue", Cfn.object()
                .put("QueueName", queueName)
                .put("MessageRetentionPeriod", MESSAGE_RETENTION_SECONDS));
    }

    static void add(Resources resources, StageQueue queue, int queuesOfConsumer) {
        StageFunction consumer = queue.consumer();
        ObjectNode properties = Cfn.object()
                .put("QueueName", queue.name())
                .put("VisibilityTimeout", visibilityTimeout(consumer.settings().timeout()))
                .put("MessageRetentionPeriod", MESSAGE_RETENTION_SECONDS);
        ObjectNode redrive = properties.putObject("RedrivePolicy");
        redrive.set("deadLetterTargetArn", Cfn.getAtt(FAILED_JOBS_ID, "Arn"));
        redrive.put("maxReceiveCount", MAX_RECEIVE_COUNT);
        resources.addDeletedWithStack(queue.queueId(), "AWS::SQS::Queue", properties);

        ObjectNode mapping = Cfn.object();
        mapping.set("EventSourceArn", Cfn.getAtt(queue.queueId(), "Arn"));
        mapping.set("FunctionName", consumer.liveAliasArn());
        mapping.put("BatchSize", BATCH_SIZE);
        mapping.set("FunctionResponseTypes", Cfn.array("ReportBatchItemFailures"));
        mapping.put("Enabled", true);
        // Without a cap, the poller goes past a reserved concurrency and the throttled messages come back
        // with a higher receive count, which looks like a crash to the runtime and the redrive policy:
        // share the reservation.
        consumer.settings().concurrency().ifPresent(reserved -> mapping.putObject("ScalingConfig")
                .put("MaximumConcurrency", maximumConcurrency(reserved, queuesOfConsumer)));
        resources.add(queue.eventSourceId(), "AWS::Lambda::EventSourceMapping", mapping);
    }

    static int maximumConcurrency(int reservedConcurrency, int queuesOfConsumer) {
        int share = reservedConcurrency / queuesOfConsumer;
        return Math.min(MAX_MAXIMUM_CONCURRENCY, Math.max(MIN_MAXIMUM_CONCURRENCY, share));
    }

    /** Seconds, for a queue whose function has {@code functionTimeout}. */
    public static int visibilityTimeout(int functionTimeout) {
        // at most 6 × 900 s, well under SQS's 12-hour maximum
        return VISIBILITY_TIMEOUT_PER_FUNCTION_TIMEOUT * functionTimeout;
    }
}
