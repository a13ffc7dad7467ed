package dev.hover.runtime.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.UncheckedIOException;
import java.util.List;

/** The SQS event Lambda's event source mapping sends for messages it received. */
public final class SqsEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    /** @param messages received with {@code ApproximateReceiveCount} among their attributes */
    public static String of(List<Message> messages, String queueArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle()).put("body", m.body());
            record.putObject("attributes").put("ApproximateReceiveCount",
                    m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
            record.putObject("messageAttributes");
            record.put("eventSource", "aws:sqs").put("eventSourceARN", queueArn).put("awsRegion", "us-east-1");
        }
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
