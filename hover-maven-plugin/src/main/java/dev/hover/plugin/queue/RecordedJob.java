package dev.hover.plugin.queue;

import dev.hover.model.jobs.FailedJob;

/**
 * An entry of the failed-jobs record as received from SQS.
 *
 * @param receiptHandle what deleting it, or making it visible again, takes
 */
public record RecordedJob(FailedJob entry, String messageId, String receiptHandle) {
}
