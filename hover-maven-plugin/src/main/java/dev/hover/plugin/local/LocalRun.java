package dev.hover.plugin.local;

import dev.hover.model.FunctionSettings;
import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.template.QueueResources;
import dev.hover.plugin.image.FrameworkDefaults;
import dev.hover.plugin.image.ImageLayout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code hover:run} without Maven: a stage's build on this machine with Lambda's semantics, no Docker
 * and no AWS account (docs/run.md). Each function of the stage runs the image's own entry point (the
 * real Hover runtime and the application) as a child JVM behind a Runtime API served here; a gateway on
 * 127.0.0.1 stands in for CloudFront and API Gateway.
 */
public final class LocalRun implements AutoCloseable {
    /** The default port of the gateway ({@code hover.port}). */
    public static final int DEFAULT_PORT = 8080;
    /** Credentials the functions are given: placeholders, so that nothing run locally reaches an AWS account. */
    static final String PLACEHOLDER_KEY = "hover-local";

    /**
     * @param port  the gateway's port on 127.0.0.1; 0 for a free one
     * @param java  the {@code java} the functions run with (the base image's is not used)
     * @param clock what the gateway's events and the scheduler read
     */
    public record Options(int port, Path java, Clock clock) {
    }

    private final ChildProcesses children;
    private final List<AutoCloseable> started;
    private final HttpGateway gateway;
    private final Thread shutdownHook = new Thread(this::stop, "hover-run-shutdown");
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private LocalRun(ChildProcesses children, List<AutoCloseable> started, HttpGateway gateway) {
        this.children = children;
        this.started = started;
        this.gateway = gateway;
        // Ctrl-C, or Maven's JVM ending otherwise: nothing hover:run started outlives it
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Lays out the build under {@code runDirectory} and starts the gateway; each function's container
     * starts on its first event, as on Lambda.
     *
     * @param hoverDirectory the project's {@code .hover/}, where the plain secrets file is
     * @param output         every line the functions write, prefixed with the function
     */
    public static LocalRun start(StageManifest manifest, BuildDescriptor build, Path hoverDirectory, Path runDirectory,
                                 Options options, Consumer<String> log, Consumer<String> output) throws IOException {
        Optional<RunState> running = RunState.read(runDirectory).filter(RunState::alive);
        if (running.isPresent()) {
            // a second run would lay the image out again under the first one's containers
            throw new LocalRunException("hover:run of stage " + manifest.stage() + " is running already for this project"
                    + " (process " + running.get().pid() + ", " + running.get().url() + "); perhaps you should stop it first,"
                    + " or use it: mvn hover:command -Dhover.stage=" + manifest.stage() + " -Dhover.local");
        }
        LocalImage image = LocalImage.layOut(build.image(), runDirectory.resolve("image"));
        Map<String, String> secrets = LocalSecrets.read(hoverDirectory, manifest.stage(), image.hasSecrets());
        ChildProcesses children = new ChildProcesses();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Names names = Names.of(manifest);
            Map<String, String> shared = new LinkedHashMap<>();
            LocalQueues queues = queues(manifest, options.clock());
            if (!manifest.queues().isEmpty()) {
                queues.onArrival(names.failedJobsQueue(), new FailedJobsFile(runDirectory.resolve("failed-jobs.jsonl"), log));
                LocalSqsEndpoint sqs = LocalSqsEndpoint.start(queues);
                started.add(sqs);
                // the SDK's standard setting: the runtime's own SQS client, unchanged, reaches the local queues
                shared.put("AWS_ENDPOINT_URL_SQS", sqs.url());
            }
            FunctionEnvironment functions = new FunctionEnvironment(manifest, image, secrets, options,
                    runDirectory.resolve("functions"), shared);
            String originVerify = UUID.randomUUID().toString();
            LocalFunction http = functions.function(names.httpFunction(), "http", "http", Optional.empty(), manifest.http(),
                    Map.of("HOVER_ORIGIN_VERIFY", originVerify), children, output);
            started.add(http);
            LocalFunction cli = functions.function(names.cliFunction(), "cli", "cli", Optional.empty(), manifest.cli(),
                    Map.of(), children, output);
            started.add(cli);
            Optional<Path> assets = Optional.ofNullable(build.assets().directory()).map(Path::of);
            HttpGateway gateway = HttpGateway.start(options.port(), http, assets, build.assets().url(), originVerify, log,
                    options.clock());
            started.add(gateway);
            String token = UUID.randomUUID().toString();
            ControlServer control = ControlServer.start(cli, token);
            started.add(control);
            for (QueueFunction function : manifest.queues().values()) {
                LocalFunction worker = functions.function(names.queueFunction(function.function()), "queue:" + function.function(),
                        "queue", Optional.of(function.function()), function, Map.of(), children, output);
                started.add(worker);
                QueuePoller poller = new QueuePoller(queues, function.queues().stream().map(names::queue).toList(), worker,
                        manifest.region(), log);
                started.add(poller);
                poller.start();
            }
            LocalScheduler scheduler = new LocalScheduler(options.clock(), cli, log);
            started.add(scheduler);
            scheduler.start();
            new RunState("http://127.0.0.1:" + gateway.port(), control.url(), token, ProcessHandle.current().pid())
                    .write(runDirectory);
            started.add(() -> RunState.delete(runDirectory));
            return new LocalRun(children, started, gateway);
        } catch (IOException | RuntimeException e) {
            closeAll(started, children);
            throw e;
        }
    }

    /**
     * The stage's queues as the template makes them: a visibility timeout of 6 × the consuming function's
     * timeout, the redrive policy's {@code maxReceiveCount} of 5 into the failed-jobs record.
     */
    private static LocalQueues queues(StageManifest manifest, Clock clock) {
        Names names = Names.of(manifest);
        List<LocalQueues.QueueSettings> settings = new ArrayList<>();
        for (QueueFunction function : manifest.queues().values()) {
            for (String queue : function.queues()) {
                settings.add(new LocalQueues.QueueSettings(names.queue(queue),
                        QueueResources.visibilityTimeout(function.timeout()) * 1000L, QueueResources.MAX_RECEIVE_COUNT,
                        Optional.of(names.failedJobsQueue())));
            }
        }
        settings.add(new LocalQueues.QueueSettings(names.failedJobsQueue(), 0, 0, Optional.empty()));
        return new LocalQueues(clock, settings);
    }

    /** The gateway's address, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** Waits until the run is closed (by another thread, or by Ctrl-C, which ends the JVM). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the gateway, the scheduler and every function's container. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops everything
        }
        stop();
    }

    private void stop() {
        closeAll(started, children);
        closed.countDown();
    }

    private static void closeAll(List<AutoCloseable> started, ChildProcesses children) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // the others are still to be stopped
            }
        }
        children.close();
    }

    /**
     * What a function's containers are started with: the image's command and environment, Lambda's
     * variables. Each Lambda container has a network of its own; here the functions share this machine's,
     * so each function's application is given a port of its own instead of {@code http.port}.
     */
    private static final class FunctionEnvironment {
        private final StageManifest manifest;
        private final LocalImage image;
        private final Map<String, String> secrets;
        private final Options options;
        private final Path directory;
        private final Map<String, String> shared;

        FunctionEnvironment(StageManifest manifest, LocalImage image, Map<String, String> secrets, Options options,
                            Path directory, Map<String, String> shared) {
            this.shared = shared;
            this.manifest = manifest;
            this.image = image;
            this.secrets = secrets;
            this.options = options;
            this.directory = directory;
        }

        LocalFunction function(String name, String label, String type, Optional<String> queueFunction,
                               FunctionSettings settings, Map<String, String> extra, ChildProcesses children,
                               Consumer<String> output) throws IOException {
            Map<String, String> environment = new LinkedHashMap<>();
            Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> environment.put("PATH", path));
            environment.put("LANG", "en_US.UTF-8");
            environment.put("TZ", ":UTC");
            environment.putAll(image.environment());
            environment.putAll(ownPort(label));
            environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
            environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memory()));
            environment.put("AWS_LAMBDA_LOG_GROUP_NAME", Names.of(manifest).logGroup(name));
            environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "hover-run");
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            environment.put("AWS_REGION", manifest.region());
            environment.put("AWS_DEFAULT_REGION", manifest.region());
            environment.put("AWS_ACCESS_KEY_ID", PLACEHOLDER_KEY);
            environment.put("AWS_SECRET_ACCESS_KEY", PLACEHOLDER_KEY);
            environment.put("HOVER_FUNCTION_TYPE", type);
            queueFunction.ifPresent(function -> environment.put("HOVER_QUEUE_FUNCTION", function));
            environment.put("HOVER_STAGE", manifest.stage());
            environment.putAll(shared);
            environment.putAll(extra);
            environment.putAll(secrets);
            List<String> command = new ArrayList<>(image.command(options.java()));
            // the JVM sizes its heap from the memory it may use: the function's, as in Lambda's container
            command.add(1, "-XX:MaxRAM=" + settings.memory() + "m");
            return new LocalFunction(name, label, new LocalFunction.Launch(command, environment, image.workingDirectory()),
                    Duration.ofSeconds(settings.timeout()), children, output, options.clock());
        }

        /**
         * A free port for the function's application: in a copy of the packaged manifest that
         * {@code HOVER_MANIFEST} points the runtime at, and in the variables through which the image tells
         * the application {@code http.port} ({@code PORT}, {@code SERVER_PORT}, …).
         */
        private Map<String, String> ownPort(String label) throws IOException {
            int port = FreePort.pick();
            Path packaged = image.taskRoot().resolve(ImageLayout.PACKAGED_MANIFEST.substring(ImageLayout.TASK_ROOT.length() + 1));
            PackagedManifest original = PackagedManifestCodec.read(packaged);
            PackagedManifest.Http http = original.http();
            Path copy = Files.createDirectories(directory.resolve(label)).resolve(PackagedManifest.FILE_NAME);
            PackagedManifestCodec.write(new PackagedManifest(original.stage(), original.name(), original.buildId(),
                    original.environment(), original.mainClass(), new PackagedManifest.Http(port, http.readinessPath(),
                    http.warm(), http.readyTimeoutSeconds(), http.prime(), http.primeRounds()), original.schedule(),
                    original.queues()), copy);
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("HOVER_MANIFEST", copy.toString());
            String httpPort = Integer.toString(http.port());
            image.environment().forEach((name, value) -> {
                if (value.equals(httpPort) && FrameworkDefaults.portVariables().contains(name)) {
                    variables.put(name, Integer.toString(port));
                }
            });
            return variables;
        }
    }
}
