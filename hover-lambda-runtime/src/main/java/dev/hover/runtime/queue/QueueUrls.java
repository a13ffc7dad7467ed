package dev.hover.runtime.queue;

import dev.hover.runtime.aws.AwsClients;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SQS client, made on first use (a queue function that only succeeds, or an http function that
 * never dispatches, pays nothing for it) by {@link AwsClients}, and the queues' URLs,
 * looked up once each with GetQueueUrl.
 */
public final class QueueUrls {
    // a class, not a method reference: resolving a method handle to a method returning SqsClient
    // would load the SDK (opening its jars) at every cold start, dispatching or not
    private static final QueueUrls SHARED = new QueueUrls(new StandardClient());

    private final Supplier<SqsClient> clientFactory;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private volatile SqsClient client;

    public QueueUrls(Supplier<SqsClient> clientFactory) {
        this.clientFactory = clientFactory;
    }

    public static QueueUrls shared() {
        return SHARED;
    }

    private static final class StandardClient implements Supplier<SqsClient> {
        @Override
        public SqsClient get() {
            return AwsClients.fromProcessEnvironment().configure(SqsClient.builder()).build();
        }
    }

    public SqsClient client() {
        SqsClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = clientFactory.get();
                }
                c = client;
            }
        }
        return c;
    }

    /**
     * Closes the client, if one was made; the next use makes a new one. Before a SnapStart
     * snapshot: its pooled connections and cached credentials must not be shared by every
     * container restored from it (the queues' URLs stay valid and are kept).
     */
    public synchronized void release() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** @param queueName the full SQS name, e.g. {@code mail-shop-staging} */
    public String urlOf(String queueName) {
        return urls.computeIfAbsent(queueName, name -> client().getQueueUrl(r -> r.queueName(name)).queueUrl());
    }
}
