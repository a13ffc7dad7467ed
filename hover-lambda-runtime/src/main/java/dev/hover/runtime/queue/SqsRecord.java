package dev.hover.runtime.queue;

/**
 * One record of an SQS event, the parts the worker needs.
 *
 * @param receiveCount   SQS's {@code ApproximateReceiveCount}: which attempt this is
 * @param eventSourceArn the queue's ARN
 */
public record SqsRecord(String messageId, String receiptHandle, String body, int receiveCount, String eventSourceArn) {

    /** The queue's name: the last part of its ARN. */
    public String queueName() {
        return eventSourceArn.substring(eventSourceArn.lastIndexOf(':') + 1);
    }
}
