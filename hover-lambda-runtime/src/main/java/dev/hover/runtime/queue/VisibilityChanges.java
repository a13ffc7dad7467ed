package dev.hover.runtime.queue;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends released records back to their queues: one ChangeMessageVisibilityBatch call per queue and
 * 10 records. A failed call is logged; its records come back after the queue's own visibility
 * timeout instead. A class of its own so the SDK is loaded on the first release, not at cold start.
 */
final class VisibilityChanges {
    private static final int SQS_BATCH = 10;

    private VisibilityChanges() {
    }

    static void apply(List<Release> releases, QueueUrls queues, JobLog log) {
        Map<String, List<Release>> byQueue = new LinkedHashMap<>();
        for (Release release : releases) {
            byQueue.computeIfAbsent(release.record().queueName(), q -> new ArrayList<>()).add(release);
        }
        byQueue.forEach((queue, queued) -> {
            for (int from = 0; from < queued.size(); from += SQS_BATCH) {
                List<Release> chunk = queued.subList(from, Math.min(from + SQS_BATCH, queued.size()));
                try {
                    apply(queue, chunk, queues, log);
                } catch (SdkException e) {
                    for (Release release : chunk) {
                        log.error("job.release-failed").record(release.record()).exception(e).write();
                    }
                }
            }
        });
    }

    private static void apply(String queue, List<Release> chunk, QueueUrls queues, JobLog log) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Release release = chunk.get(i);
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(release.record().receiptHandle())
                    .visibilityTimeout(release.delaySeconds())
                    .build());
        }
        String url = queues.urlOf(queue);
        for (BatchResultErrorEntry error : queues.client().changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(entries)).failed()) {
            SqsRecord record = chunk.get(Integer.parseInt(error.id())).record();
            log.error("job.release-failed").record(record).with("reason", error.code() + ": " + error.message()).write();
        }
    }
}
