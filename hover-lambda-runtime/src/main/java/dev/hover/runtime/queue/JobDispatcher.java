package dev.hover.runtime.queue;

import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.packaged.PackagedManifest;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends jobs to the stage's queues ({@code <queue>-<name>}): the job class and its data, encoded by
 * {@link JobMessageCodec}, with SQS's delay.
 */
public final class JobDispatcher {
    private static volatile JobDispatcher shared;
    private static volatile PackagedManifest stage;

    private final Names names;
    private final List<String> queueNames;
    private final JobEnvironment environment;
    private final QueueUrls queues;
    private final Clock clock;

    /**
     * @param queueNames every queue of the stage (manifest names, without the stage suffix), in manifest
     *                   order; the first is where jobs go when no queue is named
     */
    public JobDispatcher(Names names, List<String> queueNames, JobEnvironment environment, QueueUrls queues, Clock clock) {
        this.names = names;
        this.queueNames = List.copyOf(queueNames);
        this.environment = environment;
        this.queues = queues;
        this.clock = clock;
    }

    /** The stage's queues, the application's job environment, the shared SQS client. */
    public static JobDispatcher forStage(PackagedManifest manifest) {
        Set<String> queueNames = new LinkedHashSet<>();
        for (QueueFunction function : manifest.queues().values()) {
            queueNames.addAll(function.queues());
        }
        return new JobDispatcher(new Names(manifest.name()), List.copyOf(queueNames), JobEnvironment.shared(),
                QueueUrls.shared(), Clock.systemUTC());
    }

    /** What {@link dev.hover.runtime.api.Jobs} dispatches with; the runtime installs it as it starts. */
    public static JobDispatcher shared() {
        JobDispatcher dispatcher = shared;
        if (dispatcher == null && stage != null) {
            synchronized (JobDispatcher.class) {
                if (shared == null) {
                    shared = forStage(stage);
                }
                dispatcher = shared;
            }
        }
        if (dispatcher == null) {
            throw new IllegalStateException("jobs can only be dispatched in an application started by the Hover runtime"
                    + " (dev.hover.runtime.Bootstrap), which knows the stage's queues");
        }
        return dispatcher;
    }

    public static void install(JobDispatcher dispatcher) {
        shared = dispatcher;
    }

    /**
     * Installs the stage's dispatcher, made on the first dispatch: its streams, lambdas and SDK
     * classes stay off the cold start path (docs/performance.md).
     */
    public static void installFor(PackagedManifest manifest) {
        stage = manifest;
        shared = null;
    }

    /** @return the job's id */
    public String dispatch(DispatchRequest request) {
        String queue = queueOf(request.queue());
        String data;
        try {
            data = environment.codec().toJson(request.data(), JobTypes.dataType(request.job()));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot encode the data of job " + request.job().getName() + ": " + e.getMessage(), e);
        }
        String id = UUID.randomUUID().toString();
        String body = JobMessageCodec.encode(new JobMessage(id, request.job().getName(), data, request.overrides(),
                Optional.of(clock.instant())));
        String url = queues.urlOf(names.queue(queue));
        queues.client().sendMessage(r -> r.queueUrl(url).messageBody(body).delaySeconds((int) request.delay().toSeconds()));
        return id;
    }

    private String queueOf(Optional<String> named) {
        if (queueNames.isEmpty()) {
            throw new IllegalStateException("the stage has no queues: add a queue function under 'queue' in the manifest");
        }
        String queue = named.orElse(queueNames.get(0));
        if (!queueNames.contains(queue)) {
            throw new IllegalArgumentException("queue '" + queue + "' is not one of the stage's queues " + queueNames);
        }
        return queue;
    }
}
