package dev.hover.plugin.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stage's SQS queues on this machine, in memory, with the semantics the runtime relies on: a
 * message's delay, its visibility timeout once received, its receive count, deletion by receipt handle,
 * and the redrive policy that moves a message received more than {@code maxReceiveCount} times to the
 * failed-jobs record. Standard queues: no ordering promise beyond "oldest visible first".
 */
final class LocalQueues {
    /** A queue of the stage; {@code deadLetter} is the failed-jobs record, which has none itself. */
    record QueueSettings(String name, long visibilityTimeoutMillis, int maxReceiveCount, Optional<String> deadLetter) {
    }

    /** A message as a receiver sees it. */
    record Received(String messageId, String receiptHandle, String body, String md5OfBody, int receiveCount,
                    long sentAt, long firstReceivedAt) {
    }

    private static final class Message {
        final String id = UUID.randomUUID().toString();
        final String body;
        final long sentAt;
        long visibleAt;
        int receiveCount;
        long firstReceivedAt;
        String receiptHandle;

        Message(String body, long sentAt, long visibleAt) {
            this.body = body;
            this.sentAt = sentAt;
            this.visibleAt = visibleAt;
        }
    }

    private final Clock clock;
    private final Map<String, QueueSettings> settings = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new LinkedHashMap<>();
    private final Map<String, Consumer<String>> arrivals = new LinkedHashMap<>();

    LocalQueues(Clock clock, List<QueueSettings> queues) {
        this.clock = clock;
        for (QueueSettings queue : queues) {
            settings.put(queue.name(), queue);
            messages.put(queue.name(), new ArrayList<>());
        }
    }

    boolean exists(String queue) {
        return settings.containsKey(queue);
    }

    /** Tells {@code listener} the body of every message that reaches {@code queue} (the failed-jobs record's). */
    synchronized void onArrival(String queue, Consumer<String> listener) {
        arrivals.put(queue, listener);
    }

    /** @return the message's id */
    String send(String queue, String body, int delaySeconds) {
        Message message;
        Consumer<String> listener;
        synchronized (this) {
            long now = clock.millis();
            message = new Message(body, now, now + delaySeconds * 1000L);
            messages.get(queue).add(message);
            listener = arrivals.get(queue);
            notifyAll();
        }
        if (listener != null) {
            listener.accept(body);
        }
        return message.id;
    }

    /**
     * Waits up to {@code waitMillis} for visible messages in one of {@code queues} and receives up to
     * {@code max} of the first queue that has some; each becomes invisible for the queue's visibility
     * timeout. A message past its queue's {@code maxReceiveCount} goes to the failed-jobs record instead.
     *
     * @return the queue and its messages; empty when none became visible in time
     */
    Optional<Map.Entry<String, List<Received>>> receive(List<String> queues, int max, long waitMillis) throws InterruptedException {
        List<Map.Entry<String, String>> redriven = new ArrayList<>();
        Optional<Map.Entry<String, List<Received>>> received;
        synchronized (this) {
            long end = clock.millis() + waitMillis;
            while (true) {
                received = take(queues, max, redriven);
                long now = clock.millis();
                if (received.isPresent() || !redriven.isEmpty() || now >= end) {
                    break;
                }
                wait(Math.max(1, Math.min(end, nextVisible(queues).orElse(end)) - now));
            }
        }
        redriven.forEach(move -> send(move.getKey(), move.getValue(), 0));
        return received;
    }

    private Optional<Map.Entry<String, List<Received>>> take(List<String> queues, int max, List<Map.Entry<String, String>> redriven) {
        long now = clock.millis();
        for (String queue : queues) {
            QueueSettings queueSettings = settings.get(queue);
            List<Received> batch = new ArrayList<>();
            for (Iterator<Message> it = messages.get(queue).iterator(); it.hasNext() && batch.size() < max; ) {
                Message message = it.next();
                if (message.visibleAt > now) {
                    continue;
                }
                if (queueSettings.deadLetter().isPresent() && message.receiveCount >= queueSettings.maxReceiveCount()) {
                    it.remove();
                    redriven.add(Map.entry(queueSettings.deadLetter().get(), message.body));
                    continue;
                }
                message.receiveCount++;
                if (message.firstReceivedAt == 0) {
                    message.firstReceivedAt = now;
                }
                message.visibleAt = now + queueSettings.visibilityTimeoutMillis();
                message.receiptHandle = UUID.randomUUID().toString();
                batch.add(new Received(message.id, message.receiptHandle, message.body, md5(message.body),
                        message.receiveCount, message.sentAt, message.firstReceivedAt));
            }
            if (!batch.isEmpty()) {
                return Optional.of(Map.entry(queue, batch));
            }
        }
        return Optional.empty();
    }

    private Optional<Long> nextVisible(List<String> queues) {
        return queues.stream().flatMap(queue -> messages.get(queue).stream()).map(message -> message.visibleAt)
                .min(Long::compare);
    }

    /** @return false when no message of the queue has that receipt handle (deleted already, or received again since) */
    synchronized boolean delete(String queue, String receiptHandle) {
        return messages.get(queue).removeIf(message -> receiptHandle.equals(message.receiptHandle));
    }

    /** The bodies waiting in a queue, oldest first. */
    synchronized List<String> bodies(String queue) {
        return messages.get(queue).stream().map(message -> message.body).toList();
    }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
