package dev.hover.plugin.queue;

import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stage's failed-jobs queue, read and changed through SQS. SQS cannot peek: reading receives every
 * message with a short visibility timeout ({@link #HOLD_SECONDS}), and {@link #release} makes the ones
 * a goal leaves visible again at once.
 */
final class FailedJobsRecord {
    /** How long a read holds the entries from other readers; released at once when the goal ends. */
    static final int HOLD_SECONDS = 60;
    private static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final String queueName;
    private final String queueUrl;

    private FailedJobsRecord(SqsClient sqs, String queueName, String queueUrl) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.queueUrl = queueUrl;
    }

    /** @throws QueueGoalException when the queue does not exist */
    static FailedJobsRecord open(SqsClient sqs, String queueName, String stage) {
        try {
            return new FailedJobsRecord(sqs, queueName, sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            throw new QueueGoalException("stage " + stage + " has no failed-jobs record: the queue " + queueName
                    + " does not exist (the stage has no queue functions, or has not been deployed)");
        }
    }

    String queueName() {
        return queueName;
    }

    /**
     * Every entry, oldest first as far as SQS tells.
     *
     * @param sourceOf the queue a message moved by a redrive policy came from, given SQS's
     *                 {@code DeadLetterQueueSourceArn} when it has one
     */
    List<RecordedJob> readAll(Function<Optional<String>, Optional<String>> sourceOf) {
        Map<String, RecordedJob> seen = new LinkedHashMap<>();
        int emptyReceives = 0;
        // a receive with nothing may only mean that the servers it asked had nothing: ask twice
        while (emptyReceives < 2) {
            int wait = emptyReceives == 0 ? 0 : 1;
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(SQS_BATCH)
                    .visibilityTimeout(HOLD_SECONDS).waitTimeSeconds(wait)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.SENT_TIMESTAMP, MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN))
                    .messages();
            emptyReceives = messages.isEmpty() ? emptyReceives + 1 : 0;
            for (Message message : messages) {
                seen.putIfAbsent(message.messageId(), new RecordedJob(entryOf(message, sourceOf), message.messageId(),
                        message.receiptHandle()));
            }
        }
        List<RecordedJob> all = new ArrayList<>(seen.values());
        all.sort((a, b) -> a.entry().failedAt().compareTo(b.entry().failedAt()));
        return all;
    }

    private static FailedJob entryOf(Message message, Function<Optional<String>, Optional<String>> sourceOf) {
        Optional<FailedJob> entry = FailedJobCodec.decode(message.body());
        if (entry.isPresent()) {
            return entry.get();
        }
        Map<MessageSystemAttributeName, String> attributes = message.attributes();
        Optional<String> sourceArn = Optional.ofNullable(attributes.get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN));
        int receives = Integer.parseInt(attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")) - 1;
        Instant sentAt = Instant.ofEpochMilli(Long.parseLong(attributes.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")));
        return FailedJobCodec.moved(message.messageId(), message.body(), sourceOf.apply(sourceArn), receives, sentAt);
    }

    void delete(RecordedJob job) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(job.receiptHandle()));
    }

    /** Makes entries a goal read but left visible again at once. */
    void release(List<RecordedJob> left) {
        for (int from = 0; from < left.size(); from += SQS_BATCH) {
            List<RecordedJob> chunk = left.subList(from, Math.min(from + SQS_BATCH, left.size()));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
        }
    }

    /** Sends a job's message back onto the queue it came from. */
    void dispatchAgain(FailedJob entry) {
        String url;
        try {
            url = sqs.getQueueUrl(r -> r.queueName(entry.queue())).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new QueueGoalException("job " + entry.id() + " came from the queue " + entry.queue()
                    + ", which no longer exists; nothing was changed for it");
        }
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(entry.body()));
    }
}
