package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A queue function's event source mappings on this machine: batches of up to 10 visible messages of
 * one of its queues become an SQS event for the function, as Lambda's poller sends them (with
 * {@code ReportBatchItemFailures}): after the answer, the records it does not report are deleted; those
 * it reports, and the whole batch of a failed invocation, come back after the queue's visibility
 * timeout with a higher receive count.
 */
final class QueuePoller implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BATCH_SIZE = 10;
    private static final long WAIT_MILLIS = 1000;

    private final LocalQueues queues;
    private final List<String> queueNames;
    private final LocalFunction function;
    private final String region;
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    QueuePoller(LocalQueues queues, List<String> queueNames, LocalFunction function, String region, Consumer<String> log) {
        this.queues = queues;
        this.queueNames = List.copyOf(queueNames);
        this.function = function;
        this.region = region;
        this.log = log;
        this.thread = new Thread(this::loop, "hover-run-poller-" + function.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                queues.receive(queueNames, BATCH_SIZE, WAIT_MILLIS).ifPresent(this::deliver);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.accept("the poller of " + function.name() + " failed, its batch comes back after the visibility timeout: " + e);
            }
        }
    }

    private void deliver(Map.Entry<String, List<LocalQueues.Received>> batch) {
        String queue = batch.getKey();
        InvokeResult result;
        try {
            result = function.invoke(event(queue, batch.getValue()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Set<String> failed = new HashSet<>();
        if (result.functionError().isPresent()) {
            log.accept(function.name() + " failed a batch of " + batch.getValue().size() + " from " + queue
                    + "; it comes back after the queue's visibility timeout: " + result.payload());
            return;
        }
        try {
            for (JsonNode failure : JSON.readTree(result.payload()).path("batchItemFailures")) {
                failed.add(failure.path("itemIdentifier").asText());
            }
        } catch (IOException e) {
            log.accept(function.name() + " answered a batch with something that is not JSON; it comes back: " + result.payload());
            return;
        }
        for (LocalQueues.Received message : batch.getValue()) {
            if (!failed.contains(message.messageId())) {
                queues.delete(queue, message.receiptHandle());
            }
        }
    }

    private byte[] event(String queue, List<LocalQueues.Received> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (LocalQueues.Received message : messages) {
            ObjectNode record = records.addObject().put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle()).put("body", message.body());
            record.putObject("attributes").put("ApproximateReceiveCount", Integer.toString(message.receiveCount()))
                    .put("SentTimestamp", Long.toString(message.sentAt())).put("SenderId", "000000000000")
                    .put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt()));
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody()).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:" + region + ":000000000000:" + queue).put("awsRegion", region);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
