package dev.hover.runtime.queue;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worker's SQS calls. A call that fails leaves its records to Lambda: they are reported in
 * {@code batchItemFailures} (the caller adds them) and come back after the queue's visibility timeout.
 * A class of its own so the SDK is loaded on the first call, not at cold start: a batch whose jobs
 * all succeed quickly makes none.
 */
final class QueueCalls {
    private static final int SQS_BATCH = 10;

    private final QueueUrls queues;
    private final JobLog log;

    QueueCalls(QueueUrls queues, JobLog log) {
        this.queues = queues;
        this.log = log;
    }

    /**
     * Deletes settled records (DeleteMessageBatch, one call per queue and 10 records); one that is not
     * deleted is deleted by Lambda after the batch, as it is not reported.
     */
    void delete(List<SqsRecord> records) {
        Map<String, List<SqsRecord>> byQueue = new LinkedHashMap<>();
        for (SqsRecord record : records) {
            byQueue.computeIfAbsent(record.queueName(), q -> new ArrayList<>()).add(record);
        }
        byQueue.forEach((queue, queued) -> {
            for (int from = 0; from < queued.size(); from += SQS_BATCH) {
                deleteAll(queue, queued.subList(from, Math.min(from + SQS_BATCH, queued.size())));
            }
        });
    }

    /**
     * Sends each job back as a new message (SendMessageBatch, one call per queue and 10 records), then,
     * when asked, deletes the originals that were sent (one DeleteMessageBatch per call); otherwise
     * Lambda deletes them after the batch.
     *
     * @return the records that could not be sent, which go back through {@code batchItemFailures}
     */
    List<SqsRecord> resend(List<Resend> resends, boolean deleteOriginals) {
        Map<String, List<Resend>> byQueue = new LinkedHashMap<>();
        for (Resend resend : resends) {
            byQueue.computeIfAbsent(resend.record().queueName(), q -> new ArrayList<>()).add(resend);
        }
        List<SqsRecord> unsent = new ArrayList<>();
        byQueue.forEach((queue, queued) -> {
            for (int from = 0; from < queued.size(); from += SQS_BATCH) {
                unsent.addAll(resendChunk(queue, queued.subList(from, Math.min(from + SQS_BATCH, queued.size())), deleteOriginals));
            }
        });
        return unsent;
    }

    private List<SqsRecord> resendChunk(String queue, List<Resend> chunk, boolean deleteOriginals) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Resend resend = chunk.get(i);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(resend.body()).delaySeconds(resend.delaySeconds()).build());
        }
        Set<Integer> failed = new HashSet<>();
        try {
            String url = queues.urlOf(queue);
            SendMessageBatchResponse sent = queues.client().sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            for (BatchResultErrorEntry error : sent.failed()) {
                failed.add(Integer.parseInt(error.id()));
                log.error("job.sqs-failed").record(chunk.get(Integer.parseInt(error.id())).record())
                        .with("call", "SendMessageBatch").with("reason", error.code() + ": " + error.message()).write();
            }
        } catch (SdkException e) {
            for (Resend resend : chunk) {
                log.error("job.sqs-failed").record(resend.record()).with("call", "SendMessageBatch").exception(e).write();
            }
            return chunk.stream().map(Resend::record).toList();
        }
        List<SqsRecord> unsent = new ArrayList<>();
        List<SqsRecord> sent = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            (failed.contains(i) ? unsent : sent).add(chunk.get(i).record());
        }
        if (deleteOriginals) {
            deleteAll(queue, sent);
        }
        return unsent;
    }

    private void deleteAll(String queue, List<SqsRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(records.get(i).receiptHandle()).build());
        }
        try {
            String url = queues.urlOf(queue);
            for (BatchResultErrorEntry error : queues.client().deleteMessageBatch(r -> r.queueUrl(url).entries(entries)).failed()) {
                log.error("job.sqs-failed").record(records.get(Integer.parseInt(error.id())))
                        .with("call", "DeleteMessageBatch").with("reason", error.code() + ": " + error.message()).write();
            }
        } catch (SdkException e) {
            for (SqsRecord record : records) {
                log.error("job.sqs-failed").record(record).with("call", "DeleteMessageBatch").exception(e).write();
            }
        }
    }

    /**
     * Writes an entry to the stage's failed-jobs record (SendMessage), then deletes the record.
     *
     * @return whether the entry was written; if not, the record goes back through {@code batchItemFailures}
     */
    boolean record(SqsRecord record, String failedJobsQueue, String entry) {
        try {
            String url = queues.urlOf(failedJobsQueue);
            queues.client().sendMessage(r -> r.queueUrl(url).messageBody(entry));
        } catch (SdkException e) {
            log.error("job.sqs-failed").record(record).with("call", "SendMessage").with("failedJobsQueue", failedJobsQueue)
                    .exception(e).write();
            return false;
        }
        delete(List.of(record));
        return true;
    }
}
