package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * The part of SQS's API the Hover runtime calls, over {@link LocalQueues}, in SQS's own protocol (AWS
 * JSON 1.0, {@code X-Amz-Target: AmazonSQS.<operation>}, as the AWS SDK for Java speaks it): GetQueueUrl,
 * SendMessage, SendMessageBatch, DeleteMessage, DeleteMessageBatch. The functions reach it through the
 * SDK's standard endpoint setting, {@code AWS_ENDPOINT_URL_SQS}, so the runtime's job dispatch, retries
 * and failed-jobs record run their own code, as on Lambda. Another operation is refused, naming it.
 */
final class LocalSqsEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AmazonSQS.";
    /** SQS's limit on a message (256 KiB), which the runtime's messages must keep under on AWS too. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final LocalQueues queues;
    private LoopbackServer server;

    private LocalSqsEndpoint(LocalQueues queues) {
        this.queues = queues;
    }

    static LocalSqsEndpoint start(LocalQueues queues) throws IOException {
        LocalSqsEndpoint endpoint = new LocalSqsEndpoint(queues);
        endpoint.server = LoopbackServer.start(0, "hover-run-sqs", endpoint::handle);
        return endpoint;
    }

    /** The value of {@code AWS_ENDPOINT_URL_SQS}. */
    String url() {
        return server.url();
    }

    String queueUrl(String queue) {
        return url() + "/000000000000/" + queue;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (target == null || !target.startsWith(TARGET_PREFIX) || request == null) {
                error(exchange, "InvalidAction", "hover:run's SQS takes AWS JSON 1.0 requests (X-Amz-Target: AmazonSQS.…)");
                return;
            }
            try {
                JsonExchange.send(exchange, 200, answer(target.substring(TARGET_PREFIX.length()), request).toString());
            } catch (SqsError e) {
                error(exchange, e.code, e.getMessage());
            }
        }
    }

    private ObjectNode answer(String operation, JsonNode request) {
        ObjectNode answer = JSON.createObjectNode();
        switch (operation) {
            case "GetQueueUrl" -> answer.put("QueueUrl", queueUrl(existing(request.path("QueueName").asText())));
            case "SendMessage" -> {
                String body = body(request.path("MessageBody").asText());
                answer.put("MessageId", queues.send(queueOf(request), body, request.path("DelaySeconds").asInt(0)))
                        .put("MD5OfMessageBody", LocalQueues.md5(body));
            }
            case "SendMessageBatch" -> {
                String queue = queueOf(request);
                ArrayNode successful = answer.putArray("Successful");
                answer.putArray("Failed");
                for (JsonNode entry : request.path("Entries")) {
                    String body = body(entry.path("MessageBody").asText());
                    successful.addObject().put("Id", entry.path("Id").asText())
                            .put("MessageId", queues.send(queue, body, entry.path("DelaySeconds").asInt(0)))
                            .put("MD5OfMessageBody", LocalQueues.md5(body));
                }
            }
            case "DeleteMessage" -> queues.delete(queueOf(request), request.path("ReceiptHandle").asText());
            case "DeleteMessageBatch" -> {
                String queue = queueOf(request);
                ArrayNode successful = answer.putArray("Successful");
                answer.putArray("Failed");
                // SQS deletes an unknown receipt handle of a received message silently, too
                for (JsonNode entry : request.path("Entries")) {
                    queues.delete(queue, entry.path("ReceiptHandle").asText());
                    successful.addObject().put("Id", entry.path("Id").asText());
                }
            }
            default -> throw new SqsError("InvalidAction", operation + " is not served by hover:run's local SQS, which"
                    + " serves what the Hover runtime calls: GetQueueUrl, SendMessage(Batch), DeleteMessage(Batch)");
        }
        return answer;
    }

    private String queueOf(JsonNode request) {
        String url = request.path("QueueUrl").asText();
        return existing(url.substring(url.lastIndexOf('/') + 1));
    }

    private String existing(String queue) {
        if (!queues.exists(queue)) {
            throw new SqsError("QueueDoesNotExist", "The specified queue " + queue + " does not exist: hover:run has the"
                    + " stage's queues and its failed-jobs record only");
        }
        return queue;
    }

    private static String body(String body) {
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new SqsError("InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be shorter than "
                    + MAX_MESSAGE_BYTES + " bytes.");
        }
        return body;
    }

    private static void error(HttpExchange exchange, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-query-error", code + ";Sender");
        JsonExchange.send(exchange, 400, JSON.createObjectNode().put("__type", "com.amazonaws.sqs#" + code)
                .put("message", message).toString());
    }

    private static final class SqsError extends RuntimeException {
        final String code;

        SqsError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
