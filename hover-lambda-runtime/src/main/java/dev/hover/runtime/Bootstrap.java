package dev.hover.runtime;

import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.api.HoverEnvironment;
import dev.hover.runtime.http.HttpHandler;
import dev.hover.runtime.http.LoopbackClient;
import dev.hover.runtime.lambda.ErrorReport;
import dev.hover.runtime.queue.JobDispatcher;
import dev.hover.runtime.lambda.RuntimeApiClient;
import dev.hover.runtime.lambda.RuntimeApiException;
import dev.hover.runtime.snapstart.Priming;
import dev.hover.runtime.snapstart.SnapStart;

import java.util.Map;

/**
 * The container's entry point: the cold start (docs/runtime.md), then the Runtime API loop.
 * One JVM runs this runtime and the application's main class; the stage's environment and its
 * secrets are already in its process environment ({@link dev.hover.model.packaged.LaunchCommand}).
 */
public final class Bootstrap {
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final Map<String, String> environment;

    Bootstrap(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        long entered = System.currentTimeMillis();
        prepareProcess();
        Map<String, String> environment = System.getenv();
        String address = environment.get("AWS_LAMBDA_RUNTIME_API");
        if (address == null) {
            Log.error("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside AWS Lambda (or its emulator)");
            System.exit(2);
        }
        RuntimeApiClient api = new RuntimeApiClient(address);
        boolean snapStart = SnapStart.requested(environment);
        RuntimeLoop loop;
        try {
            // made before a snapshot, so that its classes are in it
            loop = new RuntimeLoop(api, new Bootstrap(environment).coldStart(entered, snapStart),
                    Retirement.shared());
            if (snapStart) {
                SnapStart.standard().beforeSnapshot();
            }
        } catch (InitException e) {
            fail(api, ErrorReport.diagnosed(e.kind(), e.getMessage(), e.getCause()), e);
            return;
        } catch (RuntimeException | Error e) {
            fail(api, ErrorReport.diagnosed("InitFailed", "Cold start failed: " + e, e), e);
            return;
        }
        try {
            if (snapStart) {
                SnapStart.standard().restore(api);
            }
            loop.run();
        } catch (SnapStart.RestoreFailedException e) {
            System.exit(1);
        } catch (RuntimeApiException e) {
            Log.error("the Runtime API failed, exiting: " + e.getMessage(), e);
            System.exit(1);
        }
    }

    /** What the runtime's JVM sets before anything else, in a container and in {@link Training} alike. */
    static void prepareProcess() {
        // the application's main thread is called "main": keep thread dumps unambiguous
        Thread.currentThread().setName("hover-runtime");
        // read by com.sun.net.httpserver when a server starts: without it every keep-alive
        // exchange on loopback stalls ~40 ms (Nagle + delayed ACK)
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    static void fail(RuntimeApiClient api, ErrorReport report, Throwable error) {
        Log.error("init failed: " + report.headerValue() + ": " + report.message(), error);
        try {
            api.reportInitError(report);
        } finally {
            System.exit(1);
        }
    }

    /**
     * Everything between the JVM's start and the first {@code next}.
     *
     * @param prime whether the http function's application is primed ({@link Priming}): before a
     *              snapshot, and when training the class-data archive ({@link Training})
     */
    EventHandler coldStart(long entered, boolean prime) throws InitException {
        FunctionType type = functionType();
        StageFiles files = new StageFiles(environment);
        PackagedManifest manifest = files.readManifest();
        long manifestRead = System.currentTimeMillis();
        Map<String, String> secretValues = files.secretsFromEnvironment();
        long secretsRead = System.currentTimeMillis();
        HoverEnvironment.initialize(manifest.stage(), manifest.buildId(), manifest.environment(), secretValues);
        // before the application starts, so it may dispatch jobs from its first line on
        JobDispatcher.installFor(manifest);
        String directories = WritableDirectories.prepare();

        boolean snapStart = SnapStart.requested(environment);
        if (snapStart) {
            SnapStart.installCracCompat();
        }
        long appStarting = System.currentTimeMillis();
        Application application = Application.start(manifest.mainClass());
        if (type == FunctionType.HTTP) {
            HttpHandler.prepare();
        }
        LoopbackClient loopback = new LoopbackClient(manifest.http().port());
        Readiness.await(application, loopback, manifest.http().readinessPath(), type,
                manifest.http().readyTimeoutSeconds() * 1000L);
        long ready = System.currentTimeMillis();
        // the handlers find the application's jobs and services where its own classes are
        Thread.currentThread().setContextClassLoader(application.classLoader());

        EventHandler handler;
        try {
            handler = Handlers.create(type, new RuntimeContext(type, manifest, environment), loopback);
        } catch (Exception e) {
            throw new InitException("HandlerUnavailable", "The " + type.lowerCase() + " handler cannot start: " + e, e);
        }
        long handlerMade = System.currentTimeMillis();
        String primed = "";
        if (prime && type == FunctionType.HTTP) {
            PackagedManifest.Http http = manifest.http();
            Priming.Result result = new Priming(handler).prime(Priming.paths(http.readinessPath(), http.prime()),
                    http.primeRounds());
            primed = ", priming " + result.millis() + " ms (" + result.requests() + " requests: " + result.describe() + ")";
        }
        long done = System.currentTimeMillis();
        long jvmStart = ProcessClock.startMillis(entered);
        Log.info("cold start of " + manifest.name() + " build " + manifest.buildId() + " (" + type.lowerCase()
                + "): ready in " + (done - jvmStart) + " ms: process start to main " + (entered - jvmStart)
                + " ms, manifest " + (manifestRead - entered) + " ms, secrets " + (secretsRead - manifestRead)
                + " ms (" + secretValues.size() + " in the environment), application " + (ready - appStarting)
                + " ms, handler "
                + (handlerMade - ready) + " ms" + primed + "; " + directories);
        return handler;
    }

    private FunctionType functionType() throws InitException {
        try {
            return FunctionType.parse(environment.get(FunctionType.VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new InitException("BadConfiguration", e.getMessage());
        }
    }
}
