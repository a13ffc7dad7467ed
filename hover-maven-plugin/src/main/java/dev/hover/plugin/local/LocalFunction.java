package dev.hover.plugin.local;

import dev.hover.plugin.aws.InvokeResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One function of the stage on this machine, with Lambda's semantics: at most one container, which
 * starts (a cold start) on the first event, takes one event at a time, and is thrown away when it
 * crashes, fails its init, or outruns the function's timeout; the next event then starts a new one.
 */
final class LocalFunction implements AutoCloseable {
    private static final long POLL_MILLIS = 20;

    /**
     * @param command          the container's command, mapped to this machine
     * @param environment      its whole environment, without {@code AWS_LAMBDA_RUNTIME_API}
     * @param workingDirectory the image's working directory, mapped
     */
    record Launch(List<String> command, Map<String, String> environment, Path workingDirectory) {
        Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    private final String name;
    private final String label;
    private final Launch launch;
    private final Duration timeout;
    private final ChildProcesses children;
    private final Consumer<String> output;
    private final Clock clock;
    private Container container;

    /**
     * @param name   the function's name, as in AWS ({@code shop-staging-http})
     * @param label  what prefixes the container's log lines ({@code http})
     * @param output gets every line the container writes, prefixed
     */
    LocalFunction(String name, String label, Launch launch, Duration timeout, ChildProcesses children,
                  Consumer<String> output, Clock clock) {
        this.name = name;
        this.label = label;
        this.launch = launch;
        this.timeout = timeout;
        this.children = children;
        this.output = output;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Runs one event, after any event before it (Lambda gives a container one at a time), and returns
     * what Lambda's Invoke would: the payload, or a function error with its error document.
     */
    synchronized InvokeResult invoke(byte[] event) throws InterruptedException {
        while (true) {
            Container current = container();
            LocalInvocation invocation = new LocalInvocation(event, timeout);
            current.api.offer(invocation);
            Optional<InvokeResult> result = current.await(invocation);
            if (result.isPresent()) {
                return result.get();
            }
            // the container retired after its last answer and exited without taking the event: a new one takes it
        }
    }

    private Container container() {
        if (container != null && container.process.isAlive() && container.api.initError().isEmpty()) {
            return container;
        }
        discard();
        try {
            container = new Container();
        } catch (IOException e) {
            throw new UncheckedIOException("hover:run could not start the " + label + " function (" + launch.command().get(0)
                    + "): " + e.getMessage(), e);
        }
        return container;
    }

    private void discard() {
        if (container != null) {
            container.close();
            container = null;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }

    /** A runtime process and the Runtime API it is given. */
    private final class Container implements AutoCloseable {
        final LocalRuntimeApi api;
        final Process process;
        int served;

        Container() throws IOException {
            api = LocalRuntimeApi.start("arn:aws:lambda:local:000000000000:function:" + name, clock);
            Map<String, String> environment = new HashMap<>(launch.environment());
            environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
            ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDirectory().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            try {
                process = children.start(builder);
            } catch (IOException e) {
                api.close();
                throw e;
            }
            Daemons.start("hover-run-" + label + "-output", this::pumpOutput);
        }

        private void pumpOutput() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.accept("[" + label + "] " + line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        /**
         * @return the answer; empty when the process exited without taking the event after it had served
         *         others (it retired), so that a new container takes it
         */
        Optional<InvokeResult> await(LocalInvocation invocation) throws InterruptedException {
            while (true) {
                Optional<InvokeResult> result = invocation.await(POLL_MILLIS);
                if (result.isPresent()) {
                    served++;
                    return result;
                }
                Optional<String> initError = api.initError();
                if (initError.isPresent()) {
                    invocation.failWith(initError.get());
                    continue;
                }
                if (!process.isAlive()) {
                    if (invocation.deadline().isEmpty() && api.withdraw(invocation) && served > 0) {
                        discard();
                        return Optional.empty();
                    }
                    discard();
                    return Optional.of(exitError(invocation));
                }
                if (invocation.deadline().isPresent() && clock.millis() > invocation.deadline().getAsLong()) {
                    discard();
                    invocation.fail("Sandbox.Timedout", invocation.requestId() + " Task timed out after "
                            + String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0) + " seconds");
                }
            }
        }

        InvokeResult exitError(LocalInvocation invocation) {
            String status = process.isAlive() ? "" : ": exit status " + process.exitValue();
            invocation.fail("Runtime.ExitError", "RequestId: " + invocation.requestId() + " Error: Runtime exited" + status);
            try {
                return invocation.await(0).orElseThrow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            children.stop(process);
            api.close();
        }
    }
}
